import CZipBridge
import Foundation
import Qiyue

/// The parts of a zip archive, read into memory by name under ``IngestOptions`` limits.
///
/// Entry names are only ever keys: nothing is written to disk, so a name such as `../../etc/passwd`
/// is just a part nobody asks for. Sizes are counted while inflating (the headers' sizes are not
/// trusted), so a zip bomb stops with Q111 after at most ``IngestOptions/maxUncompressedBytes``.
struct ZipParts {
    /// Each entry: where its data lies, its CRC and sizes (by name).
    private let locations: [String: ZipDirectory.Location]
    private let bytes: [UInt8]
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
        self.bytes = bytes
        archiveBytes = bytes.count
        guard let directory = ZipDirectory(bytes) else {
            throw QiyueError(.notDocx, path: path, "not a readable zip archive (its central directory cannot be read, or points past the end)")
        }
        var locations: [String: ZipDirectory.Location] = [:]
        var names: [String] = []
        for entry in directory.locations {
            names.append(entry.name)
            if names.count > options.maxEntries {
                throw QiyueError(.decompressionLimit, path: path,
                                 "the archive lists more than \(options.maxEntries) entries (see --max-zip-entries)")
            }
            guard locations[entry.name] == nil else {
                throw QiyueError(.notDocx, path: path, "the archive holds two entries named '\(Self.printable(entry.name))'")
            }
            locations[entry.name] = entry
        }
        if names.isEmpty { throw QiyueError(.notDocx, path: path, "the zip archive is empty") }
        self.locations = locations
        self.names = names
    }

    func contains(_ name: String) -> Bool { locations[name] != nil }

    /// The inflated bytes of the entry `name`, or nil when there is none.
    mutating func read(_ name: String) throws(QiyueError) -> [UInt8]? {
        guard let entry = locations[name], !name.hasSuffix("/") else { return nil }
        let budget = options.maxUncompressedBytes - inflated
        // The header's size is only a hint here: an entry claiming more than the budget is refused
        // early, one claiming less is still counted byte by byte below.
        if entry.uncompressedSize > max(0, budget) {
            throw limit("entry '\(Self.printable(name))' declares \(entry.uncompressedSize) bytes, over the remaining budget of \(max(0, budget)) of --max-uncompressed-bytes \(options.maxUncompressedBytes)")
        }
        let compressed = max(1, min(entry.compressedSize, archiveBytes))
        var out: [UInt8] = []
        out.reserveCapacity(max(0, min(entry.uncompressedSize, budget, 4 << 20)))
        var crc: UInt32 = 0
        // Each inflated chunk: counted against the budget and the ratio, checked, kept.
        func accept(_ chunk: UnsafeBufferPointer<UInt8>) throws(QiyueError) {
            if out.count + chunk.count > budget {
                throw limit("inflating '\(Self.printable(name))' passed --max-uncompressed-bytes \(options.maxUncompressedBytes)")
            }
            crc = qy_crc32(crc, chunk.baseAddress, chunk.count)
            out.append(contentsOf: chunk)
            if out.count > options.ratioCheckFloor && out.count / compressed > options.maxCompressionRatio {
                throw limit("entry '\(Self.printable(name))' inflates more than \(options.maxCompressionRatio)× (see --max-compression-ratio)")
            }
        }
        let location = entry
        let start = min(location.start, bytes.count)
        let data = bytes[start..<min(bytes.count, start + location.compressedSize)]
        switch location.method {
        case 0:
            guard data.count == location.compressedSize else { throw damaged(name, "is cut short") }
            try data.withUnsafeBufferPointer { (p) throws(QiyueError) in try accept(p) }
        case 8:
            try data.withUnsafeBufferPointer { (input) throws(QiyueError) in
                guard let inflater = qy_inflater_new(input.baseAddress, input.count) else {
                    throw QiyueError(.notDocx, path: path, "cannot inflate entry '\(Self.printable(name))' (zlib did not start)")
                }
                defer { qy_inflater_free(inflater) }
                var buffer = [UInt8](repeating: 0, count: 64 << 10)
                while true {
                    let n = buffer.withUnsafeMutableBufferPointer { qy_inflater_read(inflater, $0.baseAddress, $0.count) }
                    if n == 0 { break }
                    if n == -1 { throw damaged(name, "holds damaged deflate data") }
                    if n < 0 { throw damaged(name, "ends before its deflate data does") }
                    try buffer.withUnsafeBufferPointer { (p) throws(QiyueError) in try accept(UnsafeBufferPointer(rebasing: p[..<Int(n)])) }
                }
            }
        default:
            throw QiyueError(.notDocx, path: path, "entry '\(Self.printable(name))' uses compression method \(location.method); only stored and deflate entries are read")
        }
        guard crc == entry.checksum else {
            throw QiyueError(.notDocx, path: path, "entry '\(Self.printable(name))' is damaged (CRC-32 mismatch)")
        }
        inflated += out.count
        return out
    }

    private func damaged(_ name: String, _ what: String) -> QiyueError {
        QiyueError(.notDocx, path: path, "cannot inflate entry '\(Self.printable(name))': it \(what)")
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
