/// The lines of a document's original text, each with its normalized range and its trimmed
/// normalized text. Lines are cut at line feeds of the *original* text, so hard wraps that
/// normalization joins are still separate lines here.
struct LineIndex {
    struct Line {
        /// Original range, without the line break.
        var original: Range<Int>
        /// Normalized range of the line, from its first scalar to the next line's first scalar.
        var normalized: Range<Int>
        /// The normalized text with surrounding spaces and line breaks removed.
        var text: [UInt32]
    }

    let lines: [Line]

    init(_ doc: Document) {
        let o = doc.originalScalars
        var starts: [Int] = [0]
        for i in 0..<o.count where o[i] == 0x0A { starts.append(i + 1) }
        var lines: [Line] = []
        lines.reserveCapacity(starts.count)
        var nextNorm = 0
        for k in 0..<starts.count {
            let s = starts[k]
            var e = k + 1 < starts.count ? starts[k + 1] - 1 : o.count
            if e > s && o[e - 1] == 0x0D { e -= 1 }
            let ns = nextNorm
            let ne = k + 1 < starts.count ? doc.normalizedOffset(forOriginal: starts[k + 1]) : doc.normalized.count
            nextNorm = ne
            var a = ns, b = ne
            while a < b && Self.isTrimmed(doc.normalized[a]) { a += 1 }
            while b > a && Self.isTrimmed(doc.normalized[b - 1]) { b -= 1 }
            lines.append(Line(original: s..<e, normalized: ns..<ne, text: Array(doc.normalized[a..<b])))
        }
        self.lines = lines
    }

    @inline(__always)
    static func isTrimmed(_ c: UInt32) -> Bool { CharClass.isSpace(c) || c == 0x0A || c == 0x0D }
}
