/// Tokenizes normalized text: ICU dictionary word breaking (locale zh), with the domain lexicon
/// merged by longest match (违约金, 甲方, 人民币, 过户 become single tokens), numbers kept whole, and
/// template blanks made tokens of their own. Not thread-safe: one per worker.
final class Tokenizer {
    private let breaker: ICUWordBreaker
    private let currency = Tokenizer.currencySymbols
    let lexicon: Lexicon
    let numbers: NumberScanner

    /// Words, besides the lexicon's terms, whose boundaries an extractor reads (the party role
    /// labels, money's 多): a Han run where one starts keeps ICU's words in ``tokenize(_:words:)``'s
    /// `.whereRead` mode.
    let readWords: WordTable<Bool>

    init(lexicon: Lexicon, notNumbers: Lexicon, numbers classes: NumberScanner.Classes,
         readWords: WordTable<Bool> = WordTable([])) throws {
        breaker = try ICUWordBreaker(locale: "zh")
        self.lexicon = lexicon
        self.readWords = readWords
        numbers = NumberScanner(notNumbers: notNumbers, classes: classes)
    }

    /// Where ICU's dictionary word break runs.
    enum Words {
        /// Over all the text (`qiyue segment`, the public ``Analyzer``).
        case everywhere
        /// Only over the Han runs where a word boundary decides something: where a ``readWords``
        /// word starts (is 供方 a word here?). Every other Han run is one word, still cut
        /// before numbers and after a lexicon term at its start. The extractors read numbers,
        /// blanks, those words' boundaries and a word's first scalar only, so their results are
        /// the same (`qiyue eval` gives identical figures), and the dictionary pass, the costliest
        /// step, runs over about a fifth of a contract's Han text.
        case whereRead
    }

    func tokenize(_ t: [UInt32], words: Words = .everywhere) -> [Token] {
        let n = t.count
        // ICU works on UTF-16; map its boundaries back to scalar offsets.
        var (utf16, starts) = ScalarDecoding.utf16(t)
        // Han runs left to one word: masked as ideographic spaces, which ICU's rules keep together
        // without its dictionary; their edges are set as boundaries below.
        var unread: [Range<Int>] = []
        if words == .whereRead {
            unread = unreadRuns(t)
            for r in unread {
                let a = starts.map { Int($0[r.lowerBound]) } ?? r.lowerBound
                let b = starts.map { Int($0[r.upperBound]) } ?? r.upperBound
                for k in a..<b { utf16[k] = 0x3000 }
            }
        }
        let offsets16 = breaker.offsets(utf16)
        var isBoundary = [Bool](repeating: false, count: n + 1)
        if let starts {
            // Boundaries fall on scalar starts: walk both sorted lists.
            var k = 0
            for o in offsets16 {
                while k < starts.count && starts[k] < o { k += 1 }
                if k < starts.count && starts[k] == o { isBoundary[k] = true }
            }
        } else {
            for o in offsets16 { isBoundary[Int(o)] = true }
        }
        for r in unread {
            isBoundary[r.lowerBound] = true
            for k in r.lowerBound + 1..<r.upperBound { isBoundary[k] = false }
            isBoundary[r.upperBound] = true
        }
        isBoundary[n] = true

        var tokens: [Token] = []
        tokens.reserveCapacity(n / 2)
        var p = 0
        var lineStart = true
        var headingEnd = -1
        while p < n {
            let c = t[p]
            if c == 0x0A { p += 1; lineStart = true; continue }
            if lineStart {
                var i = p
                while i < n && CharClass.isSpace(t[i]) { i += 1 }
                headingEnd = HeadingScanner.match(t, at: i, limit: n).map { m in
                    var e = m.end
                    while e > i && CharClass.isSpace(t[e - 1]) { e -= 1 }
                    return e
                } ?? -1
            }
            if CharClass.isSpace(c) {
                var q = p
                while q < n && CharClass.isSpace(t[q]) { q += 1 }
                if !lineStart && p != headingEnd && isBlankGap(t, p, q) { tokens.append(Token(p, q, .blank)) }
                p = q
                continue
            }
            lineStart = false
            // A currency symbol stays with its figure: ¥10000.00, $500, HK$300.
            if currency.contains(c), p + 1 < n, CharClass.isDigit(t[p + 1]),
               let num = numbers.match(t, at: p + 1, limit: n) {
                tokens.append(Token(p, num, .number))
                p = num
                continue
            }
            if c == 0x5F {  // ____
                var q = p
                while q < n && (t[q] == 0x5F || CharClass.isSpace(t[q]) && q + 1 < n && t[q + 1] == 0x5F) { q += 1 }
                tokens.append(Token(p, q, .blank))
                p = q
                continue
            }
            if (c == 0x5B || c == 0x28), let q = emptyBracket(t, p) {  // [ ] ( )
                tokens.append(Token(p, q, .blank))
                p = q
                continue
            }
            let lex = lexicon.startsTerm(c) ? lexicon.longestMatch(t, at: p) : nil
            let num = numbers.mayStart(c) ? numbers.match(t, at: p, limit: n) : nil
            if let num, num > (lex ?? 0) {
                if let q = alphanumericRun(t, p, num) {
                    tokens.append(Token(p, q, .latin))
                    p = q
                } else {
                    // A year keeps its 年: 2014年, 二〇二五年.
                    var e = num
                    if e < n && t[e] == Self.nian && isYear(t, p, num) { e += 1 }
                    tokens.append(Token(p, e, .number))
                    p = e
                }
                continue
            }
            if let lex {
                tokens.append(Token(p, lex, .word, isTerm: true))
                p = lex
                continue
            }
            if CharClass.isPunct(c) && c != 0x5F || c == 0x3002 {
                tokens.append(Token(p, p + 1, .punctuation))
                p += 1
                continue
            }
            // An ICU segment, cut where a term crosses its end or a number starts inside it.
            var e = p + 1
            while e < n && !isBoundary[e] { e += 1 }
            if CharClass.isHan(c) {
                var q = p + 1
                while q < e {
                    let d = t[q]
                    if numbers.mayStart(d), numbers.match(t, at: q, limit: n) != nil { e = q; break }
                    if lexicon.startsTerm(d), let le = lexicon.longestMatch(t, at: q), le > e { e = q; break }
                    q += 1
                }
            }
            // "RMB1,850,000", "USD10,000": letters glued to a figure split before the digits.
            if CharClass.isLatin(c) {
                var q = p
                while q < e && CharClass.isLatin(t[q]) { q += 1 }
                if q < e, q - p <= 4, CharClass.isDigit(t[q]), (p..<q).allSatisfy({ t[$0] >= 0x41 && t[$0] <= 0x5A }) { e = q }
            }
            tokens.append(Token(p, e, kind(of: t, p, e)))
            p = e
        }
        return tokens
    }

    /// Han runs (two scalars or more) where no ``readWords`` word starts, except one at the run's
    /// start that a lexicon term covers to its end (甲方应…: the term is a token whatever ICU says):
    /// no extractor reads a word boundary inside them.
    private func unreadRuns(_ t: [UInt32]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        let n = t.count
        var i = 0
        while i < n {
            guard CharClass.isHan(t[i]) else { i += 1; continue }
            let a = i
            var read = false
            while i < n && CharClass.isHan(t[i]) {
                if !read, readWords.startsWord(t[i]), let m = readWords.match(t, at: i) {
                    read = i > a || (lexicon.startsTerm(t[a]) ? lexicon.longestMatch(t, at: a) ?? a : a) < m.end
                }
                i += 1
            }
            if !read && i - a >= 2 { runs.append(a..<i) }
        }
        return runs
    }

    /// Currency symbols glued to figures (¥ $ € £ ￥ ₩ ₹ ₽ ₫ ₱ ฿ ₺ ₪ ₦ ₸ ₮ ₭ ₴), as in Rules/entities/currencies.yaml.
    static let currencySymbols = ScalarSet(values: [0xA5, 0x24, 0x20AC, 0xA3, 0xFFE5, 0x20A9, 0x20B9, 0x20BD, 0x20AB, 0x20B1, 0x0E3F,
                                                    0x20BA, 0x20AA, 0x20A6, 0x20B8, 0x20AE, 0x20AD, 0x20B4])
    static let nian: UInt32 = 0x5E74  // 年

    /// Four Arabic digits, or four Chinese digits (二〇二五), read as a year.
    private func isYear(_ t: [UInt32], _ s: Int, _ e: Int) -> Bool {
        guard e - s == 4 else { return false }
        if (s..<e).allSatisfy({ CharClass.isDigit(t[$0]) }) { return true }
        return (s..<e).allSatisfy { HeadingScanner.chineseDigits[t[$0]] != nil }
    }

    @inline(__always)
    private func kind(of t: [UInt32], _ s: Int, _ e: Int) -> TokenKind {
        let c = t[s]
        if c >= 0x4E00 && c <= 0x9FFF { return .word }  // the common case, before the full look-up
        return otherKind(c)
    }

    private func otherKind(_ c: UInt32) -> TokenKind {
        if CharClass.isHan(c) { return .word }
        if CharClass.isLatin(c) || CharClass.isDigit(c) { return .latin }
        if CharClass.isPunct(c) { return .punctuation }
        if c >= 0x80, let u = Unicode.Scalar(c) {
            switch u.properties.generalCategory {
            case .currencySymbol, .mathSymbol, .otherSymbol, .modifierSymbol: return .symbol
            case .otherPunctuation, .openPunctuation, .closePunctuation, .dashPunctuation, .initialPunctuation,
                 .finalPunctuation, .connectorPunctuation: return .punctuation
            default: return .word
            }
        }
        return .symbol
    }

    /// A digit run glued to letters (91110000MA01ABCD2X, 2Q3) is one alphanumeric token.
    private func alphanumericRun(_ t: [UInt32], _ p: Int, _ num: Int) -> Int? {
        guard num < t.count, CharClass.isLatin(t[num]) || (CharClass.isDigit(t[num]) && num > p) else { return nil }
        guard CharClass.isDigit(t[p]) else { return nil }
        var q = num
        while q < t.count && (CharClass.isLatin(t[q]) || CharClass.isDigit(t[q])) { q += 1 }
        // A short unit after a number (5kg, 30mm, 10RMB) is not an identifier.
        if q - num <= 3 && (p..<num).allSatisfy({ CharClass.isDigit(t[$0]) || t[$0] == 0x2E || t[$0] == 0x2C }) {
            return nil
        }
        return q
    }

    /// A gap of spaces is a template blank when it is long, sits between two Han characters, or
    /// ends a line after a label's colon.
    private func isBlankGap(_ t: [UInt32], _ p: Int, _ q: Int) -> Bool {
        let before = t[p - 1]
        let after: UInt32 = q < t.count ? t[q] : 0x0A
        if after == 0x0A { return before == 0x3A }
        if q - p >= 2 { return true }
        // "¥ (大写人民币 )": a slot after a currency symbol, or before a closing parenthesis.
        if currency.contains(before) && !CharClass.isDigit(after) { return true }
        if CharClass.isHan(before) && (after == 0x29 || after == 0x5D) { return true }
        return (CharClass.isHan(before) || currency.contains(before)) && CharClass.isHan(after)
    }

    /// `[]`, `[ ]`, `( )`: brackets holding only spaces.
    private func emptyBracket(_ t: [UInt32], _ p: Int) -> Int? {
        let close: UInt32 = t[p] == 0x5B ? 0x5D : 0x29
        var q = p + 1
        while q < t.count && CharClass.isSpace(t[q]) { q += 1 }
        guard q < t.count, t[q] == close else { return nil }
        if t[p] == 0x28 && q == p + 1 { return nil }  // "()" alone is too often real punctuation
        return q + 1
    }
}
