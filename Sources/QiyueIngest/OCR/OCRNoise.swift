import Qiyue

/// A seeded model of OCR errors, for measuring how scanned input fares (`qiyue eval --noisy SEED`):
/// the confusions Tesseract makes on contract pages — 0 read as O, 1 as l, ¥ as f or #, 日 as 曰, 大写
/// numerals as look-alikes, 、 for a decimal point — plus spaces between characters and inside
/// figures, line wraps, and dropped punctuation. The same seed gives the same variant.
///
/// ```swift
/// var noise = OCRNoise(seed: 7)
/// noise.apply("总价款为人民币壹佰万元整（¥1,000,000.00）")
/// // "总价款为人民币壹佰万元整（f1,0OO,000.00）" (one possible variant)
/// ```
public struct OCRNoise: Sendable {
    /// How often each kind of error is made (per candidate character).
    public struct Rates: Sendable {
        /// A digit 0 or 1 read as a letter.
        public var digitLetter = 0.02
        /// ¥ read as f or #.
        public var currency = 0.3
        /// 日 after a figure read as 曰.
        public var day = 0.1
        /// A 大写 numeral read as a look-alike.
        public var capital = 0.05
        /// A decimal point read as 、.
        public var decimal = 0.1
        /// A space inside a figure, after a comma.
        public var figureSpace = 0.03
        /// A space between two characters.
        public var space = 0.01
        /// A line break inside a line.
        public var wrap = 0.003
        /// A comma (，) or 、 dropped.
        public var dropPunctuation = 0.03

        /// The default rates.
        public init() {}

        /// The kinds of error, by the name ``only(_:)`` takes.
        public static let kinds = ["digit", "currency", "day", "capital", "decimal", "figureSpace", "space", "wrap", "drop"]

        /// The default rate of one kind of error and none of the others (nil for an unknown kind).
        public static func only(_ kind: String) -> Rates? {
            guard kinds.contains(kind) else { return nil }
            let d = Rates()
            var r = Rates()
            r.digitLetter = kind == "digit" ? d.digitLetter : 0
            r.currency = kind == "currency" ? d.currency : 0
            r.day = kind == "day" ? d.day : 0
            r.capital = kind == "capital" ? d.capital : 0
            r.decimal = kind == "decimal" ? d.decimal : 0
            r.figureSpace = kind == "figureSpace" ? d.figureSpace : 0
            r.space = kind == "space" ? d.space : 0
            r.wrap = kind == "wrap" ? d.wrap : 0
            r.dropPunctuation = kind == "drop" ? d.dropPunctuation : 0
            return r
        }
    }

    private var random: SplitMix64
    /// The rates in force.
    public var rates: Rates

    /// Creates the model for a seed.
    public init(seed: UInt64, rates: Rates = Rates()) {
        random = SplitMix64(seed: seed &+ 0x9E37_79B9_7F4A_7C15)
        self.rates = rates
    }

    /// Look-alikes Tesseract gives for 大写 numerals.
    static let capitalLookAlikes: [Unicode.Scalar: Unicode.Scalar] = [
        "壹": "喜", "贰": "武", "叁": "参", "肆": "肄", "伍": "位", "陆": "陡", "柒": "染", "捌": "抽", "玖": "玫", "拾": "抬", "佰": "伯", "仟": "任",
    ]

    /// A noisy variant of the text.
    public mutating func apply(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, c) in s.enumerated() {
            let prev = i > 0 ? s[i - 1] : nil, next = i + 1 < s.count ? s[i + 1] : nil
            // Full-width figures (１２０１０４…) are figures too: no wrap or space goes inside them.
            let digitBefore = prev.map(Self.isFigureDigit) ?? false
            switch c {
            case "0" where chance(rates.digitLetter): out.append("O")
            case "1" where chance(rates.digitLetter): out.append("l")
            case "¥", "￥":
                out.append(chance(rates.currency) ? (chance(0.5) ? "f" : "#") : c)
            case "日" where digitBefore && chance(rates.day): out.append("曰")
            case "." where digitBefore && (next.map { ("0"..."9").contains($0) } ?? false) && chance(rates.decimal): out.append("、")
            case "，" where chance(rates.dropPunctuation), "、" where chance(rates.dropPunctuation): continue
            default:
                if let l = Self.capitalLookAlikes[c], chance(rates.capital) { out.append(l) } else { out.append(c) }
            }
            if c == ",", digitBefore, chance(rates.figureSpace) { out.append(" ") }
            guard let next, c != "\n", next != "\n" else { continue }
            let inFigure = digitBefore || Self.isFigureDigit(c)
            if !inFigure && chance(rates.wrap) { out.append("\n") }
            else if !inFigure && chance(rates.space) { out.append(" ") }
        }
        return String(out)
    }

    /// A decimal digit, ASCII or full-width.
    static func isFigureDigit(_ c: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(c) || (0xFF10...0xFF19).contains(c.value)
    }

    private mutating func chance(_ p: Double) -> Bool {
        Double(random.next() >> 11) / Double(1 << 53) < p
    }
}
