/// A set of Unicode scalar values with O(1) bitmap lookups for the BMP (hashing per character is
/// the tokenizer's main cost otherwise).
struct ScalarSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)
    private var astral: Set<UInt32> = []

    init() {}

    init(_ string: String) {
        for u in string.unicodeScalars { insert(u.value) }
    }

    init<S: Sequence>(values: S) where S.Element == UInt32 {
        for v in values { insert(v) }
    }

    mutating func insert(_ c: UInt32) {
        if c < 0x10000 { bits[Int(c >> 6)] |= 1 << UInt64(c & 63) } else { astral.insert(c) }
    }

    @inline(__always)
    func contains(_ c: UInt32) -> Bool {
        if c < 0x10000 { return bits[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0 }
        return astral.contains(c)
    }
}
