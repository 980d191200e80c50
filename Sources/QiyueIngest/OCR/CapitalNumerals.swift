/// 大写 numerals (壹佰捌拾伍万): reading them and writing a number in them, for checking the words
/// of an amount against its figures.
enum CapitalNumerals {
    static let digits: [Unicode.Scalar] = Array("零壹贰叁肆伍陆柒捌玖".unicodeScalars)
    static let smallUnits: [Unicode.Scalar: Int] = ["拾": 10, "佰": 100, "仟": 1000]
    static let bigUnits: [Unicode.Scalar: Int] = ["万": 10_000, "亿": 100_000_000]

    /// Traditional forms (萬 for 万, 貳 for 贰 …): as valid as the Simplified ones.
    static let traditional: [Unicode.Scalar: Unicode.Scalar] = ["萬": "万", "億": "亿", "貳": "贰", "參": "叁", "叄": "叁", "陸": "陆"]

    /// The Simplified form of a 大写 numeral.
    static func simplified(_ c: Unicode.Scalar) -> Unicode.Scalar { traditional[c] ?? c }

    /// Whether the scalar is a 大写 digit or unit (Simplified or Traditional).
    static func isCapital(_ c: Unicode.Scalar) -> Bool {
        let c = simplified(c)
        return digits.contains(c) || smallUnits[c] != nil || bigUnits[c] != nil
    }

    /// The value of 大写 numerals (壹佰捌拾伍万 → 1 850 000); nil when any scalar is not one.
    static func value(_ s: some Collection<Unicode.Scalar>) -> Int? {
        guard !s.isEmpty else { return nil }
        var total = 0, section = 0, digit = 0
        for c in s.map(simplified) {
            if let d = digits.firstIndex(of: c) {
                digit = d
            } else if let u = smallUnits[c] {
                section += (digit == 0 ? 1 : digit) * u
                digit = 0
            } else if let u = bigUnits[c] {
                section += digit
                total = (total + section) * u
                section = 0
                digit = 0
            } else {
                return nil
            }
        }
        return total + section + digit
    }

    /// The number in 大写 numerals, the usual way (100500 → 壹拾万零伍佰); nil past 亿亿.
    static func words(_ n: Int) -> [Unicode.Scalar]? {
        guard n >= 0, n < 10_000_000_000_000_000 else { return nil }
        if n == 0 { return [digits[0]] }
        let big: [Unicode.Scalar?] = [nil, "万", "亿", "万"]
        var groups: [Int] = []
        var m = n
        while m > 0 { groups.append(m % 10_000); m /= 10_000 }
        var out: [Unicode.Scalar] = []
        var zeroPending = false
        for gi in stride(from: groups.count - 1, through: 0, by: -1) {
            let g = groups[gi]
            if g == 0 { if !out.isEmpty { zeroPending = true }; continue }
            if !out.isEmpty && (g < 1000 || zeroPending) { out.append(digits[0]) }
            out += group(g)
            if let b = big[gi] { out.append(b) }
            zeroPending = false
        }
        return out
    }

    /// 1 to 9999 in 大写 (no leading 零).
    static func group(_ g: Int) -> [Unicode.Scalar] {
        let units: [Unicode.Scalar?] = ["仟", "佰", "拾", nil]
        let ds = [g / 1000, g / 100 % 10, g / 10 % 10, g % 10]
        var out: [Unicode.Scalar] = []
        var zero = false
        for (i, d) in ds.enumerated() {
            if d == 0 { if !out.isEmpty { zero = true }; continue }
            if zero { out.append(digits[0]); zero = false }
            out.append(digits[d])
            if let u = units[i] { out.append(u) }
        }
        return out
    }
}
