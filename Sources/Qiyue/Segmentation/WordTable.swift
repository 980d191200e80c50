/// Words with values, matched forward (starting at a position) or backward (ending at one),
/// longest first.
struct WordTable<Value: Sendable>: Sendable {
    private var forward = Lexicon()
    private var backward = Lexicon()
    /// Values by trie node, so a match allocates nothing.
    private var forwardValues: [Value?] = []
    private var backwardValues: [Value?] = []

    init(_ pairs: [(String, Value)]) {
        for (k, _) in pairs where !k.isEmpty {
            forward.insert(k)
            backward.insert(String(String.UnicodeScalarView(k.unicodeScalars.reversed())))
        }
        forwardValues = Array(repeating: nil, count: forward.nodeCount)
        backwardValues = Array(repeating: nil, count: backward.nodeCount)
        for (k, v) in pairs where !k.isEmpty {
            if let n = forward.node(of: k) { forwardValues[Int(n)] = v }
            if let n = backward.node(of: String(String.UnicodeScalarView(k.unicodeScalars.reversed()))) { backwardValues[Int(n)] = v }
        }
    }

    /// Whether some word starts with `c` (a cheap test before ``match(_:at:limit:)``).
    @inline(__always)
    func startsWord(_ c: UInt32) -> Bool { forward.startsTerm(c) }

    /// The longest word starting at `i` and ending by `limit`: its end and value.
    @inline(__always)
    func match(_ t: [UInt32], at i: Int, limit: Int? = nil) -> (end: Int, value: Value)? {
        guard let m = forward.longestMatchNode(t, at: i, limit: limit), let v = forwardValues[Int(m.node)] else { return nil }
        return (m.end, v)
    }

    /// Whether any word occurs anywhere in `t`.
    func occurs(in t: [UInt32]) -> Bool {
        for i in t.indices where startsWord(t[i]) && match(t, at: i) != nil { return true }
        return false
    }

    /// The longest word ending at `i` (exclusive): its start and value.
    func match(_ t: [UInt32], endingAt i: Int) -> (start: Int, value: Value)? {
        guard let m = backward.longestMatchNodeBackward(t, endingAt: i, maxSteps: 12),
              let v = backwardValues[Int(m.node)] else { return nil }
        return (m.start, v)
    }
}
