/// Spaces inside a figure written with thousands groups: "8 , 500", "102 , 000" (spaces around a
/// thousands comma) and "45 000.00", "¥ 3 000" (a space as the thousands separator, SI style).
///
/// The figure starts with one to three digits and every further group has exactly three. It is
/// joined only where it reads as a quantity — a currency sign or 币 before it, or decimals, 元 or 万
/// after it, or the whole of a table cell; for comma groups also a measure word after it (平方米, 件, 台) — so account and phone
/// numbers split in groups ("6222 0812 0510 606") and lists ("101 , 102") stay apart. A space OCR left
/// inside the leading group ("人民币 2 68,000 元") is removed only right after a currency sign. Only spaces are removed, so
/// every surviving scalar keeps its original span.
enum FigureGroupGaps {
    private static let maxGap = 2

    static func collapse(_ t: [UInt32], _ line: Range<Int>, _ keep: inout [Bool]) {
        var i = line.lowerBound
        let end = line.upperBound
        while i < end {
            guard CharClass.isDigit(t[i]) else { i += 1; continue }
            if let e = letterSpaced(t, line, i, &keep) { i = e; continue }
            var e = i
            while e < end && CharClass.isDigit(t[e]) { e += 1 }
            // The start of a figure: not after a digit, a separator or a decimal point.
            let prev = previous(t, line, i)
            if e - i > 3 || prev.map({ CharClass.isDigit(t[$0]) || t[$0] == 0x2C || t[$0] == 0x2E }) == true {
                i = e
                continue
            }
            // "人民币 2 68,000 元" (OCR): a stray space inside the leading group, right after a currency
            // sign, before a comma group: the two parts make a leading group of at most three digits.
            if e - i <= 2, let p = prev, signs.contains(t[p]) {
                let q = skipSpaces(t, e, end)
                var r = q
                while r < end && CharClass.isDigit(t[r]) { r += 1 }
                if q > e, r > q, r - q + e - i <= 3, r + 3 < end, t[r] == 0x2C,
                   CharClass.isDigit(t[r + 1]), CharClass.isDigit(t[r + 2]), CharClass.isDigit(t[r + 3]) {
                    for k in e..<q { keep[k] = false }
                    i = r
                    continue
                }
            }
            var gaps: [Int] = []
            var spaceGroups = 0
            while true {
                let q = skipSpaces(t, e, end)
                var r = q
                let comma = q < end && t[q] == 0x2C
                if comma { r = skipSpaces(t, q + 1, end) }
                guard comma || q > e, r + 3 <= end,
                      CharClass.isDigit(t[r]), CharClass.isDigit(t[r + 1]), CharClass.isDigit(t[r + 2]),
                      r + 3 == end || !CharClass.isDigit(t[r + 3]) else { break }
                // A plain comma group needs no help ("8,500" is already one figure).
                if comma && q == e && r == q + 1 { e = r + 3; continue }
                for k in e..<r where CharClass.isSpace(t[k]) { gaps.append(k) }
                if !comma { spaceGroups += 1 }
                e = r + 3
            }
            if !gaps.isEmpty && (readsAsMoney(t, line, prev, e) || spaceGroups == 0 && measureAfter(t, line, e) || fillsCell(t, line, i, e)) {
                for g in gaps { keep[g] = false }
            }
            i = e
        }
    }

    /// A figure typed or recognized a digit at a time ("2 9,4 0 0 元", "3 0 日内", "¥ 2 0,0 0 0",
    /// "1 3 6, 0 0 0 元"): single digits one space apart, a thousands comma or a decimal point
    /// between two of them (glued to the digit before it), at least three digits — or two right
    /// before a unit ("8 5 元", "1 0 日") — joined where it reads as a quantity (a currency sign before it,
    /// 元/万, a measure or a date unit after it). Returns the figure's end when it was joined.
    private static func letterSpaced(_ t: [UInt32], _ line: Range<Int>, _ i: Int, _ keep: inout [Bool]) -> Int? {
        let end = line.upperBound
        let prev = previous(t, line, i)
        if let p = prev, CharClass.isDigit(t[p]) { return nil }
        var pos = i, digits = 0
        var gaps: [Int] = []
        while pos < end && CharClass.isDigit(t[pos]) {
            digits += 1
            pos += 1
            guard pos + 1 < end else { break }
            let separator = t[pos] == 0x2C || t[pos] == 0x2E
            if separator && t[pos + 1] == Scalar.space && pos + 2 < end && CharClass.isDigit(t[pos + 2]) {
                // "1 3 6, 0 0 0": the separator spaced like the digits.
                gaps.append(pos + 1)
                pos += 2
                continue
            }
            guard CharClass.isDigit(t[pos + 1]) else { break }
            if t[pos] == Scalar.space { gaps.append(pos); pos += 1 }
            else if separator { pos += 1 }
            else { return nil }   // two digits side by side: not typed a digit at a time
        }
        let a = skipSpaces(t, pos, end)
        let unitAfter = a < end && (measures.contains(t[a]) || dateUnits.contains(t[a]))
        // Two digits one space apart count right before a unit ("8 5 元", "1 0 日", "2 0 %").
        let twoBeforeUnit = digits == 2 && gaps.count == 1 && a < end && (unitAfter || after.contains(t[a]))
        guard digits >= 3 && gaps.count >= 2 || twoBeforeUnit else { return nil }
        guard readsAsMoney(t, line, prev, pos) || unitAfter else { return nil }
        for g in gaps { keep[g] = false }
        return pos
    }
    private static let dateUnits = ScalarSet("年月日号天")

    /// The last non-space position before `i` on the line, if it is close.
    private static func previous(_ t: [UInt32], _ line: Range<Int>, _ i: Int) -> Int? {
        var p = i - 1
        while p >= line.lowerBound && p >= i - maxGap && t[p] == Scalar.space { p -= 1 }
        return p >= line.lowerBound && t[p] != Scalar.space ? p : nil
    }

    /// Skips up to two plain spaces (a tab is a cell boundary).
    private static func skipSpaces(_ t: [UInt32], _ i: Int, _ end: Int) -> Int {
        var j = i
        while j < end && j - i < maxGap && (t[j] == Scalar.space || t[j] == 0xA0 || t[j] == 0x3000) { j += 1 }
        return j
    }

    private static let signs = ScalarSet("¥$€£币")
    private static let after = ScalarSet("元圆万")

    private static let measures = ScalarSet("万亿千百个件台套辆米亩吨平公斤克股份株箱瓶袋只头%")

    private static func measureAfter(_ t: [UInt32], _ line: Range<Int>, _ e: Int) -> Bool {
        let a = skipSpaces(t, e, line.upperBound)
        return a < line.upperBound && measures.contains(t[a])
    }

    /// Whether the figure at `start..<end` is all its table cell holds (a tab or the line's edge on
    /// either side): 每趟运费（元） ⏎ … ⇥ 3 200, whose header gives the unit.
    private static func fillsCell(_ t: [UInt32], _ line: Range<Int>, _ start: Int, _ end: Int) -> Bool {
        guard line.contains(where: { t[$0] == 0x09 }) else { return false }
        var a = start
        while a > line.lowerBound && t[a - 1] == Scalar.space { a -= 1 }
        var b = end
        while b < line.upperBound && t[b] == Scalar.space { b += 1 }
        return (a == line.lowerBound || t[a - 1] == 0x09) && (b == line.upperBound || t[b] == 0x09)
    }

    private static func readsAsMoney(_ t: [UInt32], _ line: Range<Int>, _ prev: Int?, _ e: Int) -> Bool {
        if let p = prev, signs.contains(t[p]) { return true }
        if e + 1 < line.upperBound && t[e] == 0x2E && CharClass.isDigit(t[e + 1]) { return true }
        let a = skipSpaces(t, e, line.upperBound)
        return a < line.upperBound && after.contains(t[a])
    }
}
