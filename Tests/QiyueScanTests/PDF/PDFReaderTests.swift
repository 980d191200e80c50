#if Scan
import Foundation
import Testing
import Qiyue
import QiyueIngest

/// Text-layer PDFs: pages and their spans, each fact's page, two-column reading order, bad PDFs.
@Suite struct PDFReaderTests {
    @Test func textPDFGivesPagesAndEachFactItsPage() throws {
        let input = try ScanFixtures.read("text.pdf")
        #expect(input.source.format == .pdf)
        let pages = try #require(input.source.pages)
        #expect(pages.count == 2)
        #expect(pages.allSatisfy { !$0.ocr && $0.unit == "pt" && $0.width == 420 && $0.height == 300 })
        #expect(ScanFixtures.substring(input.decoded.text, pages[1].span).hasPrefix("第三条 甲方应于2024年6月30日前交付房屋。"))
        #expect(input.words.isEmpty && input.repaired == nil)
        let r = try ScanFixtures.report(input)
        #expect(r.document.totalPrice == 1_850_000)
        let total = try #require(r.amounts.first { $0.purpose == "total_price" })
        #expect(total.page == 1 && total.boxes == nil && total.needsReview == nil)
        let delivery = try #require(r.dates.first { $0.value == "2024-06-30" })
        #expect(delivery.page == 2)
        #expect(r.document.disputeResolution?.method == "arbitration")
    }

    @Test func twoColumnPageIsReadColumnByColumn() throws {
        let text = try ScanFixtures.read("two-column.pdf").decoded.text
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines == ["房屋租赁合同", "第一条 租赁物为杭州市西湖区", "文三路100号房屋。", "第二条 月租金为人民币", "叁仟元整（¥3,000）。",
                          "第三条 租赁期限自2024年1月1日", "起至2024年12月31日止。", "第四条 押金为人民币", "陆仟元整（¥6,000）。"])
    }

    @Test func corruptPDFIsACodedError() throws {
        var bytes = Array(ScanFixtures.bytes("text.pdf").prefix(600))
        bytes += Array(repeating: 0x41, count: 400)
        do { _ = try ScanFixtures.ingestor().read(bytes, name: "corrupt.pdf"); Issue.record("read") } catch { let e = error;
            #expect(e.code == .badPDF && e.path == "corrupt.pdf", "\(e)")
        }
        let garbage = Array("%PDF-1.7\nnot really\n".utf8)
        do { _ = try ScanFixtures.ingestor().read(garbage, name: "g.pdf"); Issue.record("read") } catch { let e = error;
            #expect(e.code == .badPDF)
        }
    }

    @Test func pageLimitRefusesLongPDFs() throws {
        var o = ScanFixtures.options
        o.maxPages = 1
        do { _ = try ScanFixtures.read("text.pdf", o); Issue.record("read") } catch { let e = error;
            #expect(e.code == .tooManyPages && e.message.contains("2 pages"))
        }
    }

    @Test func ocrNeverLeavesAScanUnread() throws {
        var o = ScanFixtures.options
        o.ocr = .never
        do { _ = try ScanFixtures.read("scan.pdf", o); Issue.record("read") } catch { let e = error;
            #expect(e.code == .noTextRecognized && e.message.contains("--ocr never"))
        }
    }

    @Test func withoutAScannerPDFIsRefused() throws {
        do { _ = try Ingestor().read(ScanFixtures.bytes("text.pdf"), name: "t.pdf"); Issue.record("read") } catch { let e = error;
            #expect(e.code == .scanUnavailable)
        }
    }
}
#endif
