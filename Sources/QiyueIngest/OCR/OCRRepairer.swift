import Qiyue

/// Repairs typical OCR confusions inside figures, dates, amounts and identifiers where the context
/// decides: O/o/〇 for 0 and l/I/| for 1 inside a figure, a currency sign read as f, F, # or Y, ¥
/// read as 4 (when the amount's 大写 words say so), 大写 numerals read as look-alikes (when the
/// figures say so), 曰 for 日 in a date, 、 for a decimal point, and a stray space or line break
/// inside a figure.
///
/// Every repair keeps the text's length in scalars — a dropped space becomes U+200B, which the
/// normalizer removes — so spans still index the text as recognized (what `qiyue text` prints).
/// ```swift
/// let (text, repairs) = OCRRepairer().repair("总价款人民币壹佰万元整（f1,OOO,000.00）")
/// // text: "总价款人民币壹佰万元整（¥1,000,000.00）"; repairs: f → ¥, O → 0, O → 0
/// ```
public struct OCRRepairer: Sendable {
    /// Creates a repairer.
    public init() {}

    /// Repairs the scalars within `ranges` (all of the text when nil).
    public func repair(_ text: String, in ranges: [TextSpan]? = nil) -> (text: String, repairs: [OCRRepair]) {
        var pass = Pass(Array(text.unicodeScalars))
        let script = try? ChineseScript()
        let ranges = ranges ?? [TextSpan(0, pass.s.count)]
        for r in ranges {
            pass.range = r.start..<min(r.end, pass.s.count)
            pass.currencySigns()
            pass.lookAlikes()
            pass.spacedIdentifiers()
            pass.identifiers()
            pass.figureCommas()
            pass.strayWhitespace()
            pass.decimalComma()
            pass.dates()
            pass.amountWords()
            pass.capitalLookAlikes()
            pass.spacesInHan()
            pass.labels()
            pass.thirdParty()
            pass.script(script)
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: pass.s)
        return (String(out), pass.repairs.sorted { $0.span < $1.span })
    }

    struct Pass {
        var s: [Unicode.Scalar]
        let original: [Unicode.Scalar]
        var repairs: [OCRRepair] = []
        var range: Range<Int> = 0..<0

        init(_ s: [Unicode.Scalar]) { self.s = s; original = s }

        func at(_ i: Int) -> Unicode.Scalar? { range.contains(i) ? s[i] : nil }

        mutating func replace(_ i: Int, with c: Unicode.Scalar, _ reason: String) {
            guard s[i] != c else { return }
            repairs.append(OCRRepair(span: TextSpan(i, i + 1), original: String(original[i]),
                                     repaired: c == "\u{200B}" ? "" : String(c), reason: reason))
            s[i] = c
        }

        static func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { ("0"..."9").contains($0) } ?? false }
        static func isLetter(_ c: Unicode.Scalar?) -> Bool {
            guard let c else { return false }
            return ("a"..."z").contains(c) || ("A"..."Z").contains(c)
        }
        static func isFigurePart(_ c: Unicode.Scalar?) -> Bool { isDigit(c) || c == "," || c == "." || c == "\u{200B}" }

        /// The figure (digits, commas, a point) starting at `i`.
        func figure(from i: Int) -> Range<Int> {
            var j = i
            while Self.isFigurePart(at(j)) { j += 1 }
            // A trailing point or comma is punctuation, not part of the figure.
            while j > i, s[j - 1] == "." || s[j - 1] == "," || s[j - 1] == "\u{200B}" { j -= 1 }
            return i..<j
        }

        /// The figure's value, commas dropped.
        func value(_ r: Range<Int>) -> Double? {
            Double(String(String.UnicodeScalarView(s[r].filter { $0 != "," && $0 != "\u{200B}" })))
        }

        /// f1,850,000.00 · (#50,000.00) · 人民币Y3,000 → ¥.
        mutating func currencySigns() {
            for i in range {
                let c = s[i]
                guard c == "f" || c == "F" || c == "#" || c == "Y" || c == "羊" else { continue }
                // A template's slot for a sum: the sign after a money word, a blank after it
                // (定金f ____(大写人民币 ), 尾款# (大写…)).
                if c != "Y", let before = at(i - 1), Self.moneyWordEnds.contains(before) {
                    var k = i + 1
                    while at(k) == " " { k += 1 }
                    if at(k) == "_" || at(k) == "＿" || (k > i + 1 && (at(k) == "(" || at(k) == "（")) {
                        replace(i, with: "¥", "currency sign before a blank for a sum")
                        continue
                    }
                }
                // The sign may end a line the figure starts (#\n100,000.00).
                let wrapped = (at(i + 1) == "\n" || at(i + 1) == " ") && Self.isDigit(at(i + 2))
                guard Self.isDigit(at(i + 1)) || wrapped, !Self.isLetter(at(i - 1)) else { continue }
                let fig = figure(from: wrapped ? i + 2 : i + 1)
                let grouped = s[fig].contains(",") || s[fig].contains(".")
                let before = at(i - 1)
                let opening = before.map { "(（币:：".unicodeScalars.contains($0) } ?? true
                if c == "f" || c == "F" ? (grouped || opening) : opening {
                    replace(i, with: "¥", "currency sign before a figure")
                    if wrapped { replace(i + 1, with: "\u{200B}", at(i + 1) == "\n" ? "line break inside a figure" : "space inside a figure") }
                }
            }
        }

        /// O/o/〇 → 0, l/I/| → 1 inside a figure of two or more digits (not next to Latin letters).
        mutating func lookAlikes() {
            var i = range.lowerBound
            while i < range.upperBound {
                guard Self.isLookAlike(s[i]) || Self.isDigit(s[i]) else { i += 1; continue }
                var j = i
                // Dates and times keep their separators inside the run (2026-O5-31, 1O:30).
                while j < range.upperBound, Self.isLookAlike(s[j]) || Self.isFigurePart(s[j])
                        || ((s[j] == "-" || s[j] == "/" || s[j] == ":") && Self.isDigitOrLookAlike(at(j + 1)) && j > i) { j += 1 }
                let run = i..<j
                i = j
                let digits = s[run].filter { Self.isDigit($0) }.count
                // The unit may follow a space the recognizer put in (8 月 3l 日).
                let unitAt = at(run.upperBound) == " " ? run.upperBound + 1 : run.upperBound
                let dateUnit = at(unitAt).map { "年月日号元万%个天周倍次".unicodeScalars.contains($0) } ?? false
                // A lone look-alike right before 年/月/日/个 (l年, O个月) is a digit too.
                // A list number: (l) · l、 at the start of a line.
                let before = at(run.lowerBound - 1), after = at(run.upperBound)
                let listNumber = (before == "(" || before == "（") && (after == ")" || after == "）")
                    || ((before == nil || before == "\n") && (after == "、" || after == "."))
                let lone = digits == 0 && run.count <= 2 && (dateUnit || listNumber) && s[run].allSatisfy(Self.isLookAlike)
                    && s[run].allSatisfy { $0 != "I" && $0 != "D" } && !(at(run.lowerBound - 1).map(CapitalNumerals.isCapital) ?? false)
                guard digits >= 2 || (digits >= 1 && dateUnit) || lone else { continue }
                guard !Self.isLetter(at(run.lowerBound - 1)), !Self.isLetter(at(run.upperBound)) else { continue }
                for k in run where Self.isLookAlike(s[k]) {
                    // The look-alike touches a digit or another look-alike of the run (50,OO0).
                    let near = lone || Self.isDigitOrLookAlike(at(k - 1)) && k > run.lowerBound || Self.isDigitOrLookAlike(at(k + 1)) && k + 1 < run.upperBound
                        || (k + 2 < run.upperBound && Self.isFigurePart(at(k + 1)) && Self.isDigit(at(k + 2)))
                    guard near else { continue }
                    let zero = s[k] == "O" || s[k] == "o" || s[k] == "〇" || s[k] == "D"
                    replace(k, with: zero ? "0" : "1", zero ? "letter O read for 0 inside a figure" : "letter l/I read for 1 inside a figure")
                }
            }
        }

        /// An 18-character identifier — a resident ID (17 digits and a check character) or a unified
        /// social credit code (whose alphabet has no I, O, S, V or Z) — with a letter read for a digit
        /// (9161O133…, 3201021975080816l X): repaired when its check character then agrees and did
        /// not before, so a correct identifier is never touched and a wrong repair cannot pass.
        /// 5 00 105199406031410 · 1 2 0 104197606045212: spaces the recognizer put inside an
        /// 18-character ID, dropped when the joined characters make a resident ID or a social
        /// credit code whose check character agrees.
        mutating func spacedIdentifiers() {
            func idChar(_ c: Unicode.Scalar) -> Bool { Self.isDigit(c) || ("A"..."Z").contains(c) }
            var i = range.lowerBound
            while i < range.upperBound {
                // A run starts at a character no ID character (or ID character and a space) precedes.
                let startsRun = i == range.lowerBound || !idChar(s[i - 1]) && !(s[i - 1] == " " && idChar(at(i - 2) ?? " "))
                guard idChar(s[i]), startsRun else { i += 1; continue }
                var chars: [UInt32] = [], gaps: [Int] = []
                var j = i
                while j < range.upperBound, chars.count <= 18 {
                    if idChar(s[j]) { chars.append(s[j].value); j += 1 }
                    else if s[j] == " ", let n = at(j + 1), idChar(n), !chars.isEmpty { gaps.append(j); j += 1 }
                    else { break }
                }
                defer { i = max(j, i + 1) }
                guard chars.count == 18, !gaps.isEmpty, j >= range.upperBound || !idChar(s[j]) else { continue }
                guard IdentifierValidator.validResidentID(chars) || IdentifierValidator.validCreditCode(chars) else { continue }
                for g in gaps { replace(g, with: "\u{200B}", "space inside an identifier (its check character agrees)") }
            }
        }

        mutating func identifiers() {
            func idChar(_ c: Unicode.Scalar) -> Bool { c.isASCII && (c.properties.isAlphabetic || Self.isDigit(c)) }
            var i = range.lowerBound
            while i < range.upperBound {
                guard idChar(s[i]) else { i += 1; continue }
                var j = i
                while j < range.upperBound && idChar(s[j]) { j += 1 }
                let run = i..<j
                i = j
                guard run.count == 18, s[run].contains(where: { "OoIli".unicodeScalars.contains($0) }) else { continue }
                let values = s[run].map(\.value)
                guard !IdentifierValidator.validResidentID(values), !IdentifierValidator.validCreditCode(values) else { continue }
                func digit(_ c: UInt32) -> UInt32 {
                    switch Unicode.Scalar(c) { case "O", "o": 0x30; case "I", "l", "i": 0x31; default: c }
                }
                var resident = values
                for k in 0..<17 { resident[k] = digit(resident[k]) }
                if resident[17] == 0x78 { resident[17] = 0x58 }
                let credit = values.map(digit)
                let fixed: [UInt32], what: String
                if IdentifierValidator.validResidentID(resident) { fixed = resident; what = "resident ID (its check character agrees)" }
                else if IdentifierValidator.validCreditCode(credit) { fixed = credit; what = "social credit code (its check character agrees)" }
                else if labelled(before: run.lowerBound, ["信用代码", "营业执照", "注册号"]),
                        credit.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }) {
                    // After its label a credit code's alphabet decides: it has no I or O and no
                    // lower case, so l, I and O can only be 1 and 0 (even when the code itself is wrong).
                    fixed = credit; what = "social credit code (its alphabet has no I, O or lower case)"
                } else if labelled(before: run.lowerBound, ["身份证", "身分證", "证件号"]),
                          resident.prefix(17).allSatisfy({ (0x30...0x39).contains($0) }) {
                    fixed = resident; what = "resident ID (its first 17 characters are digits)"
                } else { continue }
                for (k, p) in run.enumerated() where fixed[k] != values[k] && Self.isDigit(Unicode.Scalar(fixed[k])) {
                    replace(p, with: Unicode.Scalar(fixed[k])!, "letter \(s[p]) read for a digit in a \(what)")
                }
            }
        }

        /// Traditional characters in a page written in Simplified (王建國, 房地產經紀): a recognizer
        /// reading with both scripts' models takes a Simplified character for its Traditional form
        /// now and then. When the page's script-specific characters are Simplified at least three to
        /// one, each Traditional-only character with a one-character Simplified form is replaced. A
        /// Traditional page, or one that mixes the scripts evenly, is left as it is.
        mutating func script(_ script: ChineseScript?) {
            guard let script else { return }
            var simplified = 0
            var traditional: [Int] = []
            for i in range {
                if script.simplified(of: s[i]) != nil { traditional.append(i) }
                else if script.isSimplifiedOnly(s[i]) { simplified += 1 }
            }
            guard !traditional.isEmpty, simplified >= 5, simplified >= 3 * traditional.count else { return }
            for i in traditional {
                guard let c = script.simplified(of: s[i]) else { continue }
                replace(i, with: c, "Traditional \(s[i]) in a page written in Simplified")
            }
        }

        /// Whether one of `labels` ends at most 12 characters before `i` on the same line.
        func labelled(before i: Int, _ labels: [String]) -> Bool {
            var j = i - 1
            var back: [Unicode.Scalar] = []
            while j >= range.lowerBound && j >= i - 16 && s[j] != "\n" { back.append(s[j]); j -= 1 }
            let text = String(String.UnicodeScalarView(back.reversed()))
            return labels.contains { text.contains($0) }
        }

        static func isLookAlike(_ c: Unicode.Scalar) -> Bool { "OoD〇lI|".unicodeScalars.contains(c) }
        static func isDigitOrLookAlike(_ c: Unicode.Scalar?) -> Bool { isDigit(c) || c.map(isLookAlike) ?? false }

        /// 1,850, 000.00 · 1,850,000 .00 · 1,850,\n000 → the space dropped.
        mutating func strayWhitespace() {
            for i in range where s[i] == " " || s[i] == "\n" || s[i] == "\u{3000}" {
                guard Self.isFigurePart(at(i - 1)), Self.isDigit(at(i - 1)) || s[i - 1] == "," else { continue }
                var j = i
                while j < range.upperBound, s[j] == " " || s[j] == "\u{3000}" || s[j] == "\n" { j += 1 }
                guard j - i <= 2, Self.isFigurePart(at(j)) else { continue }
                var a = i
                while a > range.lowerBound, Self.isFigurePart(s[a - 1]) { a -= 1 }
                let left = s[a..<i], right = s[figure(from: j)]
                if j - i == 1, s[i] != "\n", Self.splitsDateOrCount(left, right, after: at(j + right.count)) {
                    replace(i, with: "\u{200B}", "space inside a figure")
                    continue
                }
                guard left.contains(",") || right.contains(",") else { continue }
                let joined = String(String.UnicodeScalarView(Array(left) + Array(right)))
                guard Self.isGroupedFigure(joined) else { continue }
                for k in i..<j { replace(k, with: "\u{200B}", s[k] == "\n" ? "line break inside a figure" : "space inside a figure") }
            }
        }

        /// 25，950.00 · 3 4，600.00: a full-width comma read for the thousands separator (three
        /// digits follow, then no digit).
        mutating func figureCommas() {
            for i in range where s[i] == "，" {
                guard Self.isDigit(at(i - 1)), Self.isDigit(at(i + 1)), Self.isDigit(at(i + 2)), Self.isDigit(at(i + 3)),
                      !Self.isDigit(at(i + 4)) else { continue }
                replace(i, with: ",", "full-width comma read inside a figure")
            }
        }

        /// 202 5年 · 1 5日内 · 3 0天 · 9 5%: a space the recognizer put inside a year (four digits
        /// before 年), a day count or date part (two digits before 月, 日, 号, 天, 个, 小时 or 周) or a
        /// percentage (up to three digits before %).
        static func splitsDateOrCount(_ left: ArraySlice<Unicode.Scalar>, _ right: ArraySlice<Unicode.Scalar>, after: Unicode.Scalar?) -> Bool {
            guard let after, left.allSatisfy({ isDigit($0) }), right.allSatisfy({ isDigit($0) }), !left.isEmpty, !right.isEmpty else { return false }
            let n = left.count + right.count
            if after == "年" { return n == 4 }
            if after == "%" || after == "％" { return n <= 3 }
            return n == 2 && "月日号天个小周".unicodeScalars.contains(after)
        }

        /// 1,850,000.00 and 3,000: digits in groups of three, an optional fraction.
        static func isGroupedFigure(_ f: String) -> Bool {
            let parts = f.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2, let whole = parts.first else { return false }
            if parts.count == 2 && (parts[1].isEmpty || !parts[1].allSatisfy(\.isASCIIDigitChar)) { return false }
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard groups.count >= 2, let first = groups.first, (1...3).contains(first.count) else { return false }
            return groups.allSatisfy { $0.allSatisfy(\.isASCIIDigitChar) } && groups.dropFirst().allSatisfy { $0.count == 3 }
        }

        /// 1,850,000、00元 → a decimal point.
        mutating func decimalComma() {
            for i in range where s[i] == "、" {
                guard Self.isDigit(at(i - 1)), Self.isDigit(at(i + 1)) else { continue }
                var j = i + 1
                while Self.isDigit(at(j)) { j += 1 }
                guard j - i - 1 <= 2 else { continue }
                let unit = at(j).map { "元万%)）".unicodeScalars.contains($0) } ?? false
                var a = i
                while a > range.lowerBound, Self.isFigurePart(s[a - 1]) { a -= 1 }
                let sign = a > range.lowerBound && (s[a - 1] == "¥" || s[a - 1] == "￥")
                if unit || sign || s[a..<i].contains(",") { replace(i, with: ".", "、 read for a decimal point") }
            }
        }

        /// 2024年3月15曰 → 日; 7曰内, 十五曰起, 5个工作曰内 → 日 (a count of days).
        mutating func dates() {
            for i in range where s[i] == "曰" {
                var a = i
                while Self.isDigit(at(a - 1)) { a -= 1 }
                if a < i, at(a - 1) == "月" { replace(i, with: "日", "曰 read for 日 in a date"); continue }
                // A count of days: a figure, a numeral or 工作/自然 right before, a time's tail after.
                let counted = a < i || at(i - 1).map { Self.dayCountLead.unicodeScalars.contains($0) } == true
                    || at(i - 1) == "作" && at(i - 2) == "工" || at(i - 1) == "然" && at(i - 2) == "自"
                if counted, let next = at(i + 1), Self.dayCountTail.unicodeScalars.contains(next) {
                    replace(i, with: "日", "曰 read for 日 in a count of days")
                }
            }
        }
        /// Numerals before a count of days (十五曰内).
        static let dayCountLead = "〇一二三四五六七八九十百两"
        /// What follows a count of days (7曰内, 30曰前, 十曰起, 5曰，).
        static let dayCountTail = "内前后起以之止，。,；"

        /// The 大写 words and the figures of one amount check each other:
        /// 过佰撞拾伍万元整（1,850,000.00） → 壹佰捌拾伍万; 伍万元整（450,000.00） → ¥50,000.00.
        mutating func amountWords() {
            for i in range where s[i] == "元" || s[i] == "圆" {
                var j = i + 1
                if at(j) == "整" || at(j) == "正" { j += 1 }
                while at(j) == " " { j += 1 }
                guard at(j) == "(" || at(j) == "（" else { continue }
                j += 1
                while at(j) == " " { j += 1 }
                var signed = false
                if let c = at(j), c == "¥" || c == "￥" { j += 1; signed = true }
                guard Self.isDigit(at(j)) else { continue }
                let fig = figure(from: j)
                guard let v = value(fig) else { continue }
                var words = i
                while words > range.lowerBound, CapitalNumerals.isCapital(s[words - 1]) { words -= 1 }
                let written = CapitalNumerals.value(s[words..<i])
                // ¥ read as 4: the words are the figure without its first digit.
                if !signed, s[fig.lowerBound] == "4", let w = written, Double(w) != v,
                   let rest = value((fig.lowerBound + 1)..<fig.upperBound), rest == Double(w) {
                    replace(fig.lowerBound, with: "¥", "¥ read as 4 (the amount's words say \(w))")
                    continue
                }
                guard v == v.rounded(), written.map({ Double($0) != v }) ?? true,
                      let n = Int(exactly: v), let expected = CapitalNumerals.words(n), expected.count <= i - range.lowerBound else { continue }
                let start = i - expected.count
                let seen = s[start..<i]
                let mismatches = zip(seen, expected).filter { CapitalNumerals.simplified($0) != $1 }
                guard !mismatches.isEmpty, mismatches.count <= max(1, expected.count / 3) else { continue }
                // Only misread characters are replaced: never a 大写 numeral (a real mismatch of words
                // and figures, which the report must show), punctuation or the amount's own words.
                guard mismatches.allSatisfy({ !CapitalNumerals.isCapital($0.0) && $0.0.value >= 0x4E00 && !Self.context.contains($0.0) }) else { continue }
                if start > range.lowerBound, CapitalNumerals.isCapital(s[start - 1]) { continue }
                for (k, c) in zip(start..<i, expected) where CapitalNumerals.simplified(s[k]) != c {
                    replace(k, with: c, "大写 numeral misread (the figures say \(Int(v)))")
                }
            }
        }

        /// A look-alike inside 大写 words that end an amount (人民币喜佰万元 → 壹佰万元) when no figures
        /// decide: the run holds two real numerals or more and ends at 元, 圆 or 万.
        mutating func capitalLookAlikes() {
            for i in range {
                guard let numeral = Self.lookAlikes[s[i]] else { continue }
                guard CapitalNumerals.isCapital(at(i + 1) ?? " ") || CapitalNumerals.isCapital(at(i - 1) ?? " ") else { continue }
                // The run of numerals and look-alikes around it; a lone space the recognizer put
                // inside it (陆抬 万元整) does not end it.
                func inRun(_ k: Int) -> Bool {
                    guard range.contains(k) else { return false }
                    if CapitalNumerals.isCapital(s[k]) || Self.lookAlikes[s[k]] != nil { return true }
                    guard s[k] == " ", let l = at(k - 1), let r = at(k + 1) else { return false }
                    return (CapitalNumerals.isCapital(l) || Self.lookAlikes[l] != nil) && (CapitalNumerals.isCapital(r) || Self.lookAlikes[r] != nil)
                }
                var a = i, b = i + 1
                while a > range.lowerBound, inRun(a - 1) { a -= 1 }
                while b < range.upperBound, inRun(b) { b += 1 }
                let real = s[a..<b].filter(CapitalNumerals.isCapital).count
                // An amount (…元, …万) with two real numerals; or a count (拾武个月, 贰抬年) with one
                // right beside the look-alike.
                let amount = real >= 2 && (at(b) == "元" || at(b) == "圆" || s[b - 1] == "万")
                let count = real >= 1 && b - a == 2 && at(b).map { "个年日天份".unicodeScalars.contains($0) } == true
                guard amount || count else { continue }
                replace(i, with: numeral, "大写 numeral look-alike in an amount's words")
            }
        }

        static func isHan(_ c: Unicode.Scalar?) -> Bool { c.map { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) } ?? false }

        /// A space OCR put between a Chinese character and a figure (乙方应于 2024年, 10 日内): dropped.
        /// Spaces between Chinese characters stay (a form's fields: 张三 身份证号 …; the normalizer
        /// reads 人 民 币 as 人民币), and so do spaces between Latin words.
        mutating func spacesInHan() {
            for i in range where s[i] == " " || s[i] == "\u{3000}" {
                guard let a = at(i - 1), let b = at(i + 1), a != " ", b != " " else { continue }
                let han = (Self.isHan(a) && (Self.isDigit(b) || b == "¥" || b == "￥")) || (Self.isDigit(a) && Self.isHan(b))
                // 第一条 总则: the space after a clause number is the heading's.
                if han && !Self.endsClauseNumber(s, before: i) { replace(i, with: "\u{200B}", "space between a Chinese character and a figure") }
            }
        }

        /// Whether the text before `i` ends with 第…条 / 第…章 / 第…款 at the start of a line.
        static func endsClauseNumber(_ s: [Unicode.Scalar], before i: Int) -> Bool {
            guard i > 0, "条章款节".unicodeScalars.contains(s[i - 1]) else { return false }
            var j = i - 2
            while j >= 0, j >= i - 8, s[j] != "第", s[j] != "\n" { j -= 1 }
            return j >= 0 && s[j] == "第"
        }

        /// 〈甲方) → (甲方), 〈服务方) → (服务方): a bracket misread in a party label; 人民市壹… → 人民币: 币 misread before an
        /// amount.
        mutating func labels() {
            for i in range {
                // 〈甲方) · 〈服务方) · 〈以下简称乙方) · 《委托人）: up to eight Chinese characters
                // ending in 方 or 人, then a closing bracket.
                if "〈<《[".unicodeScalars.contains(s[i]) {
                    var k = i + 1
                    while k < i + 9, Self.isHan(at(k)) { k += 1 }
                    if k > i + 1, s[k - 1] == "方" || s[k - 1] == "人", let c = at(k), c == ")" || c == "）" {
                        replace(i, with: c == ")" ? "(" : "（", "bracket misread in a party label")
                    }
                }
                if s[i] == "市", at(i - 1) == "民", at(i - 2) == "人", let n = at(i + 1),
                   CapitalNumerals.isCapital(n) || Self.isDigit(n) || n == "¥" || n == "￥" {
                    replace(i, with: "币", "币 misread before an amount")
                }
            }
        }

        /// 两方 → 丙方 everywhere once the text labels a party (两方): 丙 misread as 两.
        mutating func thirdParty() {
            let label: [Unicode.Scalar] = ["两", "方"]
            var labelled = false
            for i in range where s[i] == "两" && at(i + 1) == "方" {
                let before = at(i - 1), after = at(i + 2)
                if (before == "(" || before == "（") && (after == ")" || after == "）") { labelled = true; break }
            }
            guard labelled else { return }
            for i in range where s[i] == label[0] && (at(i + 1) == "方" || (at(i - 1) == "、" && at(i - 2) == "乙")) {
                replace(i, with: "丙", "两 read for 丙 (the text labels a party 丙方)")
            }
        }

        /// Last characters of the words a sum follows (定金, 房款, 租金, 价款, 费用, 金额, 人民币, 共计).
        static let moneyWordEnds = Set("金款费价额币计".unicodeScalars)

        /// Characters Tesseract reads for 大写 numerals.
        static let lookAlikes: [Unicode.Scalar: Unicode.Scalar] = [
            "喜": "壹", "壶": "壹", "武": "贰", "参": "叁", "肄": "肆", "位": "伍", "陡": "陆", "染": "柒", "抽": "捌", "撞": "捌",
            "玫": "玖", "抬": "拾", "伯": "佰", "任": "仟", "什": "仟", "件": "仟", "融": "贰",
        ]

        /// Words an amount's 大写 may follow: never replaced by numerals.
        static let context = Set("人民币为计款金额共合总价整元圆及大写".unicodeScalars)
    }
}

private extension Character {
    var isASCIIDigitChar: Bool { ("0"..."9").contains(self) }
}
