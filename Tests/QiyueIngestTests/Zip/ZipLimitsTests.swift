import Foundation
import Qiyue
import Testing
import ZIPFoundation
@testable import QiyueIngest

@Suite struct ZipLimitsTests {
    /// A DOCX whose word/document.xml is `size` bytes of one repeated byte, streamed in (never held).
    static func bomb(size: Int) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, text) in [("[Content_Types].xml", DocxWriter.contentTypes), ("_rels/.rels", DocxWriter.rootRels)] {
            let d = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(d.count), compressionMethod: .deflate) { p, n in d.subdata(in: Int(p)..<Int(p) + n) }
        }
        let chunk = Data(repeating: 0x20, count: 1 << 20)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(size),
                             compressionMethod: .deflate, bufferSize: 1 << 20) { _, n in chunk.prefix(n) }
        return [UInt8](archive.data!)
    }

    /// The code of the error `body` throws (nil when it does not throw).
    static func code(_ body: () throws -> Void) -> QiyueError.Code? {
        do { try body(); return nil } catch { return (error as? QiyueError)?.code ?? QiyueError.Code(rawValue: "not a QiyueError: \(error)") }
    }

    @Test func zipBombFailsWithACode() throws {
        var bytes = try Self.bomb(size: 128 << 20)   // 128 MiB in about 130 KB
        #expect(bytes.count < 1 << 20)
        // Honest headers: refused before inflating anything.
        #expect(Self.code { _ = try Ingestor().read(bytes, name: "bomb.docx") } == .decompressionLimit)
        // Headers that understate the size: stopped by the ratio once 1 MiB is inflated.
        Self.patchSizes(&bytes, entry: "word/document.xml", claimed: 1000)
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
        let bytes = try Self.bomb(size: 8 << 20)
        #expect(Self.code { _ = try Ingestor(options: options).read(bytes, name: "big.docx") } == .decompressionLimit)

        // The same archive with headers that claim document.xml is 100 bytes: still stopped,
        // because the limit counts inflated bytes, not the header's word.
        var lying = bytes
        Self.patchSizes(&lying, entry: "word/document.xml", claimed: 100)
        let code = Self.code { _ = try Ingestor(options: options).read(lying, name: "lying.docx") }
        #expect(code == .decompressionLimit)
    }

    /// Overwrites the uncompressed size of `entry` in its local and central headers.
    static func patchSizes(_ b: inout [UInt8], entry: String, claimed: UInt32) {
        let name = Array(entry.utf8)
        func le32(_ v: UInt32, at i: Int) { for k in 0..<4 { b[i + k] = UInt8((v >> (8 * UInt32(k))) & 0xFF) } }
        var i = 0
        while i + 46 < b.count {
            if b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 0x03 && b[i + 3] == 0x04,
               Array(b[(i + 30)..<(i + 30 + name.count)]) == name { le32(claimed, at: i + 22) }
            if b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 0x01 && b[i + 3] == 0x02,
               Array(b[(i + 46)..<min(b.count, i + 46 + name.count)]) == name { le32(claimed, at: i + 24) }
            i += 1
        }
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
        let cwd = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(inner.path)
        defer { FileManager.default.changeCurrentDirectoryPath(cwd) }
        let file = inner.appendingPathComponent("t.docx")
        try Data(bytes).write(to: file)
        let input = try Ingestor().read(contentsOf: file.path)
        #expect(input.decoded.text == "借款合同\n")
        // Nothing was written anywhere the names point.
        let listing = try FileManager.default.subpathsOfDirectory(atPath: dir.path).sorted()
        #expect(listing == ["a", "a/b", "a/b/t.docx"])
        for n in names where n.hasPrefix("/") { #expect(!FileManager.default.fileExists(atPath: n)) }

        // A body only under a traversal name is not a body.
        let only = try DocxWriter.zip([("[Content_Types].xml", Array(DocxWriter.contentTypes.utf8)), ("../word/document.xml", hostile[0].1)])
        #expect(Self.code { _ = try Ingestor().read(only, name: "t.docx") } == .notDocx)
    }
}
