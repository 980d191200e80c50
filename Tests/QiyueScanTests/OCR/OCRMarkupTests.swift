import Foundation
import Testing
import Qiyue
import QiyueIngest

/// hOCR and ALTO (as Tesseract writes them for scan.png): words in order, boxes, confidences; the
/// facts after repair; malformed markup is a coded error. These need no Scan trait.
@Suite struct OCRMarkupTests {
    @Test func hOCRWordsBoxesAndFacts() throws {
        let input = try ScanFixtures.read("scan.hocr.html")
        #expect(input.source.format == .hocr)
        let first = try #require(input.words.first)
        #expect(first.text == "出" && first.box == [47, 110, 127, 135] && first.confidence == 93 && first.page == 1)
        #expect(input.decoded.text.hasPrefix("出卖人"))
        #expect(input.decoded.text.split(separator: "\n").count == 6)
        let page = try #require(input.source.pages?.first)
        #expect(page.width == 1277 && page.height == 555 && page.ocr)
        let r = try ScanFixtures.report(input)
        #expect(r.document.totalPrice == 1_850_000)
        let deposit = try #require(r.amounts.first { $0.value == 50_000 })
        #expect(deposit.boxes?.first?.page == 1 && deposit.minConfidence != nil)
    }

    @Test func altoWordsBoxesAndFacts() throws {
        let input = try ScanFixtures.read("scan.alto.xml")
        #expect(input.source.format == .alto)
        let first = try #require(input.words.first)
        #expect(first.text == "出" && first.box == [47, 110, 127, 135] && first.confidence == 93)
        let hocr = try ScanFixtures.read("scan.hocr.html")
        #expect(input.decoded.text == hocr.decoded.text)
        let r = try ScanFixtures.report(input)
        #expect(r.document.totalPrice == 1_850_000)
    }

    @Test func malformedMarkupIsACodedError() throws {
        let broken = Array("<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v3#\"><Layout><Page WIDTH=\"10\"".utf8)
        do { _ = try Ingestor().read(broken, name: "b.xml"); Issue.record("read") } catch { let e = error;
            #expect(e.code == .badOCRMarkup && e.path == "b.xml")
        }
        let empty = Array("<html><body><div class='ocr_page' title='bbox 0 0 10 10'></div></body></html>".utf8)
        do { _ = try Ingestor().read(empty, name: "e.hocr"); Issue.record("read") } catch { let e = error;
            #expect(e.code == .badOCRMarkup)
        }
        let dtd = Array("<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY x \"y\">]><html><div class='ocr_page'></div></html>".utf8)
        do { _ = try Ingestor().read(dtd, name: "d.hocr"); Issue.record("read") } catch { let e = error;
            #expect(e.code == .forbiddenDTD)
        }
    }
    @Test func hugeFigureBesideAmountWordsIsNoCrash() {
        // The hocr fuzz target's input (57 KB): a figure too large for Int beside capital-numeral
        // words trapped the OCR repairs (Double to Int). Now read, or refused with a code.
        let bytes = ScanFixtures.bytes("fuzz-amount-overflow.hocr.html")
        #expect(bytes.count > 50_000)
        var o = IngestOptions()
        o.format = .hocr
        do { _ = try Ingestor(options: o).read(bytes, name: "overflow.hocr") } catch {
            #expect(error.code == .badOCRMarkup || error.code == .noTextRecognized, "\(error)")
        }
    }
}

/// `--ocr-text`: a plain-text file that is another engine's OCR output reads as one recognized page,
/// repaired as Tesseract's text is; without the option the same text is read as typed.
@Suite struct OCRTextInputTests {
    let text = "买卖合同\n甲方：张三\n乙方：李四\n房屋总价款为人民币壹佰捌拾伍万元整（f1,850,000.00），定金人民币5O,000元。\n"

    @Test func plainTextAsRecognizedPage() throws {
        var options = IngestOptions()
        options.recognizedText = true
        let input = try Ingestor(options: options).read(Array(text.utf8), name: "scan.txt")
        let page = try #require(input.source.pages?.first)
        #expect(input.source.pages?.count == 1 && page.ocr && page.span == TextSpan(0, text.unicodeScalars.count))
        #expect(input.decoded.text == text)  // spans index the text as given
        let repairs = try #require(input.source.repairs)
        #expect(repairs.contains { $0.original == "f" && $0.repaired == "¥" })
        #expect(input.analyzed.text.contains("¥1,850,000.00") && input.analyzed.text.contains("50,000元"))
    }

    @Test func typedTextIsNotRepaired() throws {
        let input = try Ingestor().read(Array(text.utf8), name: "typed.txt")
        #expect(input.source.pages == nil && input.source.repairs == nil)
    }
}
