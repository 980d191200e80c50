/// Finds where a number starts and ends so it stays one token: 1,850,000.00, 3.5万, 30%, 5‰,
/// 壹佰捌拾伍万零捌仟, 二〇二五, 三万五, 百分之十, 千分之五. Values are resolved later by the number
/// parser; this only finds spans.
///
/// The numeral characters, capitals, rate words and quantity words come from
/// Rules/entities/numerals.yaml; words that contain numerals but are not quantities (一方, 统一,
/// 十分满意 …) from the `notNumbers` lexicon (Rules/lexicon/not-numbers.txt).
struct NumberScanner: Sendable {
    /// The character classes the scanner reads, built once per knowledge base from
    /// Rules/entities/numerals.yaml.
    struct Classes: Sendable {
        /// Every numeral character (digits, units, sections, one-character tens).
        let numerals: ScalarSet
        /// Units and sections that are not capitals (十百千万亿): alone they are not numbers.
        let magnitudes: ScalarSet
        /// Financial capitals: alone they are numbers (written amounts).
        let financial: ScalarSet
        /// One-character tens (廿, 卅): alone they are numbers.
        let tens: ScalarSet
        /// Units worth ten (十): alone they are numbers (十元, 十日).
        let ten: ScalarSet
        /// Words after a lone numeral that make it a quantity.
        let units: ScalarSet
        /// Rate words before a number (百分之).
        let fractions: WordTable<Bool>
        /// Digits that count only before a capital unit (参), and those units.
        let conditional: ScalarSet
        let capitalUnits: ScalarSet
        let ordinalPrefixes: ScalarSet
        let decimalPoint: UInt32
        /// Rate signs after figures (%, ‰).
        let percentSigns: ScalarSet

        init(_ n: EntityData.Numerals) {
            func chars(_ keys: some Sequence<String>) -> [UInt32] {
                keys.filter { $0.unicodeScalars.count == 1 }.map { $0.unicodeScalars.first!.value }
            }
            let capitals = Set(chars(n.capitals))
            let conditionalDigits = Set(chars(n.onlyBeforeCapitalUnit))
            conditional = ScalarSet(values: conditionalDigits)
            numerals = ScalarSet(values: chars([n.digits.keys, n.units.keys, n.sections.keys, n.tens.keys].joined())
                .filter { !conditionalDigits.contains($0) })
            financial = ScalarSet(values: capitals)
            magnitudes = ScalarSet(values: chars(Array(n.units.keys) + Array(n.sections.keys)).filter { !capitals.contains($0) })
            tens = ScalarSet(values: chars(n.tens.keys))
            ten = ScalarSet(values: chars(n.units.filter { $0.value == 10 }.keys).filter { !capitals.contains($0) })
            units = ScalarSet(values: chars(n.quantityWords))
            fractions = WordTable(n.fractions.keys.map { ($0, true) })
            capitalUnits = ScalarSet(values: chars(n.units.keys).filter { capitals.contains($0) } + chars(n.sections.keys))
            ordinalPrefixes = ScalarSet(values: chars(n.ordinalPrefixes))
            decimalPoint = n.decimalPoint.unicodeScalars.first?.value ?? 0
            percentSigns = ScalarSet(values: chars(n.percentSigns.keys))
        }
    }

    let notNumbers: Lexicon
    /// Stored inline, so the per-character loops read the sets without a lazy-static check.
    private let classes: Classes

    /// A scanner over the given numeral classes and the words that contain numerals but are not
    /// numbers (Rules/lexicon/not-numbers.txt).
    init(notNumbers: Lexicon, classes: Classes) {
        self.notNumbers = notNumbers
        self.classes = classes
    }

    /// Whether a number could start with this character (cheap pre-test).
    @inline(__always) func mayStart(_ c: UInt32) -> Bool { CharClass.isDigit(c) || classes.numerals.contains(c) || classes.conditional.contains(c) }

    @inline(__always) private func isConditionalDigit(_ t: [UInt32], _ j: Int, _ limit: Int) -> Bool {
        classes.conditional.contains(t[j]) && j + 1 < limit && classes.capitalUnits.contains(t[j + 1])
    }

    /// End (exclusive) of the number starting at `i`, or nil.
    func match(_ t: [UInt32], at i: Int, limit: Int) -> Int? {
        guard i < limit else { return nil }
        let c = t[i]
        if CharClass.isDigit(c) { return arabic(t, i, limit) }
        guard classes.numerals.contains(c) || isConditionalDigit(t, i, limit) else { return nil }
        // 百分之十 / 千分之五 / 万分之五
        if let f = classes.fractions.match(t, at: i, limit: limit), f.end < limit {
            if CharClass.isDigit(t[f.end]), let e = arabic(t, f.end, limit, allowPercent: false) { return e }
            if let e = chineseRun(t, f.end, limit) { return e }
        }
        if blocked(t, i, limit) { return nil }
        guard let e = chineseRun(t, i, limit) else { return nil }
        let len = e - i
        if len >= 2 { return e }
        // A lone magnitude (万元, 百姓, 千克) is not a number; 十 alone is (十元, 十日).
        if classes.magnitudes.contains(c) && !classes.ten.contains(c) { return nil }
        if classes.financial.contains(c) || classes.tens.contains(c) { return e }
        if e < limit && classes.units.contains(t[e]) { return e }
        if i > 0 && classes.ordinalPrefixes.contains(t[i - 1]) { return e }
        return nil
    }

    private func chineseRun(_ t: [UInt32], _ i: Int, _ limit: Int) -> Int? {
        var j = i
        while j < limit {
            let c = t[j]
            if classes.numerals.contains(c) || isConditionalDigit(t, j, limit) { j += 1; continue }
            if c == classes.decimalPoint && j > i && j + 1 < limit && classes.numerals.contains(t[j + 1]) { j += 1; continue }
            break
        }
        guard j > i else { return nil }
        // Stop before a trailing magnitude that starts a not-number word (千克, 千米 …).
        while j > i + 1, notNumbers.longestMatch(t, at: j - 1, limit: limit) != nil,
              classes.magnitudes.contains(t[j - 1]) {
            j -= 1
        }
        return j
    }

    private func arabic(_ t: [UInt32], _ i: Int, _ limit: Int, allowPercent: Bool = true) -> Int? {
        var j = i
        while j < limit && CharClass.isDigit(t[j]) { j += 1 }
        // Thousands separators: ",ddd" groups.
        while j + 3 < limit, t[j] == 0x2C, CharClass.isDigit(t[j + 1]), CharClass.isDigit(t[j + 2]),
              CharClass.isDigit(t[j + 3]), !(j + 4 < limit && CharClass.isDigit(t[j + 4])) {
            j += 4
        }
        if j + 1 < limit && t[j] == 0x2E && CharClass.isDigit(t[j + 1]) {
            j += 1
            while j < limit && CharClass.isDigit(t[j]) { j += 1 }
        }
        // Magnitudes: 3.5万, 1.2亿, 5千万 — but not 5千克.
        var m = 0
        while j < limit && m < 2 && classes.magnitudes.contains(t[j]) && notNumbers.longestMatch(t, at: j, limit: limit) == nil {
            j += 1
            m += 1
        }
        if allowPercent && j < limit && classes.percentSigns.contains(t[j]) { j += 1 }
        else if allowPercent && j + 1 < limit && t[j] == 0x20 && classes.percentSigns.contains(t[j + 1]) { j += 2 }
        return j
    }

    /// Whether position i sits inside a not-number word (统一, 一方, 十分满意 …).
    private func blocked(_ t: [UInt32], _ i: Int, _ limit: Int) -> Bool {
        let from = max(0, i - 3)
        for s in from...i {
            if let e = notNumbers.longestMatch(t, at: s, limit: limit), e > i { return true }
        }
        return false
    }
}
