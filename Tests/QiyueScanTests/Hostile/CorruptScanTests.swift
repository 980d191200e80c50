#if Scan
import Foundation
import Testing
import Qiyue
import QiyueIngest

/// Corrupt PDFs and images (the fast cases of scripts/hostile/run.sh): each is read or refused
/// with its code, naming the file, within a few seconds.
@Suite struct CorruptScanTests {
    /// Reads the bytes; returns the error's code, or nil when they were read.
    private func outcome(_ bytes: [UInt8], _ name: String, _ options: IngestOptions = ScanFixtures.options) -> (code: QiyueError.Code?, input: Ingestor.Input?, seconds: Double) {
        let start = ContinuousClock.now
        do {
            let input = try ScanFixtures.ingestor(options).read(bytes, name: name)
            return (nil, input, Self.seconds(since: start))
        } catch {
            #expect(error.path == name, "\(error)")
            return (error.code, nil, Self.seconds(since: start))
        }
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    @Test func zeroSizePDFAndImageAreEmpty() {
        var o = ScanFixtures.options
        o.format = .pdf
        #expect(outcome([], "zero.pdf", o).code == .empty)
        o.format = .image
        #expect(outcome([], "zero.png", o).code == .empty)
    }

    @Test func truncatedPDFsAreReadOrRefusedWithACode() {
        let text = ScanFixtures.bytes("text.pdf")
        for fraction in [0.05, 0.25, 0.5, 0.75, 0.95] {
            let cut = Array(text.prefix(Int(Double(text.count) * fraction)))
            let r = outcome(cut, "cut.pdf")
            #expect(r.code == nil || [.badPDF, .noTextRecognized].contains(r.code!), "\(fraction): \(String(describing: r.code))")
            #expect(r.seconds < 20, "\(fraction): \(r.seconds) s")
        }
        // Half of it: the cross-reference table and the second page are gone.
        #expect(outcome(Array(text.prefix(text.count / 2)), "half.pdf").code == .badPDF)
    }

    @Test func garbageCrossReferenceTableIsRebuiltOrRefused() throws {
        let text = ScanFixtures.bytes("text.pdf")
        // Every offset past the end of the file: poppler rebuilds the table from the objects
        // themselves, and the text is all there.
        let r = outcome(CorruptScans.garbageXref(text) { _ in 9 }, "xref.pdf")
        let input = try #require(r.input, "\(String(describing: r.code))")
        #expect(input.source.pages?.count == 2)
        #expect(try ScanFixtures.report(input).document.totalPrice == 1_850_000)
        // Offsets that land inside other objects: read or refused with a code, never more.
        for seed in 1...5 {
            let garbage = CorruptScans.garbageXref(text) { k in UInt8((k * 7 + seed * 3) % 10) }
            let g = outcome(garbage, "xref-\(seed).pdf")
            #expect(g.code == nil || [.badPDF, .noTextRecognized].contains(g.code!), "\(seed): \(String(describing: g.code))")
            #expect(g.seconds < 20)
        }
    }

    @Test func headerOnlyAndPageTreeCycleAreBadPDFs() {
        #expect(outcome(Array("%PDF-1.7\n%%EOF\n".utf8), "header.pdf").code == .badPDF)
        let cycle = outcome(CorruptScans.pageTreeCycle, "cycle.pdf")
        #expect(cycle.code == .badPDF && cycle.seconds < 10)
    }

    @Test func hugePageIsRefusedBeforeRendering() {
        // 14,400 points square (the largest PDF allows), no text: 60,000² pixels at 300 dpi.
        let r = outcome(CorruptScans.page("0 0 14400 14400"), "huge-page.pdf")
        #expect(r.code == .imageTooLarge && r.seconds < 10)
    }

    @Test func hugeImageHeadersAreRefusedBeforeDecoding() {
        for (bytes, name) in [(CorruptScans.hugeGIF, "huge.gif"), (CorruptScans.hugeBMP, "huge.bmp"),
                              (CorruptScans.hugeJPEG, "huge.jpg"), (CorruptScans.hugeTIFF, "huge.tiff")] {
            let r = outcome(bytes, name)
            #expect(r.code == .imageTooLarge && r.seconds < 10, "\(name): \(String(describing: r.code)) in \(r.seconds) s")
        }
    }

    @Test func garbageAfterAPNGSignatureIsABadImage() {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var x: UInt32 = 19
        for _ in 0..<4096 { x = x &* 1_103_515_245 &+ 12345; bytes.append(UInt8(x >> 24)) }
        #expect(outcome(bytes, "garbage.png").code == .badImage)
    }
}
#endif
