/// Words with values, matched forward (starting at a position) or backward (ending at one),
/// longest first.
struct WordTable<Value: Sendable>: Sendable {
    private var forward = Lexicon()
    private var backward = Lexicon()
    /// Values by trie node, so a match allocates nothing.
    private var forwardValues: [Int32: Value] = [:]
    private var backwardValues: [Int32: Value] = [:]

    init(_ pairs: [(String, Value)]) {
        for (k, _) in pairs where !k.isEmpty {
            forward.insert(k)
            backward.insert(String(String.UnicodeScalarView(k.unicodeScalars.reversed())))
        }
        for (k, v) in pairs where !k.isEmpty {
            if let n = forward.node(of: k) { forwardValues[n] = v }
            if let n = backward.node(of: String(String.UnicodeScalarView(k.unicodeScalars.reversed()))) { backwardValues[n] = v }
        }
    }

    /// Whether the table holds no word.
    var isEmpty: Bool { forward.count == 0 }

    /// The longest word starting at `i` and ending by `limit`: its end and value.
    @inline(__always)
    func match(_ t: [UInt32], at i: Int, limit: Int? = nil) -> (end: Int, value: Value)? {
        guard let m = forward.longestMatchNode(t, at: i, limit: limit), let v = forwardValues[m.node] else { return nil }
        return (m.end, v)
    }

    /// The longest word ending at `i` (exclusive): its start and value.
    func match(_ t: [UInt32], endingAt i: Int) -> (start: Int, value: Value)? {
        guard i > 0 else { return nil }
        var rev: [UInt32] = []
        rev.reserveCapacity(12)
        var k = i - 1
        while k >= 0 && rev.count < 12 { rev.append(t[k]); k -= 1 }
        guard let m = backward.longestMatchNode(rev, at: 0), let v = backwardValues[m.node] else { return nil }
        return (i - m.end, v)
    }
}
