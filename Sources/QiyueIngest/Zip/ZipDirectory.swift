/// Where each entry's data lies in a zip archive held in memory, from its central directory and
/// local headers, in central-directory order.
///
/// ZIPFoundation is not used to read archives: on a deflate stream that never ends its inflater
/// asks for more input past the end of the archive forever (a 2.8 KB DOCX hung `qiyue extract`),
/// and on directories pointing past the end its in-memory file traps (2.4 and 2.5 KB DOCX files
/// killed it); all found by fuzzing. Every offset here is bounds-checked instead.
struct ZipDirectory {
    /// One entry's data.
    struct Location: Equatable {
        /// The entry's name (UTF-8, or Latin-1 when it is not valid UTF-8).
        var name: String
        /// The CRC-32 the directory records.
        var checksum: UInt32
        /// The inflated size the directory declares (a hint only: counted while inflating).
        var uncompressedSize: Int
        /// The compression method (0 stored, 8 deflate).
        var method: Int
        /// The offset of its first data byte in the archive.
        var start: Int
        /// Its compressed size.
        var compressedSize: Int
    }

    /// The entries in central-directory order.
    let locations: [Location]

    /// Reads the directory; nil when it cannot be found or read, or names data outside the archive.
    init?(_ b: [UInt8]) {
        func u16(_ i: Int) -> Int? { i >= 0 && i + 2 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : nil }
        func u32(_ i: Int) -> Int? { guard let lo = u16(i), let hi = u16(i + 2) else { return nil }; return lo | hi << 16 }
        func u64(_ i: Int) -> Int? {
            guard let lo = u32(i), let hi = u32(i + 4), hi < 1 << 30 else { return nil }
            return lo | hi << 32
        }
        func signature(_ i: Int, _ s: [UInt8]) -> Bool { i >= 0 && i + 4 <= b.count && b[i..<(i + 4)].elementsEqual(s) }
        // The end-of-central-directory record: the last one, within the final 64 KiB and 22 bytes.
        var eocd = b.count - 22
        while eocd >= max(0, b.count - 22 - 65535) && !signature(eocd, [0x50, 0x4B, 0x05, 0x06]) { eocd -= 1 }
        guard eocd >= 0, signature(eocd, [0x50, 0x4B, 0x05, 0x06]), var count = u16(eocd + 10), var offset = u32(eocd + 16) else { return nil }
        // ZIP64: the locator just before it names the ZIP64 record with the real count and offset.
        if count == 0xFFFF || offset == 0xFFFF_FFFF, signature(eocd - 20, [0x50, 0x4B, 0x06, 0x07]), let record = u64(eocd - 12),
           signature(record, [0x50, 0x4B, 0x06, 0x06]), let c = u64(record + 32), let o = u64(record + 48) {
            count = c
            offset = o
        }
        var out: [Location] = []
        var i = offset
        for _ in 0..<count {
            guard signature(i, [0x50, 0x4B, 0x01, 0x02]), let flags = u16(i + 8), let method = u16(i + 10), let crc = u32(i + 16), var compressed = u32(i + 20), var uncompressed = u32(i + 24),
                  let nameLength = u16(i + 28), let extraLength = u16(i + 30), let commentLength = u16(i + 32),
                  var local = u32(i + 42) else { return nil }
            // ZIP64 extended information (0x0001): the 64-bit sizes and offset, for each 32-bit field at its maximum.
            var e = i + 46 + nameLength
            let extraEnd = e + extraLength
            while e + 4 <= extraEnd, let id = u16(e), let size = u16(e + 2) {
                if id == 1 {
                    var f = e + 4
                    if uncompressed == 0xFFFF_FFFF { guard let v = u64(f) else { return nil }; uncompressed = v; f += 8 }
                    if compressed == 0xFFFF_FFFF { guard let v = u64(f) else { return nil }; compressed = v; f += 8 }
                    if local == 0xFFFF_FFFF { guard let v = u64(f) else { return nil }; local = v }
                }
                e += 4 + size
            }
            guard signature(local, [0x50, 0x4B, 0x03, 0x04]), let localName = u16(local + 26), let localExtra = u16(local + 28) else { return nil }
            // The data (and a data descriptor after it, when flagged) inside the archive.
            let start = local + 30 + localName + localExtra
            guard start + compressed + (flags & 8 != 0 ? 12 : 0) <= b.count else { return nil }
            guard i + 46 + nameLength <= b.count else { return nil }
            let raw = b[(i + 46)..<(i + 46 + nameLength)]
            let name = String(validating: raw, as: UTF8.self) ?? String(String.UnicodeScalarView(raw.map { Unicode.Scalar($0) }))
            out.append(Location(name: name, checksum: UInt32(crc), uncompressedSize: uncompressed, method: method, start: start, compressedSize: compressed))
            i = extraEnd + commentLength
        }
        locations = out
    }
}
