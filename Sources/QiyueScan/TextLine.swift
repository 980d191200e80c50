/// A line of a PDF text layer with its box (points, origin top left).
struct TextLine: Equatable {
    var text: String
    var x1: Double, y1: Double, x2: Double, y2: Double

    var width: Double { x2 - x1 }

    /// Splits poppler's page text (one box per scalar) into its non-empty lines.
    static func split(_ scalars: [Unicode.Scalar], boxes: UnsafeBufferPointer<Double>) -> [TextLine] {
        var out: [TextLine] = []
        var current = String.UnicodeScalarView()
        var box: (Double, Double, Double, Double)?
        func flush() {
            let text = String(current)
            if let b = box, text.unicodeScalars.contains(where: { !$0.isWhiteSpace }) {
                out.append(TextLine(text: text.trimmingCharactersAtEnds, x1: b.0, y1: b.1, x2: b.2, y2: b.3))
            }
            current = String.UnicodeScalarView()
            box = nil
        }
        for (i, c) in scalars.enumerated() {
            if c == "\n" { flush(); continue }
            let b = 4 * i + 3 < boxes.count && boxes[4 * i] >= 0 ? (boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]) : nil
            // poppler joins the lines of two columns that share a row: a gap of more than two
            // character heights between characters starts a new line.
            if let b, let last = box, !c.isWhiteSpace, b.0 - last.2 > 2 * max(b.3 - b.1, last.3 - last.1, 1) {
                flush()
            }
            current.append(c)
            guard !c.isWhiteSpace, let b else { continue }
            box = box.map { (min($0.0, b.0), min($0.1, b.1), max($0.2, b.2), max($0.3, b.3)) } ?? b
        }
        flush()
        return out
    }
}

private extension String {
    var trimmingCharactersAtEnds: String {
        let s = unicodeScalars
        guard let a = s.firstIndex(where: { !$0.isWhiteSpace }),
              let b = s.lastIndex(where: { !$0.isWhiteSpace }) else { return "" }
        return String(s[a...b])
    }
}
