/// Resolves number text (normalized) to a value: Arabic with separators and magnitudes (3.5万),
/// Chinese numerals including financial capitals and colloquial forms (三万五 = 35000,
/// 两千五 = 2500), digit strings (二〇二五 = 2025), and rates (30%, 千分之五, 百分之零点五).
struct NumberParser: Sendable {
    let data: EntityData

    /// The value of a whole number token, and whether it is a rate.
    func parse(_ t: [UInt32], _ s: Int, _ e: Int) -> (value: Double, isRate: Bool)? {
        guard s < e else { return nil }
        // Fraction words: 百分之十.
        if !CharClass.isDigit(t[s]) {
            for (w, factor) in data.fractionWords where e - s > w.count {
                var same = true
                for k in 0..<w.count where t[s + k] != w[k] { same = false; break }
                if same {
                    guard let v = parsePlain(t, s + w.count, e) else { return nil }
                    return (v * factor, true)
                }
            }
        }
        var end = e
        var factor = 1.0
        var isRate = false
        if let f = data.percentSignValue[t[e - 1]] {
            end -= 1
            if end > s && t[end - 1] == 0x20 { end -= 1 }
            factor = f
            isRate = true
        }
        guard let v = parsePlain(t, s, end) else { return nil }
        return (v * factor, isRate)
    }

    /// Whether `c` is a numeral character (a digit, unit, section or one-character tens).
    func isNumeral(_ c: UInt32) -> Bool {
        data.digitValue[c] != nil || data.unitValue[c] != nil || data.sectionValue[c] != nil || data.tensValue[c] != nil
    }

    /// A number without rate marks.
    func parsePlain(_ t: [UInt32], _ s: Int, _ e: Int) -> Double? {
        guard s < e else { return nil }
        if CharClass.isDigit(t[s]) { return arabic(t, s, e) }
        return chinese(t, s, e)
    }

    private func arabic(_ t: [UInt32], _ s: Int, _ e: Int) -> Double? {
        // Digits (commas skipped) as an integer mantissa and a count of decimals: mantissa / 10^k
        // is the correctly rounded value, as Double("1234.5") would give, while it fits 2^53.
        var mantissa: UInt64 = 0
        var digitCount = 0, decimals = 0, dots = 0
        var k = s
        while k < e, CharClass.isDigit(t[k]) || t[k] == 0x2C || t[k] == 0x2E {
            let c = t[k]
            if c == 0x2E { dots += 1 } else if c != 0x2C {
                if digitCount < 18 { mantissa = mantissa * 10 + UInt64(c - 0x30) }
                digitCount += 1
                if dots > 0 { decimals += 1 }
            }
            k += 1
        }
        guard digitCount > 0, dots <= 1, t[k - 1] != 0x2E || digitCount > 0 else { return nil }
        var v: Double
        if digitCount <= 15 && decimals <= 15 {
            v = Double(mantissa) / Self.powersOfTen[decimals]
        } else {
            var digits = ""
            for j in s..<k where t[j] != 0x2C { digits.unicodeScalars.append(Unicode.Scalar(t[j])!) }
            guard let d = Double(digits) else { return nil }
            v = d
        }
        while k < e {
            if let m = data.sectionValue[t[k]] ?? data.unitValue[t[k]] { v *= m } else { return nil }
            k += 1
        }
        return v
    }

    private func chinese(_ t: [UInt32], _ s: Int, _ e: Int) -> Double? {
        // Decimal point: 零点五, 三点一四.
        if let dot = (s..<e).first(where: { t[$0] == 0x70B9 }) {  // 点
            guard let whole = chinese(t, s, dot) ?? (dot == s ? 0 : nil) else { return nil }
            var frac = 0.0, scale = 0.1
            for k in (dot + 1)..<e {
                guard let d = data.digitValue[t[k]] else { return nil }
                frac += d * scale
                scale /= 10
            }
            return whole + frac
        }
        // A digit string without units: 二〇二五, 一九九八.
        if e - s >= 2, (s..<e).allSatisfy({ data.digitValue[t[$0]] != nil }) {
            var v = 0.0
            for k in s..<e { v = v * 10 + data.digitValue[t[k]]! }
            return v
        }
        var total = 0.0       // completed sections (亿, 万)
        var section = 0.0     // current section
        var digit: Double? = nil
        var lastUnit = 1.0    // last multiplier applied, for the colloquial 三万五 / 两千五
        var sawAny = false
        for k in s..<e {
            let c = t[k]
            if let d = data.digitValue[c] {
                if digit != nil && d != 0 && digit != 0 { return nil }  // 二三 without a unit
                digit = d == 0 ? (digit ?? 0) : d
                if d == 0 { digit = 0 }
                sawAny = true
            } else if let u = data.unitValue[c] {
                section += (digit ?? 1) * u
                digit = nil
                lastUnit = u
                sawAny = true
            } else if let tv = data.tensValue[c] {
                section += tv
                digit = nil
                lastUnit = 10
                sawAny = true
            } else if let sv = data.sectionValue[c] {
                let current = section + (digit ?? 0)
                if current == 0 && total == 0 && digit == nil {
                    total = sv  // 万 alone = 10000
                } else if sv > 10000 {
                    total = (total + current) * sv
                } else {
                    total += current * sv
                }
                section = 0
                digit = nil
                lastUnit = sv
                sawAny = true
            } else {
                return nil
            }
        }
        guard sawAny else { return nil }
        if let d = digit, d != 0 {
            // A trailing digit right after a unit means one step down: 三万五 = 35000, 两千五 = 2500.
            let prev = k0(t, e)
            if let prev, data.digitValue[prev] == nil, lastUnit >= 100 {
                return total + section + d * lastUnit / 10
            }
            return total + section + d
        }
        return total + section
    }

    private static let powersOfTen: [Double] = (0...15).map { p in (0..<p).reduce(1.0) { r, _ in r * 10 } }

    /// The character before the last one (to see whether the last digit follows a unit or 零).
    private func k0(_ t: [UInt32], _ e: Int) -> UInt32? { e >= 2 ? t[e - 2] : nil }
}
