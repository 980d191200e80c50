/// Amounts in price tables (rule `money.table`): the rows of a table — lines with cells separated
/// by tabs, as DOCX tables and pipe or box tables are read — under a header row that names a price
/// column (单价（元）, 金额, 合计, from `tableMoneyHeaders` in Rules/entities/currencies.yaml). In
/// such a row a cell that is only a figure written as money — thousands groups (18,000) or two
/// decimals (75.00) — is an amount: in a price column when the row lines up with the header, in any
/// column when cells were merged; counts (12, 2台) and codes (HT-TB1600) are not. The currency is
/// that of the nearest amount found in the text, else CNY.
///
/// A header cell that names its unit in brackets (金额（万元）, 单价（元）, 租金（元/月）) gives its
/// column's figures that unit: any figure there is an amount (12000, 5.5), times the unit's
/// magnitude (万元: 10,000).
///
/// One pass over the lines; only lines with a tab are looked into.
struct TableMoneyExtractor {
    /// A price column: whether the header cell names a unit in brackets, and its magnitude.
    struct Column { var price: Bool; var unit: Bool; var scale: Double }

    let data: EntityData

    func extract(_ doc: Document, near money: [Entity]) -> [Entity] {
        let t = doc.normalized
        var out: [Entity] = []
        var inTable = false, blankLines = 0
        var columns: [Column] = []   // per header cell
        var ls = 0
        while ls <= t.count {
            var le = ls
            var hasTab = false
            while le < t.count && t[le] != Scalar.lineFeed { if t[le] == 0x09 { hasTab = true }; le += 1 }
            let line = ls..<le
            if !hasTab {
                // One empty line (a dropped |---| border) does not end a table.
                if line.allSatisfy({ CharClass.isSpace(t[$0]) }) && inTable && blankLines == 0 { blankLines += 1 } else { inTable = false }
            } else if !inTable {
                inTable = true
                blankLines = 0
                columns = Self.cells(line, t).map { column($0, t) }
            } else {
                blankLines = 0
                if columns.contains(where: \.price) { priceCells(line, columns, doc, &out) }
            }
            ls = le + 1
        }
        guard !out.isEmpty else { return out }
        // The currency of the nearest amount in the text.
        for k in out.indices {
            let at = out[k].range.lowerBound
            let idx = money.partitioningIndex { $0.range.lowerBound >= at }
            let before = idx > 0 ? money[idx - 1] : nil, after = idx < money.count ? money[idx] : nil
            let nearest = [before, after].compactMap { $0 }.filter { $0.value?.currency != nil }
                .min { abs($0.range.lowerBound - at) < abs($1.range.lowerBound - at) }
            if let c = nearest?.value?.currency, var v = out[k].value { v.currency = c; out[k].value = v }
        }
        return out
    }

    /// A header cell: a price column when it names one; a unit in brackets (（元）, （万元）, （元/月）)
    /// with the unit's magnitude.
    private func column(_ r: Range<Int>, _ t: [UInt32]) -> Column {
        var c = Column(price: first(data.tableMoneyHeaders, in: r, t), unit: false, scale: 1)
        for i in r where MoneyExtractor.openBrackets.contains(t[i]) && i + 1 < r.upperBound {
            guard let u = data.currencySuffix.match(t, at: i + 1), u.end <= r.upperBound else { continue }
            if u.end == r.upperBound || MoneyExtractor.closeBrackets.contains(t[u.end]) || t[u.end] == Scalar.slash {
                c.price = true
                c.unit = true
                c.scale = data.sectionValue[t[i + 1]] ?? 1
            }
        }
        return c
    }

    private func first(_ table: WordTable<Bool>, in r: Range<Int>, _ t: [UInt32]) -> Bool {
        for i in r where table.startsWord(t[i]) {
            if let m = table.match(t, at: i), m.end <= r.upperBound { return true }
        }
        return false
    }

    /// The cells of a row, trimmed (empty cells kept, so columns line up).
    static func cells(_ line: Range<Int>, _ t: [UInt32]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var cs = line.lowerBound
        while cs <= line.upperBound {
            var ce = cs
            while ce < line.upperBound && t[ce] != 0x09 { ce += 1 }
            var a = cs, b = ce
            while a < b && CharClass.isSpace(t[a]) { a += 1 }
            while b > a && CharClass.isSpace(t[b - 1]) { b -= 1 }
            out.append(a..<b)
            cs = ce + 1
        }
        return out
    }

    /// Each cell of the row that is only a money-like figure — in a price column when the row has
    /// as many cells as the header, anywhere when cells were merged.
    private func priceCells(_ line: Range<Int>, _ columns: [Column], _ doc: Document, _ out: inout [Entity]) {
        let row = Self.cells(line, doc.normalized)
        let aligned = row.count == columns.count
        for (k, c) in row.enumerated() where !c.isEmpty && (!aligned || columns[k].price) {
            let unit = aligned && columns[k].unit
            guard let v = Self.moneyFigure(doc.normalized, c, plain: unit) else { continue }
            var value = EntityValue()
            value.value = unit ? MoneyExtractor.scaled(v, columns[k].scale) : v
            value.currency = "CNY"
            out.append(Entity(dim: .money, range: c, value: value, rule: "money.table", in: doc))
        }
    }

    /// 1,280,000.00, 18,000, 75.00: digits with thousands groups or two decimals, nothing else;
    /// with `plain` (a column whose header names the unit) also 12000 and 5.5.
    static func moneyFigure(_ t: [UInt32], _ r: Range<Int>, plain: Bool = false) -> Double? {
        var i = r.lowerBound
        var lead = 0
        while i < r.upperBound && CharClass.isDigit(t[i]) { i += 1; lead += 1 }
        guard lead > 0 else { return nil }
        var groups = 0
        while i < r.upperBound && t[i] == Scalar.comma {
            guard lead <= 3 || groups > 0, i + 3 < r.upperBound || i + 3 == r.upperBound,
                  (1...3).allSatisfy({ i + $0 < r.upperBound && CharClass.isDigit(t[i + $0]) }) else { return nil }
            i += 4
            groups += 1
            if i < r.upperBound && CharClass.isDigit(t[i]) { return nil }
        }
        if groups > 0 && lead > 3 { return nil }
        var decimals = 0
        if i < r.upperBound && t[i] == Scalar.point {
            i += 1
            while i < r.upperBound && CharClass.isDigit(t[i]) { i += 1; decimals += 1 }
            guard decimals == 2 || plain && decimals > 0 else { return nil }
        }
        guard i == r.upperBound, groups > 0 || decimals == 2 || plain else { return nil }
        let s = String(String.UnicodeScalarView(t[r].compactMap(Unicode.Scalar.init).filter { $0 != "," }))
        return Double(s)
    }
}
