import CZipBridge
import Foundation
import Qiyue
import ZIPFoundation

/// The parts of a zip archive, read into memory by name under ``IngestOptions`` limits.
///
/// Entry names are only ever keys: nothing is written to disk, so a name such as `../../etc/passwd`
/// is just a part nobody asks for. Sizes are counted while inflating (the headers' sizes are not
/// trusted), so a zip bomb stops with Q111 after at most ``IngestOptions/maxUncompressedBytes``.
struct ZipParts {
    private let archive: Archive
    private let entries: [String: Entry]
    /// Entry names in archive order.
    let names: [String]
    private let options: IngestOptions
    private let archiveBytes: Int
    private let path: String
    /// Bytes inflated so far from this archive, over all parts read.
    private(set) var inflated = 0

    /// The four bytes every zip archive (and so every DOCX) starts with: `PK\u{3}\u{4}`.
    static let localHeaderMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    /// An empty archive starts with its end-of-central-directory record.
    static let emptyArchiveMagic: [UInt8] = [0x50, 0x4B, 0x05, 0x06]

    static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: localHeaderMagic) || bytes.starts(with: emptyArchiveMagic)
    }

    init(bytes: [UInt8], path: String, options: IngestOptions) throws(QiyueError) {
        self.options = options
        self.path = path
        archiveBytes = bytes.count
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw QiyueError(.notDocx, path: path, "not a readable zip archive (\(error))")
        }
        var entries: [String: Entry] = [:]
        var names: [String] = []
        for entry in archive {
            names.append(entry.path)
            if names.count > options.maxEntries {
                throw QiyueError(.decompressionLimit, path: path,
                                 "the archive lists more than \(options.maxEntries) entries (see --max-zip-entries)")
            }
            guard entries[entry.path] == nil else {
                throw QiyueError(.notDocx, path: path, "the archive holds two entries named '\(Self.printable(entry.path))'")
            }
            entries[entry.path] = entry
        }
        if names.isEmpty { throw QiyueError(.notDocx, path: path, "the zip archive is empty") }
        self.entries = entries
        self.names = names
    }

    func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The inflated bytes of the entry `name`, or nil when there is none.
    mutating func read(_ name: String) throws(QiyueError) -> [UInt8]? {
        guard let entry = entries[name], entry.type == .file else { return nil }
        let budget = options.maxUncompressedBytes - inflated
        // The header's size is only a hint here: an entry claiming more than the budget is refused
        // early, one claiming less is still counted byte by byte below.
        if entry.uncompressedSize > UInt64(max(0, budget)) {
            throw limit("entry '\(Self.printable(name))' declares \(entry.uncompressedSize) bytes, over the remaining budget of \(max(0, budget)) of --max-uncompressed-bytes \(options.maxUncompressedBytes)")
        }
        let compressed = max(1, min(Int(clamping: entry.compressedSize), archiveBytes))
        var out: [UInt8] = []
        out.reserveCapacity(min(Int(clamping: entry.uncompressedSize), budget, 4 << 20))
        var failure: QiyueError?
        var crc: UInt32 = 0
        do {
            // The CRC is checked below with zlib's CRC-32, much faster than ZIPFoundation's own.
            _ = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: true) { chunk in
                if out.count + chunk.count > budget {
                    failure = limit("inflating '\(Self.printable(name))' passed --max-uncompressed-bytes \(options.maxUncompressedBytes)")
                    throw CancellationError()
                }
                chunk.withUnsafeBytes { raw in
                    crc = qy_crc32(crc, raw.bindMemory(to: UInt8.self).baseAddress, raw.count)
                }
                out.append(contentsOf: chunk)
                if out.count > options.ratioCheckFloor && out.count / compressed > options.maxCompressionRatio {
                    failure = limit("entry '\(Self.printable(name))' inflates more than \(options.maxCompressionRatio)× (see --max-compression-ratio)")
                    throw CancellationError()
                }
            }
        } catch {
            if let failure { throw failure }
            throw QiyueError(.notDocx, path: path, "cannot inflate entry '\(Self.printable(name))' (\(error))")
        }
        guard crc == entry.checksum else {
            throw QiyueError(.notDocx, path: path, "entry '\(Self.printable(name))' is damaged (CRC-32 mismatch)")
        }
        inflated += out.count
        return out
    }

    private func limit(_ message: String) -> QiyueError {
        QiyueError(.decompressionLimit, path: path, "decompression limit exceeded: " + message)
    }

    /// An entry name as it may be shown in a message (control characters escaped, at most 80 characters).
    static func printable(_ name: String) -> String {
        var s = ""
        for u in name.unicodeScalars.prefix(80) {
            if u.value < 0x20 || u.value == 0x7F { s += "\\u{\(String(u.value, radix: 16))}" } else { s.unicodeScalars.append(u) }
        }
        return name.unicodeScalars.count > 80 ? s + "…" : s
    }
}
