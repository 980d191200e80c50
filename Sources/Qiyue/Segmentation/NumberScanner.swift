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
        /// Capitals that are also words or surnames (陆地, 大陆, 队伍, 陆先生): alone they are numbers
        /// only where a lone digit would be (伍元, 第陆条, 陆份).
        let wordlikeCapitals: ScalarSet
        /// Marks of an approximate count before a magnitude (五十余万, 二十几万).
        let approximateMarks: ScalarSet
        /// The value of each unit and section (十 10 … 亿 10⁸), to tell a smaller group after a space.
        let magnitudeValue: [UInt32: Double]
        /// Sections (万, 亿): they multiply all before them.
        let sections: ScalarSet
        /// Units after which two spaced digits are one number (2 8 日).
        let spacedPairUnits: ScalarSet
        /// One-character tens (廿, 卅): alone they are numbers.
        let tens: ScalarSet
        /// Units worth ten (十): alone they are numbers (十元, 十日).
        let ten: ScalarSet
        /// Words after a lone numeral that make it a quantity.
        let units: ScalarSet
        /// Currency words after a lone numeral (五美元, 十港币): a sum of money.
        let currencyWords: WordTable<Bool>
        /// Rate words before a number (百分之).
        let fractions: WordTable<Bool>
        /// The same words as scalars, to match them letter-spaced (百 分 之 五, as OCR writes them).
        let fractionWords: [[UInt32]]
        /// Digits that count only before a capital unit (参), and those units.
        let conditional: ScalarSet
        let capitalUnits: ScalarSet
        let ordinalPrefixes: ScalarSet
        /// Signs before a number (负): a lone numeral after one is a number.
        let signPrefixes: ScalarSet
        /// 零 and 〇.
        let zero: ScalarSet
        let decimalPoint: UInt32
        /// Rate signs after figures (%, ‰).
        let percentSigns: ScalarSet

        init(_ n: EntityData.Numerals, currencyWords words: [String] = []) {
            currencyWords = WordTable(words.map { ($0, true) })
            func chars(_ keys: some Sequence<String>) -> [UInt32] {
                keys.filter { $0.unicodeScalars.count == 1 }.map { $0.unicodeScalars.first!.value }
            }
            let capitals = Set(chars(n.capitals))
            let conditionalDigits = Set(chars(n.onlyBeforeCapitalUnit))
            conditional = ScalarSet(values: conditionalDigits)
            numerals = ScalarSet(values: chars([n.digits.keys, n.units.keys, n.sections.keys, n.tens.keys].joined())
                .filter { !conditionalDigits.contains($0) })
            financial = ScalarSet(values: capitals)
            wordlikeCapitals = ScalarSet(values: chars(n.wordlikeCapitals))
            approximateMarks = ScalarSet(values: chars(n.approximateMarks))
            var mv: [UInt32: Double] = [:]
            for (k, v) in n.units.merging(n.sections, uniquingKeysWith: { a, _ in a }) where k.unicodeScalars.count == 1 {
                mv[k.unicodeScalars.first!.value] = v
            }
            magnitudeValue = mv
            sections = ScalarSet(values: chars(n.sections.keys))
            spacedPairUnits = ScalarSet(values: chars(n.spacedPairUnits))
            magnitudes = ScalarSet(values: chars(Array(n.units.keys) + Array(n.sections.keys)).filter { !capitals.contains($0) })
            tens = ScalarSet(values: chars(n.tens.keys))
            ten = ScalarSet(values: chars(n.units.filter { $0.value == 10 }.keys).filter { !capitals.contains($0) })
            units = ScalarSet(values: chars(n.quantityWords))
            fractions = WordTable(n.fractions.keys.map { ($0, true) })
            fractionWords = n.fractions.keys.map { Array($0.unicodeScalars.map(\.value)) }.sorted { $0.count > $1.count }
            capitalUnits = ScalarSet(values: chars(n.units.keys).filter { capitals.contains($0) } + chars(n.sections.keys))
            ordinalPrefixes = ScalarSet(values: chars(n.ordinalPrefixes))
            signPrefixes = ScalarSet(values: chars(n.signPrefixes))
            zero = ScalarSet(values: chars(n.digits.filter { $0.value == 0 }.keys))
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
        if CharClass.isDigit(c) { return arabic(t, i, limit).map { approximate(t, $0, limit) } }
        guard classes.numerals.contains(c) || isConditionalDigit(t, i, limit) else { return nil }
        // 百分之十 / 千分之五 / 万分之五
        if let f = classes.fractions.match(t, at: i, limit: limit), f.end < limit {
            if CharClass.isDigit(t[f.end]), let e = arabic(t, f.end, limit, allowPercent: false) { return e }
            if let e = chineseRun(t, f.end, limit) { return e }
        }
        // 百 分之 2, 百 分 之 五: a rate word with single spaces inside it, then its number.
        if let f = spacedFraction(t, i, limit) {
            var k = f
            if k < limit && t[k] == Scalar.space { k += 1 }
            if k < limit, CharClass.isDigit(t[k]), let e = arabic(t, k, limit, allowPercent: false) { return e }
            if k < limit, let e = chineseRun(t, k, limit) { return e }
        }
        if blocked(t, i, limit) { return nil }
        guard let e = chineseRun(t, i, limit) else { return nil }
        let approx = approximate(t, e, limit)
        if approx > e { return approx }
        let len = e - i
        if len >= 2 { return e }
        // A lone magnitude (万元, 百姓, 千克) is not a number; 十 alone is (十元, 十日).
        if classes.magnitudes.contains(c) && !classes.ten.contains(c) { return nil }
        if classes.financial.contains(c) && !classes.wordlikeCapitals.contains(c) || classes.tens.contains(c) { return e }
        if e < limit && classes.units.contains(t[e]) { return e }
        if e < limit && classes.currencyWords.startsWord(t[e]) && classes.currencyWords.match(t, at: e, limit: limit) != nil { return e }
        // The figure echoed in brackets after it (伍(5)日内, 陆（6）份).
        if e + 1 < limit && (t[e] == 0x28 || t[e] == 0xFF08) && CharClass.isDigit(t[e + 1]) { return e }
        // One space between the numeral and its unit, as OCR and web editors write it (一 小时).
        if e + 1 < limit && t[e] == Scalar.space && classes.units.contains(t[e + 1]) { return e }
        if i > 0 && (classes.ordinalPrefixes.contains(t[i - 1]) || classes.signPrefixes.contains(t[i - 1])) { return e }
        return nil
    }

    /// The end of a rate word written with single spaces between its characters (百 分之), when at
    /// least one space is inside it.
    private func spacedFraction(_ t: [UInt32], _ i: Int, _ limit: Int) -> Int? {
        for w in classes.fractionWords where w.first == t[i] {
            var k = i, n = 0, spaced = false
            while n < w.count && k < limit {
                if t[k] == w[n] { k += 1; n += 1; continue }
                if n > 0 && t[k] == Scalar.space && k + 1 < limit && t[k + 1] == w[n] { k += 1; spaced = true; continue }
                break
            }
            if n == w.count && spaced { return k }
        }
        return nil
    }

    /// `e` past an approximate mark and the magnitudes after it (五十|余万, 一千|多万, 500|余万), else `e`.
    private func approximate(_ t: [UInt32], _ e: Int, _ limit: Int) -> Int {
        guard e + 1 < limit, classes.approximateMarks.contains(t[e]), isMagnitude(t[e + 1]),
              notNumbers.longestMatch(t, at: e + 1, limit: limit) == nil else { return e }
        var j = e + 2
        while j < limit && isMagnitude(t[j]) && notNumbers.longestMatch(t, at: j, limit: limit) == nil { j += 1 }
        return j
    }

    /// The end of a group of numerals after the space at `j` (九百 in 三千 九百) when it starts with
    /// a digit, holds a unit, and its largest unit below a section (万, 亿, which multiply all before
    /// them: 三千 八百 九十六万) is below the magnitude before the space.
    private func smallerGroup(_ t: [UInt32], after j: Int, _ limit: Int) -> Int? {
        guard j > 0, let before = classes.magnitudeValue[t[j - 1]], j + 1 < limit else { return nil }
        let s = j + 1
        guard classes.numerals.contains(t[s]) && classes.magnitudeValue[t[s]] == nil && !classes.zero.contains(t[s]) else { return nil }
        var q = s
        var largest = 0.0, units = 0
        while q < limit && (classes.numerals.contains(t[q]) || isConditionalDigit(t, q, limit)) {
            if let v = classes.magnitudeValue[t[q]] {
                units += 1
                if !classes.sections.contains(t[q]) { largest = max(largest, v) }
                else if v == before { return nil }   // 五万 三万: two sums, not one
            }
            q += 1
        }
        guard units > 0, largest < before, notNumbers.longestMatch(t, at: s, limit: limit) == nil else { return nil }
        return q
    }

    @inline(__always) private func isMagnitude(_ c: UInt32) -> Bool { classes.magnitudes.contains(c) || classes.capitalUnits.contains(c) }

    private func chineseRun(_ t: [UInt32], _ i: Int, _ limit: Int) -> Int? {
        var j = i
        while j < limit {
            let c = t[j]
            if classes.numerals.contains(c) || isConditionalDigit(t, j, limit) { j += 1; continue }
            // 貳仟零參: the conditional digit right after a capital unit or 零 inside the run.
            if j > i, classes.conditional.contains(c), classes.capitalUnits.contains(t[j - 1]) || classes.zero.contains(t[j - 1]) {
                j += 1
                continue
            }
            if c == classes.decimalPoint && j > i && j + 1 < limit && classes.numerals.contains(t[j + 1]) { j += 1; continue }
            break
        }
        guard j > i else { return nil }
        // "四十 亿": a space before a magnitude; "八 万 2 千": a further part after one.
        while j + 1 < limit, t[j] == Scalar.space {
            // "三千 九百 六十五": a further group of a smaller unit after a magnitude and a space.
            if let g = smallerGroup(t, after: j, limit) { j = g; continue }
            if classes.magnitudes.contains(t[j + 1]) || classes.capitalUnits.contains(t[j + 1]),
               notNumbers.longestMatch(t, at: j + 1, limit: limit) == nil {
                j += 2
                while j < limit && classes.numerals.contains(t[j]) { j += 1 }
                continue
            }
            guard classes.magnitudes.contains(t[j - 1]) else { break }
            var q = j + 1
            while q < limit && (CharClass.isDigit(t[q]) || classes.numerals.contains(t[q]) && !classes.magnitudes.contains(t[q])) { q += 1 }
            guard q > j + 1, q + 1 < limit, t[q] == Scalar.space, classes.magnitudes.contains(t[q + 1]) else { break }
            j = q + 2
        }
        // 八万2千 (normalization removes the spaces of 八 万 2 千): a further part in figures after a
        // magnitude, when a magnitude ends it.
        while j < limit, j > i, classes.magnitudes.contains(t[j - 1]), CharClass.isDigit(t[j]) {
            var q = j
            while q < limit && CharClass.isDigit(t[q]) { q += 1 }
            guard q < limit, classes.magnitudes.contains(t[q]), notNumbers.longestMatch(t, at: q, limit: limit) == nil else { break }
            j = q + 1
        }
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
        // Spaced single digits (1 2 0 0): at least three, each alone.
        if j == i + 1, let e = spacedDigits(t, i, limit) { return percent(t, e, limit, allowPercent) }
        // Thousands separators: ",ddd" groups (a line break from OCR may sit inside a group).
        while j < limit, t[j] == Scalar.comma, let g = group(t, j + 1, limit) { j = g }
        if j + 1 < limit && t[j] == Scalar.point && CharClass.isDigit(t[j + 1]) {
            j += 1
            while j < limit && CharClass.isDigit(t[j]) { j += 1 }
        }
        // Magnitudes: 3.5万, 1.2亿, 5千万 — but not 5千克; then more parts: 6万3千2百, 2万800,
        // 200万五千, 3千零20万, and a space before a magnitude (2500 万, 8 万 2 千).
        var magnitudes = 0
        while j < limit {
            if classes.magnitudes.contains(t[j]) && notNumbers.longestMatch(t, at: j, limit: limit) == nil {
                j += 1
                magnitudes += 1
                continue
            }
            if t[j] == Scalar.space, j + 1 < limit, classes.magnitudes.contains(t[j + 1]),
               notNumbers.longestMatch(t, at: j + 1, limit: limit) == nil {
                j += 2
                magnitudes += 1
                continue
            }
            guard magnitudes > 0, classes.magnitudes.contains(t[j - 1]) else { break }
            // A further part after a magnitude: figures or Chinese numerals (one space allowed).
            var p = j
            if t[p] == Scalar.space, p + 1 < limit, CharClass.isDigit(t[p + 1]) { p += 1 }
            var q = p
            while q < limit && (CharClass.isDigit(t[q]) || classes.numerals.contains(t[q]) && !classes.magnitudes.contains(t[q])) { q += 1 }
            guard q > p else { break }
            let endsPart = q < limit && (classes.magnitudes.contains(t[q]) || t[q] == Scalar.space && q + 1 < limit && classes.magnitudes.contains(t[q + 1]))
            // Without a magnitude after it, a part is the rest of a section (2万800, 三万五).
            if !endsPart {
                if p != j { break }
                if blockedAt(t, p, limit) { break }
                j = q
                break
            }
            j = q
        }
        return percent(t, j, limit, allowPercent)
    }

    private func percent(_ t: [UInt32], _ j: Int, _ limit: Int, _ allowPercent: Bool) -> Int {
        if allowPercent && j < limit && classes.percentSigns.contains(t[j]) { return j + 1 }
        if allowPercent && j + 1 < limit && t[j] == Scalar.space && classes.percentSigns.contains(t[j + 1]) { return j + 2 }
        return j
    }

    /// Three digits after a thousands comma, with at most one line break among them (OCR).
    private func group(_ t: [UInt32], _ s: Int, _ limit: Int) -> Int? {
        var k = s, digits = 0, breaks = 0
        while k < limit && digits < 3 {
            if CharClass.isDigit(t[k]) { digits += 1 } else if t[k] == Scalar.lineFeed && digits > 0 && breaks == 0 { breaks += 1 } else { break }
            k += 1
        }
        guard digits == 3, !(k < limit && CharClass.isDigit(t[k])) else { return nil }
        return k
    }

    /// 1 2 0 0: single digits separated by single spaces, three or more.
    private func spacedDigits(_ t: [UInt32], _ i: Int, _ limit: Int) -> Int? {
        var q = i + 1, count = 1
        while q + 1 < limit, t[q] == Scalar.space, CharClass.isDigit(t[q + 1]), q + 2 >= limit || !CharClass.isDigit(t[q + 2]) {
            q += 2
            count += 1
        }
        if count >= 3 { return q }
        // Two, right before a date or time unit (2 8 日, 1 2 月).
        guard count == 2 else { return nil }
        var u = q
        if u < limit && t[u] == Scalar.space { u += 1 }
        return u < limit && classes.spacedPairUnits.contains(t[u]) ? q : nil
    }

    private func blockedAt(_ t: [UInt32], _ i: Int, _ limit: Int) -> Bool { classes.numerals.contains(t[i]) && blocked(t, i, limit) }

    /// Whether position i sits inside a not-number word (统一, 一方, 十分满意 …).
    private func blocked(_ t: [UInt32], _ i: Int, _ limit: Int) -> Bool {
        let from = max(0, i - 3)
        for s in from...i {
            if let e = notNumbers.longestMatch(t, at: s, limit: limit), e > i { return true }
        }
        return false
    }
}
