#if Scan
import Foundation
import Testing
import Qiyue
import QiyueIngest

/// Scans through Tesseract (chi_sim, as the issue's example): a scanned PDF, a PNG and a TIFF give
/// the contract's facts with boxes, confidences and repairs; oversized and broken images are coded errors.
@Suite(.serialized) struct OCRScanTests {
    static var simplified: IngestOptions {
        var o = IngestOptions()
        o.ocrLanguages = "chi_sim"
        return o
    }

    @Test func pngScanReadsTheTotalPriceThroughRepairs() throws {
        let input = try ScanFixtures.read("scan.png", Self.simplified)
        #expect(input.source.format == .image)
        let page = try #require(input.source.pages?.first)
        #expect(page.ocr && page.unit == "px" && page.width == 1277 && page.height == 555)
        // The text as recognized (what qiyue text prints) keeps the misreadings; the analysis reads the repairs.
        #expect(input.decoded.text.contains("过佰撞拾伍万元整"))
        let repairs = try #require(input.source.repairs)
        #expect(repairs.contains { $0.original == "过" && $0.repaired == "壹" })
        #expect(repairs.contains { $0.original == "#" && $0.repaired == "¥" })
        for rep in repairs { #expect(ScanFixtures.substring(input.decoded.text, rep.span) == rep.original) }
        #expect(input.analyzed.text.unicodeScalars.count == input.decoded.text.unicodeScalars.count)
        let r = try ScanFixtures.report(input)
        #expect(r.document.totalPrice == 1_850_000)
        let total = try #require(r.amounts.first { $0.purpose == "total_price" })
        #expect(total.wordsMismatch == false)
        #expect(total.page == 1)
        let boxes = try #require(total.boxes)
        #expect(boxes.count >= 6 && boxes.allSatisfy { $0.box.count == 4 && $0.box[2] > $0.box[0] && $0.page == 1 })
        #expect(total.minConfidence == boxes.compactMap(\.confidence).min())
        #expect(total.needsReview == ((total.minConfidence ?? 100) < 70))
        #expect(r.amounts.contains { $0.purpose == "deposit" && $0.value == 50_000 })
        // 出卖人“〈甲方) is too garbled for the 甲方 line; 乙方's is read.
        #expect(r.parties.contains { $0.role == "乙方" && $0.name == "李娜" })
        #expect(r.dates.map(\.value).contains("2024-03-15"))
        #expect(!r.risks.contains { $0.rule.contains("mismatch") })
    }

    @Test func scannedPDFPageGoesThroughOCR() throws {
        let input = try ScanFixtures.read("scan.pdf", Self.simplified)
        let page = try #require(input.source.pages?.first)
        #expect(page.ocr && page.unit == "px" && page.width > 1000)
        #expect(!input.words.isEmpty)
        let r = try ScanFixtures.report(input)
        #expect(r.document.totalPrice == 1_850_000)
        #expect(r.amounts.first { $0.purpose == "total_price" }?.boxes?.isEmpty == false)
        #expect(r.parties.compactMap(\.name).contains("李娜"))
    }

    @Test func tiffScan() throws {
        let r = try ScanFixtures.report(try ScanFixtures.read("scan.tiff", Self.simplified))
        #expect(r.document.totalPrice == 1_850_000)
        #expect(r.amounts.contains { $0.value == 50_000 })
    }

    @Test func everyPageOfAMultiPageTIFFIsRead() throws {
        // Two pages (the scan twice): both recognized, each with its own span, and facts on the
        // second page traced to it.
        let input = try ScanFixtures.read("scan-pages.tiff", Self.simplified)
        let pages = try #require(input.source.pages)
        #expect(pages.map(\.number) == [1, 2])
        #expect(pages.allSatisfy { $0.ocr && $0.unit == "px" && $0.width > 1000 })
        #expect(pages[0].span.end <= pages[1].span.start && pages[1].span.end > pages[1].span.start)
        let r = try ScanFixtures.report(input)
        let amounts = r.amounts.filter { $0.value == 1_850_000 }
        #expect(Set(amounts.compactMap(\.page)) == [1, 2], "\(r.amounts.map { ($0.value, $0.page) })")
    }

    @Test func tiffPageLimitIsACodedError() throws {
        var o = Self.simplified
        o.maxPages = 1
        do { _ = try ScanFixtures.read("scan-pages.tiff", o); Issue.record("read") } catch { let e = error;
            #expect(e.code == .tooManyPages && e.message.contains("--max-pages"), "\(e)")
        }
    }

    @Test func reviewThresholdDecidesNeedsReview() throws {
        var o = Self.simplified
        o.reviewThreshold = 0
        let r = try ScanFixtures.report(try ScanFixtures.read("scan.tiff", o))
        #expect(r.amounts.allSatisfy { $0.needsReview == false })
        o.reviewThreshold = 100
        let strict = try ScanFixtures.report(try ScanFixtures.read("scan.tiff", o))
        #expect(strict.amounts.allSatisfy { $0.needsReview == true })
    }

    @Test func oversizedImageIsRefusedBeforeDecoding() throws {
        // A PNG header claiming 100000×100000 pixels (no pixel data at all).
        let png: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 1, 134, 160, 0, 1, 134, 160, 8, 0, 0, 0, 0,
                            141, 57, 84, 20, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130]
        do { _ = try ScanFixtures.ingestor().read(png, name: "huge.png"); Issue.record("read") } catch { let e = error;
            #expect(e.code == .imageTooLarge && e.path == "huge.png" && e.message.contains("100000×100000"), "\(e)")
        }
        var o = ScanFixtures.options
        o.maxPixels = 10_000
        do { _ = try ScanFixtures.read("scan.png", o); Issue.record("read") } catch { let e = error;
            #expect(e.code == .imageTooLarge)
        }
        o.maxPixels = 100_000
        do { _ = try ScanFixtures.read("scan.pdf", o); Issue.record("read") } catch { let e = error;
            #expect(e.code == .imageTooLarge && e.message.contains("page 1"))
        }
    }

    @Test func brokenImageIsACodedError() throws {
        let truncated = Array(ScanFixtures.bytes("scan.png").prefix(200))
        do { _ = try ScanFixtures.ingestor().read(truncated, name: "broken.png"); Issue.record("read") } catch { let e = error;
            #expect(e.code == .badImage || e.code == .noTextRecognized, "\(e)")
        }
    }

    @Test func missingLanguageDataIsACodedError() throws {
        var o = ScanFixtures.options
        o.ocrLanguages = "no_such_language"
        do { _ = try ScanFixtures.read("scan.tiff", o); Issue.record("read") } catch { let e = error;
            #expect(e.code == .scanUnavailable)
        }
    }
}
#endif
