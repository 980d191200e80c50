extension Document {
    /// The normalized offset of original offset `offset`: the index of the first normalized scalar
    /// that starts at or after it (the normalized length when none does). Binary search over the
    /// offset map, whose starts never decrease.
    func normalizedOffset(forOriginal offset: Int) -> Int {
        let starts = map.starts
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(starts[mid]) < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The normalized range covering an original span: from the first normalized scalar starting
    /// at or after `span.start` to the last one starting before `span.end`.
    func normalizedRange(of span: TextSpan) -> Range<Int> {
        let s = normalizedOffset(forOriginal: span.start)
        let e = normalizedOffset(forOriginal: span.end)
        return s..<max(s, e)
    }

    /// The normalized scalars (for matching without copying into a `String`).
    var normalizedScalars: [UInt32] { normalized }

    /// The span of the first non-blank line, for findings that concern the whole document.
    var firstLineSpan: TextSpan {
        let n = normalized
        var s = 0
        while s < n.count, n[s] == 0x0A || n[s] == 0x20 || n[s] == 0x09 || n[s] == 0x0D || n[s] == 0x3000 { s += 1 }
        var e = s
        while e < n.count, n[e] != 0x0A, n[e] != 0x0D { e += 1 }
        return originalSpan(s..<e)
    }

    /// A span limited to the original text (spans from hand-built reports may run past it).
    func clamped(_ span: TextSpan) -> TextSpan {
        let n = originalScalars.count
        let s = min(max(span.start, 0), n)
        return TextSpan(s, min(max(span.end, s), n))
    }
}
