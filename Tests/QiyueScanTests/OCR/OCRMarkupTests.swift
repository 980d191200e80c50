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
