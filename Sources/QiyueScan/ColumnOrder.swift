/// Reading order for pages set in two columns: poppler gives the lines of a two-column page
/// row by row (left, right, left …); when a gutter runs down the page between the lines, each band
/// between full-width lines (a title, a table) is read left column first, then right.
enum ColumnOrder {
    static func order(_ lines: [TextLine], pageWidth: Double) -> [TextLine] {
        guard lines.count >= 4, pageWidth > 0, let gutter = gutter(lines, pageWidth: pageWidth) else { return lines }
        let sorted = lines.enumerated().sorted { a, b in
            a.element.y1 != b.element.y1 ? a.element.y1 < b.element.y1 : a.offset < b.offset
        }.map(\.element)
        var out: [TextLine] = []
        var left: [TextLine] = [], right: [TextLine] = []
        func flush() {
            out += left + right
            left = []; right = []
        }
        for l in sorted {
            if l.x2 <= gutter { left.append(l) }
            else if l.x1 >= gutter { right.append(l) }
            else { flush(); out.append(l) }
        }
        flush()
        return out
    }

    /// The x of a gutter between columns: the widest gap in the middle half of the page that no
    /// narrow line sharing its row crosses, with at least two lines on each side.
    static func gutter(_ lines: [TextLine], pageWidth: Double) -> Double? {
        // Lines that share their row with another line (a centered title does not) mark the columns.
        let narrow = lines.indices.filter { i in
            let l = lines[i]
            return l.width < pageWidth * 0.55
                && lines.indices.contains { j in
                    let o = lines[j]
                    return j != i && o.y1 < l.y2 && l.y1 < o.y2 && (o.x1 >= l.x2 || o.x2 <= l.x1)
                }
        }.map { lines[$0] }
        guard narrow.count >= 4 else { return nil }
        let spans = narrow.map { ($0.x1, $0.x2) }.sorted { $0.0 < $1.0 }
        var merged: [(Double, Double)] = []
        for s in spans {
            if let last = merged.last, s.0 <= last.1 { merged[merged.count - 1].1 = max(last.1, s.1) } else { merged.append(s) }
        }
        var best: (Double, Double)?
        for (a, b) in zip(merged, merged.dropFirst()) {
            let gap = (a.1, b.0)
            let mid = (gap.0 + gap.1) / 2
            guard gap.1 - gap.0 >= pageWidth * 0.02, mid > pageWidth * 0.25, mid < pageWidth * 0.75 else { continue }
            if best.map({ gap.1 - gap.0 > $0.1 - $0.0 }) ?? true { best = gap }
        }
        guard let g = best else { return nil }
        let x = (g.0 + g.1) / 2
        let leftLines = narrow.filter { $0.x2 <= x }, rightLines = narrow.filter { $0.x1 >= x }
        guard leftLines.count >= 2, rightLines.count >= 2 else { return nil }
        // Columns share rows: some right line lies beside some left line.
        let beside = rightLines.contains { r in leftLines.contains { l in r.y1 < l.y2 && l.y1 < r.y2 } }
        return beside ? x : nil
    }
}
