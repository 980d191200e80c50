/// Numbers and percentages: every number token, resolved by ``NumberParser``. Named rules:
/// `number.arabic`, `number.chinese`, `percentage.sign` (30%, 5‰), `percentage.words` (百分之十).
struct NumberExtractor {
    let parser: NumberParser

    /// Percentages, and plain numbers too when `numbers` is true.
    func extract(_ doc: Document, numbers: Bool = true) -> [Entity] {
        let t = doc.normalized
        var out: [Entity] = []
        for tok in doc.tokens where tok.kind == .number {
            var s = Int(tok.start)
            var e = Int(tok.end)
            // Strip a glued currency symbol or 年 for the bare number.
            if !CharClass.isDigit(t[s]) && !parser.isNumeral(t[s]) { s += 1 }
            if t[e - 1] == 0x5E74 { e -= 1 }
            guard s < e, let p = parser.parse(t, s, e) else { continue }
            var v = EntityValue()
            v.value = p.value
            if p.isRate {
                let words = !CharClass.isDigit(t[s])
                out.append(Entity(dim: .percentage, range: s..<e, value: v, rule: words ? "percentage.words" : "percentage.sign", in: doc))
            } else if numbers {
                out.append(Entity(dim: .number, range: s..<e, value: v, rule: CharClass.isDigit(t[s]) ? "number.arabic" : "number.chinese", in: doc))
            }
        }
        return out
    }
}
