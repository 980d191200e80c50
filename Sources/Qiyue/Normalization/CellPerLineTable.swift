/// Tables exported one cell per line (Word or PDF to text, web pages): a header of N labels and then
/// rows of N cells, every cell on a line of its own —
///
///     期次 / 租金支付日 / 应付租金（元） / 1 / 2026年8月31日 / 486,000.00 / 2 / … / 合计 / — / 3,888,000.00
///
/// are read back as rows, the newlines inside a row turned into tabs as DOCX and pipe tables are
/// read (期次⇥租金支付日⇥应付租金（元）, 1⇥2026年8月31日⇥486,000.00). Only the newline characters
/// change, in place, so every span still points into the original.
///
/// A run is a table only when the layout proves it: N (2–8) header cells that are labels (Chinese
/// text, no figures, no colon), at least two rows, and every column of the rows holding one kind of
/// cell (numbers, sums, dates, text or a dash; past the first column counts and sums mix, as in a
/// quantity column) — a last 合计/总计 row may differ in its first cell.
/// Lists of short lines (signature blocks, numbered items) fail that test and stay as they are.
enum CellPerLineTable {
    /// The kinds of cell a column must keep.
    private enum Kind: Equatable {
        case integer, figure, date, text, empty
        var isNumber: Bool { self == .integer || self == .figure }
    }

    /// Longest cell line, in scalars.
    static let maxCell = 24
    /// Most columns of a table (its header's labels).
    static let maxColumns = 8
    /// Most rows read into one table (a longer one goes on as another table).
    static let maxRows = 1000

    /// Turns the newlines inside the rows of each cell-per-line table of `t` into tabs, and returns
    /// the lines of `t` after it (`lines`, the lines before, when no table was found).
    ///
    /// Linear in the text: a start is tried only where its header is N labels and its first row holds
    /// a figure or a date, and a table found consumes its lines.
    static func rejoin(_ t: inout [UInt32], lines: [Range<Int>]) -> [Range<Int>] {
        var joined = false
        let kinds = lines.map { isCell(t, $0) ? kind(t, trimmed(t, $0)) : nil }
        var start = 0
        while start < lines.count {
            guard kinds[start] != nil, let found = table(t, lines, kinds, from: start) else { start += 1; continue }
            // A caption set as a line of its own (一、设备名称、规格、数量及价格) passes for a label and can
            // shift the columns: a later start among the label lines that covers more lines wins.
            var (first, n, rows) = (start, found.0, found.1)
            var s = start + 1
            while s < lines.count, s - start < Self.maxColumns, kinds[s] == .text, isLabel(t, trimmed(t, lines[s])) {
                if let other = table(t, lines, kinds, from: s), other.0 * (other.1 + 1) > n * (rows + 1) { (first, n, rows) = (s, other.0, other.1) }
                s += 1
            }
            var r = first
            for _ in 0...rows {   // the header and the rows
                for c in r..<(r + n - 1) { t[lines[c].upperBound] = 0x09 }
                r += n
            }
            joined = true
            start = r
        }
        return joined ? LineNormalizer.lines(of: t) : lines
    }

    /// A line that can be one cell: non-empty, short, no sentence punctuation.
    private static func isCell(_ t: [UInt32], _ line: Range<Int>) -> Bool {
        let r = trimmed(t, line)
        guard !r.isEmpty, r.count <= maxCell else { return false }
        // No 。 ； ; ， or tab, and a comma only inside a figure (486,000.00).
        for i in r {
            let c = t[i]
            if c == 0x3002 || c == 0xFF1B || c == 0x3B || c == 0xFF0C || c == 0x09 { return false }
            if c == 0x2C && !isFigureComma(t, i, r) { return false }
        }
        return true
    }

    /// The column count and the number of rows of a table whose header starts at line `from`, if
    /// one does (the rows as far as every column keeps its kind). The widest header that fits is
    /// taken first, up to the run of label lines before the first figure: a header of six labels
    /// is not read as four columns whose first row starts with the other two.
    private static func table(_ t: [UInt32], _ lines: [Range<Int>], _ kinds: [Kind?], from start: Int) -> (Int, Int)? {
        var labels = 0
        while labels < Self.maxColumns, start + labels < lines.count, kinds[start + labels] == .text, isLabel(t, trimmed(t, lines[start + labels])) { labels += 1 }
        guard labels >= 2 else { return nil }
        for n in stride(from: labels, through: 2, by: -1) where start + 3 * n <= lines.count {
            guard (start..<(start + n)).allSatisfy({ kinds[$0] == .text && isLabel(t, trimmed(t, lines[$0])) }) else { continue }
            // The first row must hold a figure or a date: a run of words is no table.
            guard ((start + n)..<(start + 2 * n)).contains(where: { kinds[$0] != nil && kinds[$0] != .text && kinds[$0] != .empty }) else { continue }
            var columns = [Kind?](repeating: nil, count: n)
            var rows = 0
            rowLoop: while rows < maxRows, start + n + (rows + 1) * n <= lines.count {
                var next = columns
                for c in 0..<n {
                    let line = start + n + rows * n + c
                    guard let k = kinds[line] else { break rowLoop }   // a sentence ends the table
                    if k == .empty { continue }
                    // A closing total row (合计 / 总计 / 小计) names itself in its first cell.
                    if c == 0 && isTotal(t, trimmed(t, lines[line])) {
                        if rows >= 2 { rows += 1 }
                        break rowLoop
                    }
                    // (A quantity column holds counts and larger figures alike: 3000 above 40. The first
                    // column, a row number, keeps one kind.)
                    if let kind = next[c], kind != k, c == 0 || !(kind.isNumber && k.isNumber) { break rowLoop }
                    next[c] = k
                }
                columns = next
                rows += 1
            }
            if rows >= 2 && columns.contains(where: { $0 != nil && $0 != .text }) { return (n, rows) }
        }
        return nil
    }

    private static func kind(_ t: [UInt32], _ r: Range<Int>) -> Kind {
        // One pass: digits, 年/月/日, dashes, and what a figure may hold besides digits.
        var digits = 0, dateUnits = 0, dashes = 0, figureMarks = 0
        for i in r {
            switch t[i] {
            case 0x30...0x39: digits += 1
            case 0x5E74, 0x6708, 0x65E5: dateUnits += 1              // 年 月 日
            case 0x2D, 0x2014, 0x2015, 0x2013, 0x2F, 0xFF0F: dashes += 1
            case 0x2C, 0x2E, 0x25, 0xA5, 0xFFE5, 0x20: figureMarks += 1  // , . % ¥ ￥ space
            default: break
            }
        }
        if dashes == r.count { return .empty }
        // A whole number of three digits or more is a sum as 1,200 is (300 above 1,200 in one
        // column); one or two digits are a count or a row number (1, 2, 3).
        if digits == r.count { return digits >= 3 ? .figure : .integer }
        if digits > 0 && dateUnits >= 2 { return .date }
        if digits > 0 && digits + figureMarks == r.count { return .figure }
        // A sum with a currency sign or code before it (US$18.50, HK$3,000, RMB 5,000) or a count
        // with its unit after it (4,800台, 10,800台/套) is a figure too.
        if digits > 0, let core = figureCore(t, r), kind(t, core).isNumber { return .figure }
        return .text
    }

    /// `r` without a leading currency sign or code (US$, HK$, $, €, £, or a code of `currencyCodes`)
    /// and a trailing unit (up to three `unitCharacters` or slashes), when either is there. (Capitals
    /// alone, as in a model number CK6150, are no currency; nor is a heading 1.引言 a count.)
    private static func figureCore(_ t: [UInt32], _ r: Range<Int>) -> Range<Int>? {
        var lo = r.lowerBound
        while lo < r.upperBound && lo - r.lowerBound < 3 && (0x41...0x5A).contains(t[lo]) { lo += 1 }
        let letters = String(String.UnicodeScalarView(t[r.lowerBound..<lo].compactMap(Unicode.Scalar.init)))
        if lo < r.upperBound && (t[lo] == 0x24 || t[lo] == 0x20AC || t[lo] == 0xA3) && letters.count <= 2 { lo += 1 }
        else if !letters.isEmpty && !currencyCodes.contains(letters) { return nil }
        while lo < r.upperBound && t[lo] == 0x20 { lo += 1 }
        var hi = r.upperBound
        while hi > lo && r.upperBound - hi < 3 && (unitCharacters.contains(t[hi - 1]) || t[hi - 1] == 0x2F) { hi -= 1 }
        guard lo < hi, lo != r.lowerBound || hi != r.upperBound, (0x30...0x39).contains(t[lo]) else { return nil }
        return lo..<hi
    }

    /// A header cell: Chinese text (brackets and a unit allowed), no figure, no colon.
    private static func isLabel(_ t: [UInt32], _ r: Range<Int>) -> Bool {
        guard !r.isEmpty, CharClass.isHan(t[r.lowerBound]) else { return false }
        return !r.contains { (0x30...0x39).contains(t[$0]) || t[$0] == 0x3A || t[$0] == 0xFF1A }
    }

    private static func isTotal(_ t: [UInt32], _ r: Range<Int>) -> Bool {
        let s = String(String.UnicodeScalarView(r.compactMap { Unicode.Scalar(t[$0]) }))
        return ["合计", "总计", "小计", "共计", "总额"].contains { s.hasPrefix($0) }
    }

    /// Characters of a unit after a count or a sum in a cell (台, 套/件, 公斤, 平方米, 万元, 个月).
    private static let unitCharacters = ScalarSet("台套件个只头株箱瓶桶袋包双组份批辆部把张块支吨斤亩公千克平方米元万人次天日月年")
    /// ISO codes written before a sum in a cell (USD 1,200.00).
    private static let currencyCodes: Set<String> = ["RMB", "CNY", "USD", "EUR", "HKD", "GBP", "JPY", "TWD", "NTD", "MOP", "SGD"]

    private static func isFigureComma(_ t: [UInt32], _ i: Int, _ r: Range<Int>) -> Bool {
        i > r.lowerBound && i + 1 < r.upperBound && (0x30...0x39).contains(t[i - 1]) && (0x30...0x39).contains(t[i + 1])
    }

    private static func trimmed(_ t: [UInt32], _ r: Range<Int>) -> Range<Int> {
        var a = r.lowerBound, b = r.upperBound
        while a < b && CharClass.isSpace(t[a]) { a += 1 }
        while b > a && CharClass.isSpace(t[b - 1]) { b -= 1 }
        return a..<b
    }
}
