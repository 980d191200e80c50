import Foundation
import Qiyue
import Testing
import IngestFixtures
@testable import QiyueIngest

@Suite struct ZipLimitsTests {
    /// The code of the error `body` throws (nil when it does not throw).
    static func code(_ body: () throws -> Void) -> QiyueError.Code? {
        do { try body(); return nil } catch { return (error as? QiyueError)?.code ?? QiyueError.Code(rawValue: "not a QiyueError: \(error)") }
    }

    @Test func zipBombFailsWithACode() throws {
        var bytes = try Fixtures.zipBomb(size: 128 << 20)   // 128 MiB in about 130 KB
        #expect(bytes.count < 1 << 20)
        // Honest headers: refused before inflating anything.
        #expect(Self.code { _ = try Ingestor().read(bytes, name: "bomb.docx") } == .decompressionLimit)
        // Headers that understate the size: stopped by the ratio once 1 MiB is inflated.
        Fixtures.patchSizes(&bytes, entry: "word/document.xml", claimed: 1000)
        do {
            _ = try Ingestor().read(bytes, name: "bomb.docx")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .decompressionLimit)
            #expect(error.message.contains("--max-compression-ratio"))
        }
    }

    @Test func totalSizeIsCountedWhileInflating() throws {
        var options = IngestOptions()
        options.maxCompressionRatio = .max
        options.maxUncompressedBytes = 4 << 20
        let bytes = try Fixtures.zipBomb(size: 8 << 20)
        #expect(Self.code { _ = try Ingestor(options: options).read(bytes, name: "big.docx") } == .decompressionLimit)

        // The same archive with headers that claim document.xml is 100 bytes: still stopped,
        // because the limit counts inflated bytes, not the header's word.
        var lying = bytes
        Fixtures.patchSizes(&lying, entry: "word/document.xml", claimed: 100)
        let code = Self.code { _ = try Ingestor(options: options).read(lying, name: "lying.docx") }
        #expect(code == .decompressionLimit)
    }

    @Test func damagedEntryIsRefused() throws {
        var bytes = try DocxWriter.docx(fromText: "借款合同\n")
        // Flip the CRC-32 recorded for word/document.xml in its local and central headers.
        let name = Array("word/document.xml".utf8)
        for i in 0..<(bytes.count - 46) where bytes[i] == 0x50 && bytes[i + 1] == 0x4B {
            if bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04 && Array(bytes[(i + 30)..<(i + 30 + name.count)]) == name { bytes[i + 14] ^= 0xFF }
            if bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02 && Array(bytes[(i + 46)..<min(bytes.count, i + 46 + name.count)]) == name { bytes[i + 16] ^= 0xFF }
        }
        do { _ = try Ingestor().read(bytes, name: "crc.docx"); Issue.record("expected an error") }
        catch { #expect(error.code == .notDocx); #expect(error.message.contains("CRC")) }
    }

    /// A zip of an empty stored `[Content_Types].xml` and a deflated `word/document.xml` whose
    /// deflate data is `data` (its CRC 0, its size as given).
    static func oneEntryZip(data: [UInt8], uncompressed: UInt32) -> [UInt8] {
        func le(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        var locals: [UInt8] = [], centrals: [UInt8] = []
        for (name, method, bytes, size) in [("[Content_Types].xml", 0, [UInt8](), 0), ("word/document.xml", 8, data, Int(uncompressed))] {
            let n = Array(name.utf8)
            let fields = le(20, 2) + le(0, 2) + le(method, 2) + le(0, 4) + le(0, 4) + le(bytes.count, 4) + le(size, 4) + le(n.count, 2) + le(0, 2)
            centrals += [0x50, 0x4B, 0x01, 0x02] + le(20, 2) + fields + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(locals.count, 4) + n
            locals += [0x50, 0x4B, 0x03, 0x04] + fields + n + bytes
        }
        let end = [0x50, 0x4B, 0x05, 0x06] + le(0, 4) + le(2, 2) + le(2, 2) + le(centrals.count, 4) + le(locals.count, 4) + le(0, 2)
        return locals + centrals + end
    }

    @Test func deflateDataThatNeverEndsIsRefusedAtOnce() throws {
        // A non-final stored block claiming 65,535 bytes of which 6 are there: ZIPFoundation's
        // inflater asked for more input past the end of the archive forever (`qiyue extract` hung
        // on a 2.8 KB DOCX the docx fuzz target found). Now Q110, naming the entry.
        let stream: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("甲方".utf8)
        let bytes = Self.oneEntryZip(data: stream, uncompressed: 100)
        let start = ContinuousClock.now
        do { _ = try Ingestor().read(bytes, name: "endless.docx"); Issue.record("expected an error") }
        catch {
            #expect(error.code == .notDocx && error.path == "endless.docx" && error.message.contains("word/document.xml"), "\(error)")
        }
        #expect(ContinuousClock.now - start < .seconds(5))
        // Damaged deflate data (an invalid block type) and data cut short of its stated size.
        #expect(Self.code { _ = try Ingestor().read(Self.oneEntryZip(data: [0x07, 1, 2, 3], uncompressed: 10), name: "bad.docx") } == .notDocx)
        var cut = try DocxWriter.docx(fromText: "借款合同\n")
        cut.removeLast(cut.count / 3)
        #expect(Self.code { _ = try Ingestor().read(cut, name: "cut.docx") } == .notDocx)
    }

    @Test func entryCountIsLimited() throws {
        var options = IngestOptions()
        options.maxEntries = 20
        let extra = (0..<30).map { ("word/media/image\($0).png", [UInt8]([1, 2, 3])) }
        let bytes = try DocxWriter.package(body: Fixtures.p("借款合同"), extra: extra)
        #expect(Self.code { _ = try Ingestor(options: options).read(bytes, name: "many.docx") } == .decompressionLimit)
        #expect(Self.code { _ = try Ingestor().read(bytes, name: "many.docx") } == nil)
    }

    @Test func entryNamesAreNeverPaths() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qiyue-zip-\(UUID().uuidString)")
        let inner = dir.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = ["../../evil.txt", "../evil.txt", "/tmp/qiyue-evil-\(UUID().uuidString).txt", "word/../../evil.txt",
                     "..\\..\\evil.txt", "word/../word/document.xml"]
        let hostile = names.map { ($0, Array("<w:document xmlns:w=\"\(DocxWriter.w)\"><w:body><w:p><w:r><w:t>EVIL</w:t></w:r></w:p></w:body></w:document>".utf8)) }
        let bytes = try DocxWriter.package(body: Fixtures.p("借款合同"), extra: hostile)
        let file = inner.appendingPathComponent("t.docx")
        try Data(bytes).write(to: file)
        let input = try Ingestor().read(contentsOf: file.path)
        #expect(input.decoded.text == "借款合同\n")
        // Nothing was written anywhere the names point.
        let listing = try FileManager.default.subpathsOfDirectory(atPath: dir.path).sorted()
        #expect(listing == ["a", "a/b", "a/b/t.docx"])
        for n in names where n.hasPrefix("/") { #expect(!FileManager.default.fileExists(atPath: n)) }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for d in [cwd, cwd.deletingLastPathComponent(), cwd.deletingLastPathComponent().deletingLastPathComponent()] {
            #expect(!FileManager.default.fileExists(atPath: d.appendingPathComponent("evil.txt").path))
        }

        // A body only under a traversal name is not a body.
        let only = try DocxWriter.zip([("[Content_Types].xml", Array(DocxWriter.contentTypes.utf8)), ("../word/document.xml", hostile[0].1)])
        #expect(Self.code { _ = try Ingestor().read(only, name: "t.docx") } == .notDocx)
    }
}
