/// The first UTF-16 units of every required literal of a rule set's patterns (see
/// ``RegexLiterals``), as a bitmap, so that one pass over a document finds every place a literal
/// may start.
final class LiteralIndex: Sendable {
    private let bits: [UInt64]

    init(_ regexes: [SharedRegex]) {
        var bits = [UInt64](repeating: 0, count: 1024)
        for r in regexes {
            for l in r.literals ?? [] where !l.isEmpty {
                bits[Int(l[0]) >> 6] |= 1 << UInt64(l[0] & 63)
            }
        }
        self.bits = bits
    }

    /// Positions of each indexed unit in a text.
    func positions(in text: [UInt16]) -> [UInt16: [Int32]] {
        var out: [UInt16: [Int32]] = [:]
        for (i, u) in text.enumerated() where bits[Int(u) >> 6] & (1 << UInt64(u & 63)) != 0 {
            out[u, default: []].append(Int32(i))
        }
        return out
    }
}
