/// Maps every scalar of the normalized text back to the range of original scalars it came from.
///
/// Normalization replaces (全角 → ASCII, 繁 → 简), expands (NFKC), and deletes (spaces between
/// spaced-out CJK characters, OCR line wraps) scalars; each surviving normalized scalar remembers
/// the original `[start, end)` it was made from, so any normalized range maps to the original range
/// from its first scalar's start to its last scalar's end.
struct OffsetMap: Sendable {
    /// Original start offset of each normalized scalar.
    private(set) var starts: [Int32]
    /// Original end offset of each normalized scalar; nil when every end is its start + 1 (the
    /// usual case: only a CRLF collapsed into one LF covers two original scalars).
    private(set) var ends: [Int32]?
    /// Length of the original text, in scalars.
    let originalLength: Int

    init(starts: [Int32], ends: [Int32]?, originalLength: Int) {
        precondition(ends == nil || starts.count == ends!.count)
        self.starts = starts
        self.ends = ends
        self.originalLength = originalLength
    }

    /// The identity map over a text of `count` scalars.
    static func identity(count: Int) -> OffsetMap {
        OffsetMap(starts: (0..<count).map { Int32($0) }, ends: nil, originalLength: count)
    }

    var count: Int { starts.count }

    /// The map of the first `n` normalized scalars (what a character budget keeps); an empty
    /// range at its end maps to where the part left out begins.
    func prefix(_ n: Int) -> OffsetMap {
        guard n < count else { return self }
        return OffsetMap(starts: Array(starts[..<n]), ends: ends.map { Array($0[..<n]) }, originalLength: Int(starts[n]))
    }

    /// The original span of the normalized range `[start, end)`. An empty range maps to an empty
    /// span at the corresponding original position.
    func originalSpan(_ start: Int, _ end: Int) -> TextSpan {
        precondition(start >= 0 && end >= start && end <= count, "normalized range out of bounds")
        if start == end {
            let p = start < count ? Int(starts[start]) : originalLength
            return TextSpan(p, p)
        }
        return TextSpan(Int(starts[start]), Int(ends?[end - 1] ?? starts[end - 1] + 1))
    }
}
