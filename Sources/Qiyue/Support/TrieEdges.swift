/// The edge table of a trie: (node, scalar) → child node, in one open-addressing array.
///
/// Written by hand because lookups sit in the innermost loops of tokenizing and entity matching:
/// `Dictionary` hashes every key with SipHash, which cost more than the rest of a lookup. Keys
/// are never removed, so linear probing with a multiplicative hash is enough.
struct TrieEdges: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private var shift: UInt64
    private(set) var count = 0
    private static let empty = UInt64.max

    init() {
        keys = [UInt64](repeating: Self.empty, count: 16)
        values = [Int32](repeating: 0, count: 16)
        mask = 15
        shift = 60
    }

    @inline(__always)
    private static func key(_ node: Int32, _ c: UInt32) -> UInt64 { UInt64(UInt32(bitPattern: node)) << 32 | UInt64(c) }

    @inline(__always)
    private func slot(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The child of `node` along `c`.
    @inline(__always)
    func child(_ node: Int32, _ c: UInt32) -> Int32? {
        let k = Self.key(node, c)
        return keys.withUnsafeBufferPointer { kb in
            var i = slot(k)
            while true {
                let found = kb[i]
                if found == k { return values[i] }
                if found == Self.empty { return nil }
                i = (i + 1) & mask
            }
        }
    }

    /// Sets the child of `node` along `c`.
    mutating func set(_ node: Int32, _ c: UInt32, _ child: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.key(node, c)
        var i = slot(k)
        while keys[i] != Self.empty && keys[i] != k { i = (i + 1) & mask }
        if keys[i] == Self.empty { count += 1 }
        keys[i] = k
        values[i] = child
    }

    /// Every edge as (node, scalar, child).
    var all: [(Int32, UInt32, Int32)] {
        var out: [(Int32, UInt32, Int32)] = []
        for i in 0..<keys.count where keys[i] != Self.empty {
            out.append((Int32(bitPattern: UInt32(keys[i] >> 32)), UInt32(keys[i] & 0xFFFF_FFFF), values[i]))
        }
        return out
    }

    private mutating func grow() {
        let old = all
        let capacity = keys.count * 2
        keys = [UInt64](repeating: Self.empty, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        count = 0
        for (n, c, v) in old { set(n, c, v) }
    }
}
