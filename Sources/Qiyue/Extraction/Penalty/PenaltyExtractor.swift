/// Penalty clauses: each sentence with a penalty word (违约金, 赔偿, 滞纳金 …) and a quantity — a
/// periodic rate (每逾期一日按总价款的千分之五), a one-off percentage of a base, a fixed sum, a blank
/// slot for one — or 定金 forfeiture / double return. Wording from Rules/facts/penalties.yaml.
struct PenaltyExtractor {
    func extract(_ ctx: FactContext) -> [Penalty] {
        var out: [Penalty] = []
        for s in ctx.doc.sentences {
            let r = s.range
            let hasPenaltyWord = ctx.contains(ctx.data.penaltyWords, in: r)
            let depositForm = ctx.contains(ctx.data.depositWords, in: r) && ctx.contains(ctx.data.depositRules, in: r)
            guard hasPenaltyWord || depositForm else { continue }
            let percents = ctx.entities(.percentage, in: r)
            let money = ctx.entities(.money, in: r)
            let blankRate = hasBlankRate(in: r, ctx)
            var p = Penalty(payer: nil, payerSide: nil, payee: nil, trigger: nil, form: "fixed", rate: nil, per: "once",
                            base: nil, annualizedRate: nil, amount: nil, cap: nil, blank: false,
                            text: "", span: ctx.doc.originalSpan(ctx.trimmed(r)))
            p.text = ctx.doc.originalText(p.span)
            let periodic = ctx.first(ctx.data.periodic, in: r)
            if depositForm && percents.isEmpty && !hasPenaltyWord {
                p.form = "deposit"
            } else if let rate = percents.first(where: { periodic == nil || $0.range.lowerBound >= periodic!.range.lowerBound }) ?? percents.first {
                p.rate = rate.value?.value
                p.base = base(before: rate.range.lowerBound, in: r, ctx)
                if let per = periodic {
                    p.form = "periodic"
                    p.per = per.value
                } else {
                    p.form = "one_off"
                }
                if let cap = ctx.first(ctx.data.capWords, in: rate.range.upperBound..<r.upperBound) {
                    let capRange = ctx.trimmed(cap.range.lowerBound..<ctx.phrase(at: cap.range.lowerBound).upperBound)
                    p.cap = ctx.text(capRange)
                }
            } else if blankRate {
                p.blank = true
                if let per = periodic { p.form = "periodic"; p.per = per.value } else { p.form = "one_off" }
            } else if depositForm {
                p.form = "deposit"
            } else if let m = money.first {
                p.form = "fixed"
                p.amount = m.value?.value
                p.blank = m.blank
            } else if ctx.contains(ctx.data.agreedPenaltyWords, in: r) {
                p.form = "fixed"   // an agreed penalty measured in words (相当于一个月工资)
            } else {
                continue   // damages without a measure: not a penalty clause
            }
            if let rate = p.rate, p.form == "periodic" {
                p.annualizedRate = rate * FactContext.perYear(p.per)
            }
            (p.payer, p.payee) = parties(in: r, ctx)
            if let payer = p.payer, payer != "either" { p.payerSide = ctx.sides[payer] ?? ctx.defaultSide(payer) }
            if let trig = ctx.first(ctx.data.triggers, in: r) { p.trigger = ctx.text(trig.range) }
            out.append(p)
        }
        return out
    }

    /// A blank where the rate should be: "按…的____%", "千分之  ".
    private func hasBlankRate(in r: Range<Int>, _ ctx: FactContext) -> Bool {
        for tok in ctx.doc.tokens[ctx.doc.tokenIndex(atOrAfter: r.lowerBound)...] {
            if Int(tok.start) >= r.upperBound { break }
            guard tok.kind == .blank else { continue }
            let e = Int(tok.end)
            if e < ctx.t.count && (ctx.t[e] == 0x25 || ctx.t[e] == 0x2030) { return true }
            let before = ctx.text(max(r.lowerBound, Int(tok.start) - 3)..<Int(tok.start))
            if before.hasSuffix("分之") { return true }
        }
        return false
    }

    /// The base of a rate: from 按/以 to 的 before the rate (按[总价款]的千分之五).
    private func base(before offset: Int, in r: Range<Int>, _ ctx: FactContext) -> String? {
        let phrase = ctx.phrase(at: offset)
        guard let intro = ctx.last(ctx.data.baseIntroducers, in: max(r.lowerBound, phrase.lowerBound)..<offset) else { return nil }
        var e = offset
        while e > intro.range.upperBound && ctx.t[e - 1] != 0x7684 { e -= 1 } // 的
        guard e > intro.range.upperBound else { return nil }
        let b = ctx.trimmed(intro.range.upperBound..<(e - 1))
        return b.isEmpty ? nil : ctx.text(b)
    }

    /// Payer and payee: mutual wording → either; 要求X支付 → X; else the first role that is not
    /// an object; the payee is the role after 向/给.
    private func parties(in r: Range<Int>, _ ctx: FactContext) -> (String?, String?) {
        let mentions = ctx.roles(in: r)
        var payee: String?
        if let m = mentions.first(where: { ctx.isObject($0.range, in: r) }) { payee = ctx.role(m.label) }
        if ctx.contains(ctx.data.mutual, in: r) { return ("either", nil) }
        for m in mentions where m.range.lowerBound >= 2 && ctx.text((m.range.lowerBound - 2)..<m.range.lowerBound) == "要求" {
            return (ctx.role(m.label), payee)
        }
        guard let role = ctx.subject(in: r) else { return (nil, payee) }
        return (role, payee == role ? nil : payee)
    }
}
