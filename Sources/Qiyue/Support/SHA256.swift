import CSHA256

/// SHA-256 (FIPS 180-4), for content ids and the rules digest.
///
/// The compression function is a small C bridge (`CSHA256`) rather than swift-crypto: it is the
/// one hash function the core needs, and swift-crypto (BoringSSL) would add a minute or more to
/// every fresh build for it. The bridge uses the CPU's SHA extensions when present (about 1.8 GB/s
/// on this project's x86-64 machines, against 0.3 GB/s for portable C and 0.12 GB/s for the Swift
/// loop it replaces) — every input is hashed for `source.sha256`, so this is on the path of every
/// PDF and DOCX read. It is checked against the FIPS test vectors in `SHA256Tests`, on both paths.
///
/// ```swift
/// SHA256.hex(Array("abc".utf8))  // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public struct SHA256: Sendable {
    private var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0
    /// Whether to use the portable code only (tests compare both paths).
    private let portable: Bool

    /// A hash with nothing fed to it yet.
    public init() { self.init(portable: false) }

    /// A hash that uses the portable compression code only (for tests).
    init(portable: Bool) {
        self.portable = portable
        buffer.reserveCapacity(64)
    }

    /// Whether this machine's CPU SHA extensions are used.
    static var accelerated: Bool { qy_sha256_accelerated() != 0 }
    /// Feeds bytes.
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        length &+= UInt64(bytes.count)
        var i = bytes.startIndex
        if !buffer.isEmpty {
            while i != bytes.endIndex && buffer.count < 64 { buffer.append(bytes[i]); i = bytes.index(after: i) }
            guard buffer.count == 64 else { return }
            buffer.withUnsafeBufferPointer { compress($0.baseAddress!) }
            buffer.removeAll(keepingCapacity: true)
        }
        let rest = bytes[i...]
        let whole = rest.count / 64 * 64
        if whole > 0 {
            let handled = rest.withContiguousStorageIfAvailable { p -> Bool in
                compress(p.baseAddress!, blocks: whole / 64)
                return true
            }
            if handled == nil {
                let copy = Array(rest.prefix(whole))
                copy.withUnsafeBufferPointer { p in compress(p.baseAddress!, blocks: whole / 64) }
            }
        }
        buffer.append(contentsOf: rest.dropFirst(whole))
    }

    /// The 32-byte digest (the hash can no longer be fed).
    public mutating func finalize() -> [UInt8] {
        let bits = length &* 8
        var tail = buffer
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for s in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(s))) }
        tail.withUnsafeBufferPointer { p in compress(p.baseAddress!, blocks: p.count / 64) }
        buffer.removeAll()
        let words = [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7]
        return words.flatMap { w in [UInt8(w >> 24), UInt8(truncatingIfNeeded: w >> 16), UInt8(truncatingIfNeeded: w >> 8), UInt8(truncatingIfNeeded: w)] }
    }

    /// The digest of `bytes` as 64 lower-case hexadecimal digits.
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var s = SHA256()
        s.update(bytes)
        return hexString(s.finalize())
    }

    /// Lower-case hexadecimal digits of bytes.
    public static func hexString(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digest.count * 2)
        for b in digest { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Compresses `blocks` whole 64-byte blocks at `p`.
    private mutating func compress(_ p: UnsafePointer<UInt8>, blocks: Int = 1) {
        let portable = self.portable
        withUnsafeMutableBytes(of: &h) { raw in
            let state = raw.baseAddress!.assumingMemoryBound(to: UInt32.self)
            if portable { qy_sha256_blocks_portable(state, p, blocks) } else { qy_sha256_blocks(state, p, blocks) }
        }
    }
}
