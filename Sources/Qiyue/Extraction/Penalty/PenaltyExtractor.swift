/// Penalty clauses: each sentence with a penalty word (违约金, 赔偿, 滞纳金, 罚息 …) and a quantity — a
/// periodic rate (每逾期一日按总价款的千分之五), a one-off percentage of a base, a fixed sum, a blank
/// slot for one — or 定金 forfeiture / double return. A sentence holds as many penalties as rates
/// (按日万分之五计收罚息，并按日万分之三计收复利 are two); a rate or sum after a cap word is the
/// cap of the penalty before it, not a penalty; payments the law sets (经济补偿金) are not penalties.
/// Interest at a reference rate before a rate (除按约定利率给付迟延利息外，并按日万分之五计付违约金)
/// and a forfeited performance bond (…，甲方并得没收履约保证金) are penalties of their own. Damages
/// without a measure in a line that continues a penalty's sentence (…支付违约金⏎，违约金不足以弥补
/// 损失的，还应赔偿) top that penalty up and are not another. A multiple of a base (按货值的三倍赔偿)
/// is a one-off penalty with the multiple as its rate.
/// Wording from Rules/facts/penalties.yaml.
struct PenaltyExtractor {
    func extract(_ ctx: FactContext) -> [Penalty] {
        var out: [Penalty] = []
        var previousFound = false   // whether the sentence before gave a penalty
        let wording = ctx.data.penaltyWording
        for s in ctx.doc.sentences {
            let r = s.range
            // The pieces of a list after a colon (…支付违约金：低于99.9%的，按10%支付；低于99.0%的，按25%
            // 支付) are penalty clauses of their lead's penalty word, each with its rate.
            // (Looked for only in a sentence with a rate and no penalty word of its own: most have none.)
            let ownWord = ctx.contains(ctx.data.penaltyWords, in: r)
            let lead = ctx.withListLead(r)
            let listPiece = !ownWord && lead.lowerBound < r.lowerBound && ctx.t[r.lowerBound - 1] != 0x3002
                && !ctx.entities(.percentage, in: r).isEmpty
                && (lead.lowerBound..<r.lowerBound).contains { ctx.t[$0] == 0x3A }
                && ctx.contains(ctx.data.penaltyWords, in: lead.lowerBound..<r.lowerBound)
            let hasPenaltyWord = ownWord || wording.chargesArrearsInterest(in: r, ctx) || listPiece
            let depositForm = ctx.contains(ctx.data.depositWords, in: r) && ctx.contains(ctx.data.depositRules, in: r)
            let bond = wording.forfeitsBond(in: r, ctx)
            let continues = previousFound && startsWithComma(r, ctx)
            previousFound = false
            guard hasPenaltyWord || depositForm || bond else { continue }
            if ctx.contains(ctx.data.statutoryPayments, in: r) && !ctx.contains(ctx.data.explicitPenalty, in: r) { continue }
            let percents = ctx.entities(.percentage, in: r)
            let money = ctx.entities(.money, in: r)
            let caps = (percents + money).filter { isCap($0, in: r, ctx) }
            let capStarts = Set(caps.map(\.range.lowerBound))
            // A share in a condition (月可用性低于99.9%的) is a threshold, not a rate.
            let rates = percents.filter { !capStarts.contains($0.range.lowerBound) && !wording.isThreshold($0, in: r, ctx) }
            let blankRate = hasBlankRate(in: r, ctx)
            var p = Penalty(payer: nil, payerSide: nil, payee: nil, trigger: nil, form: "fixed", rate: nil, per: "once",
                            base: nil, annualizedRate: nil, amount: nil, cap: nil, blank: false,
                            text: "", span: ctx.doc.originalSpan(ctx.trimmed(r)))
            p.text = ctx.doc.originalText(p.span)
            (p.payer, p.payee) = parties(in: r, ctx)
            if p.payer == nil, let prev = continued(r, ctx) { p.payer = parties(in: prev, ctx).0 }
            if p.payer == nil, listPiece { (p.payer, p.payee) = parties(in: lead.lowerBound..<r.lowerBound, ctx) }
            if let payer = p.payer, payer != "either" { p.payerSide = ctx.sides[payer] ?? ctx.defaultSide(payer) }
            if let trig = ctx.first(ctx.data.triggers, in: r) { p.trigger = ctx.text(trig.range) }
            var found: [Penalty] = []
            if !hasPenaltyWord && !depositForm {
                found = []   // only a bond forfeited: added below
            } else if depositForm && rates.isEmpty && !hasPenaltyWord {
                p.form = "deposit"
                depositPayer(&p, in: r, ctx)
                found = [p]
            } else if !rates.isEmpty {
                // 除按约定利率给付迟延利息外，并应按…每日万分之五计付违约金: two penalties.
                let before = r.lowerBound..<max(r.lowerBound, ctx.phrase(at: rates[0].range.lowerBound).lowerBound)
                // (除继续按约定利率支付利息外: the loan's own interest, no penalty — a late-interest word is needed.)
                if !before.isEmpty, wording.isReferenceRateInterest(in: before, ctx), ctx.contains(ctx.data.penaltyWords, in: before) {
                    var q = p
                    q.form = "periodic"
                    q.per = ctx.first(ctx.data.periodic, in: before)?.value ?? "year"
                    found.append(q)
                }
                found += ratePenalties(p, rates, caps: caps, in: r, ctx)
            } else if blankRate {
                p.blank = true
                if let per = ctx.first(ctx.data.periodic, in: r) { p.form = "periodic"; p.per = per.value } else { p.form = "one_off" }
                found = [p]
            } else if depositForm {
                p.form = "deposit"
                depositPayer(&p, in: r, ctx)
                found = [p]
            } else if let m = money.first(where: { !capStarts.contains($0.range.lowerBound) }) {
                p.form = "fixed"
                p.amount = m.value?.value
                p.blank = m.blank
                // 每迟延一天…支付违约金500元: a sum per period of delay.
                if let per = ctx.first(ctx.data.periodic, in: r.lowerBound..<m.range.lowerBound) { p.per = per.value }
                attachCap(&p, caps.first { $0.range.lowerBound > m.range.lowerBound }, ctx)
                found = [p]
            } else if ctx.contains(ctx.data.agreedPenaltyWords, in: r) {
                p.form = "fixed"   // an agreed penalty measured in words (相当于一个月工资)
                found = [p]
            } else if wording.isProportional(in: r, ctx) && ctx.contains(ctx.data.explicitPenalty, in: r) {
                p.form = "one_off"   // 按…所应分摊的培训费用支付违约金: a share of a base, no figure
                found = [p]
            } else if ctx.data.penaltyWording.isReferenceRateInterest(in: r, ctx) {
                p.form = "periodic"   // 按同期贷款市场报价利率支付逾期利息: a rate named, not given
                p.per = ctx.first(ctx.data.periodic, in: r)?.value ?? "year"
                found = [p]
            } else if let m = multiple(in: r, ctx) {
                p.form = "one_off"    // 按货值的三倍赔偿: a multiple of a base
                p.rate = m.value
                p.base = base(before: m.start, in: r, ctx)
                found = [p]
            } else if !continues, let verb = ctx.data.penaltyWording.damagesVerb(in: r, clause: s.clause, ctx) {
                p.form = "one_off"    // 赔偿甲方因此遭受的全部损失: damages without a measure
                attachCap(&p, caps.first, ctx)   // …但每箱最高不超过人民币伍佰元
                // Who pays: the party that must act on the verb (乙方有权退车，甲方应…赔偿乙方损失).
                if p.payer != "either", let a = ctx.actor(of: verb), a != "both" {
                    p.payer = a
                    p.payerSide = ctx.sides[a] ?? ctx.defaultSide(a)
                }
                found = [p]
            }
            if bond {
                var b = p
                b.form = "deposit"
                b.rate = nil
                b.base = nil
                b.amount = nil
                b.cap = nil
                b.capRate = nil
                b.capAmount = nil
                b.per = "once"
                b.blank = false
                if let owner = wording.bondOwner(in: r, ctx) {
                    b.payer = owner
                    b.payerSide = ctx.sides[owner] ?? ctx.defaultSide(owner)
                } else if found.isEmpty { depositPayer(&b, in: r, ctx) } else { b.payer = found[0].payer; b.payerSide = found[0].payerSide }
                found.append(b)
            }
            previousFound = !found.isEmpty
            out += found   // none: a penalty word without a measure, a rate or damages wording
        }
        return out
    }

    /// A multiple of a base (按货值的三倍赔偿, 以损失额的2倍支付; `multiples` in penalties.yaml) after
    /// 按/以 … 的, the base no interest rate (LPR的四倍 is a reference rate), no 定金 (the deposit rule)
    /// and no wage (二倍工资 is the law's).
    private func multiple(in r: Range<Int>, _ ctx: FactContext) -> (value: Double, start: Int)? {
        for m in ctx.findAll(ctx.data.penaltyWording.multiples, in: r) {
            // (不超过实际损失的1.5倍: a cap, no penalty.)
            let lead = max(r.lowerBound, ctx.phrase(at: m.range.lowerBound).lowerBound)..<m.range.lowerBound
            guard m.range.lowerBound > r.lowerBound, ctx.t[m.range.lowerBound - 1] == 0x7684,  // 的
                  !ctx.contains(ctx.data.capWords, in: lead),
                  let b = base(before: m.range.lowerBound, in: r, ctx), !["利率", "LPR", "定金", "工资"].contains(where: b.contains) else { continue }
            return (m.value, m.range.lowerBound)
        }
        return nil
    }

    /// Whether the sentence opens with a comma: a line break cut it from the sentence before.
    private func startsWithComma(_ r: Range<Int>, _ ctx: FactContext) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound && (FactContext.isSpace(ctx.t[i]) || ctx.t[i] == Scalar.lineFeed) { i += 1 }
        return i < r.upperBound && (ctx.t[i] == 0x2C || ctx.t[i] == 0xFF0C || ctx.t[i] == 0x3001)
    }

    /// One penalty per rate: its period is the first periodic cue between the rate before it and itself
    /// (for the first rate, anywhere before it); a rate whose stretch names no penalty and no period
    /// (支付总价款30%的预付款) is not a penalty. Caps after a rate, before the next, are its cap.
    private func ratePenalties(_ template: Penalty, _ rates: [Entity], caps: [Entity], in r: Range<Int>, _ ctx: FactContext) -> [Penalty] {
        var out: [Penalty] = []
        var prevEnd = r.lowerBound
        for (k, rate) in rates.enumerated() {
            let nextStart = k + 1 < rates.count ? rates[k + 1].range.lowerBound : r.upperBound
            let stretch = FactContext.upTo(prevEnd, nextStart)
            let periodic = ctx.first(ctx.data.periodic, in: FactContext.upTo(prevEnd, rate.range.upperBound))
                ?? (k == 0 ? ctx.first(ctx.data.periodic, in: FactContext.upTo(rate.range.upperBound, ctx.phrase(at: rate.range.lowerBound).upperBound)) : nil)
            let named = ctx.contains(ctx.data.penaltyWords, in: stretch) || periodic != nil
            defer { prevEnd = rate.range.upperBound }
            guard named || rates.count == 1 else { continue }
            var p = template
            p.rate = rate.value?.value
            // The party bound right before the rate pays it (…甲方有权解除合同，乙方还应按…5%支付).
            if p.payer != "either", let m = ctx.modalRole(before: rate.range.lowerBound, in: r), m != "both", m != p.payer {
                p.payer = m
                p.payerSide = ctx.sides[m] ?? ctx.defaultSide(m)
            }
            p.base = base(before: rate.range.lowerBound, in: r, ctx)
            if let per = periodic ?? ratePeriod(before: rate.range.lowerBound, in: r, ctx) {
                p.form = "periodic"
                p.per = per.value
            } else {
                p.form = "one_off"
                p.per = "once"
            }
            if let rv = p.rate, p.form == "periodic" { p.annualizedRate = rv * FactContext.perYear(p.per) }
            // Its cap: after it and before the next rate; for the first, also one before it
            // (违约金以合同金额的15%为上限，每逾期一日按万分之五支付).
            attachCap(&p, caps.first { $0.range.lowerBound > rate.range.lowerBound && $0.range.lowerBound < nextStart }
                ?? (k == 0 ? caps.last { $0.range.upperBound <= rate.range.lowerBound } : nil), ctx)
            if rates.count > 1 {
                let span = ctx.doc.originalSpan(ctx.trimmed(max(r.lowerBound, ctx.phrase(at: rate.range.lowerBound).lowerBound)..<rate.range.upperBound))
                p.span = span
                p.text = ctx.doc.originalText(span)
            }
            out.append(p)
        }
        return out
    }

    /// The sentence that `r` continues on the same line after a semicolon (出卖人应于交房前将户口迁出；
    /// 逾期未迁出的，每逾期一日…): who is bound there pays here.
    private func continued(_ r: Range<Int>, _ ctx: FactContext) -> Range<Int>? {
        guard let i = ctx.doc.sentenceIndex(at: r.lowerBound), i > 0 else { return nil }
        let prev = ctx.doc.sentences[i - 1].range
        var e = prev.upperBound
        while e > prev.lowerBound && FactContext.isSpace(ctx.t[e - 1]) { e -= 1 }
        guard e > prev.lowerBound, ctx.t[e - 1] == 0x3B || ctx.t[e - 1] == 0xFF1B else { return nil }   // ；
        if (prev.upperBound..<r.lowerBound).contains(where: { ctx.t[$0] == Scalar.lineFeed }) { return nil }
        return prev
    }

    /// In a 定金 clause the party that breaches pays (乙方付款后甲方不交付车辆的，应双倍返还定金 → 甲方): the
    /// owner of the deposit forfeited, else the party bound to return it double (乙方应双倍返还定金),
    /// else the role a breach word follows, in the clause or in the one its semicolon continues, else
    /// — when the clause's subject only may forfeit (委托人有权…没收) — the other of two parties.
    private func depositPayer(_ p: inout Penalty, in r: Range<Int>, _ ctx: FactContext) {
        if let owner = ctx.data.penaltyWording.depositOwner(in: r, ctx) {
            p.payer = owner
            p.payerSide = ctx.sides[owner] ?? ctx.defaultSide(owner)
            return
        }
        guard p.payer != "either" else { return }
        func set(_ role: String) {
            p.payer = role
            p.payerSide = ctx.sides[role] ?? ctx.defaultSide(role)
        }
        // 乙方应双倍返还定金: the party bound to return it pays.
        if let rule = ctx.first(ctx.data.depositRules, in: r) {
            let phrase = ctx.phrase(at: rule.range.lowerBound)
            let lo = max(r.lowerBound, phrase.lowerBound)
            if let m = ctx.roles(in: lo..<rule.range.lowerBound).last(where: {
                !ctx.isObject($0.range, in: r) && ctx.hasModal(after: $0.range.upperBound, limit: rule.range.lowerBound)
            }) {
                set(ctx.role(m.label))
                return
            }
        }
        if let b = ctx.data.penaltyWording.breachingRole(in: r, ctx) { set(b); return }
        // 乙方逾期支付…；逾期超过60日的，甲方有权…没收履约保证金: the breach is the one before the semicolon.
        if let prev = continued(r, ctx), let b = ctx.data.penaltyWording.breachingRole(in: prev, ctx) { set(b); return }
        // 委托人有权解除本合同，并没收全部履约保证金: who may forfeit is paid; of two parties the other pays.
        if let m = ctx.roles(in: r).first(where: { !ctx.isObject($0.range, in: r) }), ctx.role(m.label) == p.payer,
           ctx.match(ctx.data.permissionWords, at: m.range.upperBound) != nil {
            let parties = Set(ctx.primaryRole.values)
            if parties.count == 2, let other = parties.subtracting([ctx.role(m.label)]).first { set(other) }
        }
    }

    /// The period of a rate written right after a rate word (按逾期金额月利率 1% → month).
    private func ratePeriod(before offset: Int, in r: Range<Int>, _ ctx: FactContext) -> (range: Range<Int>, value: String)? {
        var e = offset
        while e > r.lowerBound && FactContext.isSpace(ctx.t[e - 1]) { e -= 1 }
        guard let m = ctx.match(ctx.data.rateCues, endingAt: e), let per = ctx.data.ratePeriods[ctx.text(m.start..<e)] else { return nil }
        return (m.start..<e, per)
    }

    /// A rate or a sum right after a cap word in its phrase (累计不超过合同总价款的20%), or right
    /// before one (以合同总价的10%为限).
    private func isCap(_ e: Entity, in r: Range<Int>, _ ctx: FactContext) -> Bool {
        // An upper bound (不超过2万元) in a penalty sentence caps it.
        // (Also when a written amount with its figures was merged into one: 最高不超过人民币伍佰元（¥500）.)
        if let v = e.value, v.max != nil, v.min == nil { return true }
        let phrase = ctx.phrase(at: e.range.lowerBound)
        if ctx.contains(ctx.data.capWords, in: max(r.lowerBound, phrase.lowerBound)..<e.range.lowerBound) { return true }
        // (A written amount's figures in brackets may stand between — 以港币壹拾万元正（HK$100,000）为限 —
        // and their thousands comma is no phrase break.)
        var k = e.range.upperBound
        if let close = CharClass.bracketEnd(ctx.t, at: k, length: Self.figuresBracket, refusing: { $0 == 0x0A || $0 == 0x3002 }) { k = close }
        var end = k
        while end < min(ctx.t.count, k + 3) && !FactContext.isPhraseBreak(ctx.t[end]) { end += 1 }
        return ctx.first(ctx.data.capAfterWords, in: k..<end) != nil
    }

    /// The longest bracket of figures after a written amount that a cap word may follow.
    static let figuresBracket = 23

    private func attachCap(_ p: inout Penalty, _ cap: Entity?, _ ctx: FactContext) {
        guard let cap else { return }
        let phrase = ctx.phrase(at: cap.range.lowerBound)
        if let w = ctx.first(ctx.data.capWords, in: phrase.lowerBound..<cap.range.lowerBound) {
            p.cap = ctx.text(ctx.trimmed(w.range.lowerBound..<phrase.upperBound))
        } else {
            p.cap = ctx.text(ctx.trimmed(phrase))
        }
        let v = cap.value?.value ?? cap.value?.max
        if cap.dim == .percentage { p.capRate = v } else { p.capAmount = v }
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
            // 按逾期付款金额的________向供方支付: a blank after 的 that no unit follows.
            if before.hasSuffix("的"), e >= ctx.t.count || !CharClass.isHan(ctx.t[e]) || Self.afterBlankRate.contains(ctx.t[e]),
               ctx.contains(ctx.data.baseIntroducers, in: r.lowerBound..<Int(tok.start)) { return true }
        }
        return false
    }

    /// What may follow a blank rate slot (…的____向对方支付, …的____计付).
    private static let afterBlankRate = ScalarSet("向支计作")

    /// The base of a rate: from 按/以 to 的 before the rate (按[总价款]的千分之五).
    private func base(before offset: Int, in r: Range<Int>, _ ctx: FactContext) -> String? {
        let phrase = ctx.phrase(at: offset)
        guard let intro = ctx.last(ctx.data.baseIntroducers, in: max(r.lowerBound, phrase.lowerBound)..<offset) else {
            return baseAfterVerb(before: offset, in: max(r.lowerBound, phrase.lowerBound)..<offset, ctx)
        }
        var e = offset
        while e > intro.range.upperBound && ctx.t[e - 1] != 0x7684 { e -= 1 } // 的
        guard e > intro.range.upperBound else { return nil }
        let b = ctx.trimmed(intro.range.upperBound..<(e - 1))
        return b.isEmpty ? nil : ctx.text(b)
    }

    /// The base written between a payment verb and the rate, with no 按 before it (支付合同总价款30%的
    /// 违约金, 支付旅游费用总额的40%, 给付稿酬总额30%之违约金): a few Han characters, no role in them.
    private func baseAfterVerb(before offset: Int, in r: Range<Int>, _ ctx: FactContext) -> String? {
        guard let verb = ctx.last(ctx.data.baseVerbs, in: r) else { return nil }
        var e = offset
        while e > verb.range.upperBound && (FactContext.isSpace(ctx.t[e - 1]) || ctx.t[e - 1] == Self.star) { e -= 1 }
        if e > verb.range.upperBound && ctx.t[e - 1] == 0x7684 { e -= 1 }   // 的
        let b = ctx.trimmed(verb.range.upperBound..<e)
        guard b.count >= 2, b.count <= Self.maxBase, b.allSatisfy({ CharClass.isHan(ctx.t[$0]) }), ctx.roles(in: b).isEmpty else { return nil }
        return ctx.text(b)
    }
    private static let maxBase = 16
    private static let star: UInt32 = 0x2A

    /// Payer and payee: mutual wording → either; 要求X支付 → X; else the first role that is not
    /// an object; the payee is the role after 向/给.
    private func parties(in r: Range<Int>, _ ctx: FactContext) -> (String?, String?) {
        let mentions = ctx.roles(in: r)
        var payee: String?
        if let m = mentions.first(where: { ctx.isObject($0.range, in: r) }) { payee = ctx.role(m.label) }
        if ctx.contains(ctx.data.mutual, in: r) { return ("either", nil) }
        // 要求X支付 → X; but 乙方无权要求甲方返还定金: the one who may not ask is the one who loses.
        for m in mentions where m.range.lowerBound >= 2 && ctx.text((m.range.lowerBound - 2)..<m.range.lowerBound) == "要求"
            && !(m.range.lowerBound >= 4 && ["无权", "不得"].contains(ctx.text((m.range.lowerBound - 4)..<(m.range.lowerBound - 2)))) {
            return (ctx.role(m.label), payee)
        }
        guard let role = ctx.subject(in: r) else { return (nil, payee) }
        return (role, payee == role ? nil : payee)
    }
}
