/// Turns every money entity into an ``Amount`` with a purpose (total_price, deposit, rent …), from
/// the cues in Rules/facts/amounts.yaml:
/// 1. an explicit purpose after the amount ("…元作为质量保证金");
/// 2. the nearest cue before it in its phrase — a stage word right before a kind of payment
///    winning (首期服务费 → down_payment); a price cue with a percentage between it and the amount
///    names a part of the price (转让价款的50%，即…元 → installment);
/// 3. a cue right after it ("5000元的违约金"); the nearest cue earlier in the sentence;
///    a sum named by a label of its own (暂列金额 ¥1,500,000; `ownLabels`) takes none from before;
///    the sum actually paid after a deduction (预先扣除利息…，实际转账…元) is the principal named before;
///    a list item after a semicolon, or figures a line break cut from their words, take the cue
///    of the sentence they continue;
/// 4. in a table row with no cue of its own, what the table's caption prices (服务费用明细如下 →
///    fee; `tableCaptionPurposes`), else other.
/// An explicit purpose may follow a comma too (…，即人民币20.4万元，作为预付款). A cue after a count of
/// periods is the measure of the sum, not its purpose (押金为2个月租金，即7,000元 → security_deposit).
/// A price-cued amount below a total price stated before it is a part of the price too.
struct AmountExtractor {
    func extract(_ ctx: FactContext) -> [Amount] {
        var out: [Amount] = []
        var total: Double?
        var totalCurrency: String?
        var previous: Range<Int>?   // the money entity before this one
        var blankTotal: Range<Int>?  // the sentence of a blank total price (作价 元)
        for e in ctx.entities where e.dim == .money {
            defer { previous = e.range }
            let found = purpose(of: e.range, after: previous, ctx)
            var purpose = found.0
            let cue = found.1
            let v = e.value
            if purpose == "total_price", let value = v?.value {
                // (Only against a total in the same currency.)
                if let t = total, value < t - 0.005, v?.currency == totalCurrency { purpose = ctx.data.amounts.partOfPrice } else if total == nil {
                    total = value
                    totalCurrency = v?.currency
                }
            } else if purpose == "total_price", e.blank {
                // 共计作价 元，乙方于 年 月 日前交付转让款 元，余款 元: after a blank total in the
                // sentence, a price-cued blank is a part of the price.
                let sentence = ctx.sentence(at: e.range.lowerBound)
                if blankTotal == sentence { purpose = ctx.data.amounts.partOfPrice } else { blankTotal = sentence }
            }
            let words = v?.words, figures = v?.figures
            let mismatch = words != nil && figures != nil && abs(words!.value - figures!.value) > 0.005
            // A sum with one bound (不超过人民币260万元, 不低于300,000元) states that figure: it is the
            // value, with the bound kept in min/max; a range (1万-5万元) has none.
            let stated = v?.value ?? ((v?.min == nil) != (v?.max == nil) ? v?.min ?? v?.max : nil)
            out.append(Amount(value: stated, min: v?.min, max: v?.max, currency: v?.currency ?? (e.blank ? "CNY" : nil),
                              purpose: purpose, blank: e.blank, text: e.text, words: words, figures: figures,
                              wordsMismatch: mismatch, shareOfTotal: nil, purposeCue: cue, span: e.span, overflow: v?.overflow,
                              approximate: v?.approximate))
        }
        if let t = total, t > 0 {
            for i in out.indices where out[i].purpose != "total_price" {
                if let v = out[i].value { out[i].shareOfTotal = v / t }
            }
        }
        return out
    }

    private func purpose(of r: Range<Int>, after previous: Range<Int>?, _ ctx: FactContext) -> (String, String?) {
        let phrase = ctx.phrase(at: r.lowerBound)
        let sentence = ctx.sentence(at: r.lowerBound)
        let tail = ctx.phrase(at: max(r.lowerBound, r.upperBound - 1))
        // 1. "…元作为定金"
        var i = r.upperBound
        while i < tail.upperBound && FactContext.isSpace(ctx.t[i]) { i += 1 }
        if let intro = ctx.match(ctx.data.explicitIntroducers, at: i) {
            if let c = ctx.match(ctx.data.purposeCues, at: intro.end) { return (c.value, ctx.text(intro.end..<c.end)) }
            // …元作为官费备用金: the sum is named as something no purpose word covers — not a part of
            // the price, whatever cue came before it (预付). A cue a few words on still decides
            // (作为本合同的定金).
            // Only over a price word or a payment step before the sum (预付, 首期, 服务费): a specific
            // cue there still decides (押金…元作为…租金的担保 is a security deposit, 定金…元作为履约担保 a
            // deposit).
            let before = ctx.findAll(ctx.data.purposeCues, in: phrase.lowerBound..<r.lowerBound).last?.value
            let overridable = before.map { ctx.data.amounts.generic.contains($0) || $0 == "down_payment" || $0 == "installment" } ?? true
            if intro.end - i >= 2, overridable {
                var e = intro.end
                while e < tail.upperBound && e < intro.end + 12 && CharClass.isHan(ctx.t[e]) { e += 1 }
                let named = intro.end..<e
                // The cue that ends the name decides (作为本合同的定金); one inside it does not (作为按期
                // 支付租金的担保).
                if let c = ctx.findAll(ctx.data.purposeCues, in: named).last, c.range.upperBound == e { return (c.value, ctx.text(c.range)) }
                if named.count >= 2 { return ("other", ctx.text(named)) }
            }
        }
        // "…元，作为预付款": after one comma (the phrase that follows says what the sum is).
        if i < ctx.t.count, ctx.t[i] == 0x2C || ctx.t[i] == 0xFF0C {
            var j = i + 1
            while j < ctx.t.count && FactContext.isSpace(ctx.t[j]) { j += 1 }
            if let intro = ctx.match(ctx.data.explicitIntroducers, at: j), intro.end - j >= 2,
               let c = ctx.match(ctx.data.purposeCues, at: intro.end) {
                return (c.value, ctx.text(intro.end..<c.end))
            }
        }
        // 2. The nearest cue before, in the phrase (not past another amount). When the phrase starts
        // with "即" the cue may sit in the phrase before (转让价款的50%，即人民币180万元).
        let otherMoneyBefore = previous.flatMap { $0.upperBound <= r.lowerBound && $0.upperBound > sentence.lowerBound ? $0 : nil }
        var from = phrase.lowerBound
        if ctx.text(ctx.trimmed(phrase.lowerBound..<min(phrase.upperBound, phrase.lowerBound + 1))) == "即" {
            from = ctx.phrase(at: max(sentence.lowerBound, phrase.lowerBound - 2)).lowerBound
        }
        from = max(from, otherMoneyBefore?.upperBound ?? from)
        // A cue after a count of periods measures the sum (押金：2个月租金即7,000元): not its purpose.
        let cues = ctx.findAll(ctx.data.purposeCues, in: from..<r.lowerBound).filter { !isMeasure($0.range, ctx) }
        if var c = cues.last, !ctx.contains(ctx.data.purposeBreakers, in: c.range.upperBound..<r.lowerBound) {
            let generic = ctx.data.amounts.generic.contains(c.value)
            // A stage word just before a kind of payment: 首期服务费, 剩余转让价款.
            // (剩余 10% 勘察费: a percentage between them does not part them.)
            if cues.count >= 2, generic {
                let prev = cues[cues.count - 2]
                let gap = prev.range.upperBound..<max(prev.range.upperBound, c.range.lowerBound)
                let shares = percentages(inside: gap, ctx)
                if ctx.data.amounts.stages.contains(prev.value) && gap.count - shares.reduce(0, { $0 + $1.range.count }) <= 4 { c = prev }
            }
            // A kind of payment right before a total word: 年租金合计, 保证金共计 → that kind.
            if cues.count >= 2, c.value == "total_price" {
                let prev = cues[cues.count - 2]
                if !ctx.data.amounts.generic.contains(prev.value), !ctx.data.amounts.stages.contains(prev.value), prev.value != "other",
                   c.range.lowerBound - prev.range.upperBound <= 1 { c = prev }
            }
            // A percentage between a price cue and the amount: a part of the price (not 100%: the
            // closing row of a schedule, 合计 | 100% | 780,000.00, is the whole).
            if ctx.data.amounts.generic.contains(c.value),
               percentages(inside: c.range.upperBound..<r.lowerBound, ctx).contains(where: { ($0.value?.value ?? 0) < 0.9999 }) {
                let earlier = ctx.findAll(ctx.data.purposeCues, in: max(sentence.lowerBound, otherMoneyBefore?.upperBound ?? 0)..<from).last
                if let e = earlier, (ctx.data.amounts.measuredByShare ?? []).contains(e.value) { return (e.value, ctx.text(e.range)) }
                // 预付款：合同签订之日起3日内支付总价款的30%，即人民币191,400元: the stage a label before
                // the price names.
                if let e = cues.count >= 2 ? cues[cues.count - 2] : earlier, ctx.data.amounts.stages.contains(e.value) {
                    return (e.value, ctx.text(e.range))
                }
                return (ctx.data.amounts.partOfPrice, ctx.text(c.range))
            }
            return (c.value, ctx.text(c.range))
        }
        // 甲方支付50%，即人民币22,500元: a share paid, with no cue, is a part of the price; so is one in
        // a row of a table whose header names the payment (付费阶段 | 支付比例 | 金额 ⏎ 方案设计 | 20% |
        // 653,600.00).
        if cues.isEmpty, let p = ctx.entities(.percentage, in: from..<r.lowerBound).last(where: { $0.range.upperBound <= r.lowerBound }),
           ctx.contains(ctx.data.scheduleVerbs, in: from..<p.range.lowerBound)
            || ((p.value?.value ?? 1) < 0.9999 && ctx.tableHeader(of: r.lowerBound).map({ ctx.contains(ctx.data.scheduleVerbs, in: $0) }) == true) {
            return (ctx.data.amounts.partOfPrice, nil)
        }
        // 3. Right after, the sentence before, or a little after.
        if let intro = ctx.match(ctx.data.afterIntroducers, at: i) { i = intro.end }
        if let c = ctx.match(ctx.data.purposeCues, at: i) { return (c.value, ctx.text(i..<c.end)) }
        // 预先扣除利息…，实际转账188,000元: the sum actually paid out is the principal named earlier.
        if let c = netAmount(from: from, before: r.lowerBound, in: sentence, ctx) { return c }
        // 暂列金额 ¥1,500,000: a sum named by a label of its own takes no cue from before it.
        if ownLabel(before: r.lowerBound, from: from, ctx) { return ("other", nil) }
        if let c = ctx.findAll(ctx.data.purposeCues, in: sentence.lowerBound..<min(from, r.lowerBound)).last(where: { !isMeasure($0.range, ctx) }) {
            return (c.value, ctx.text(c.range))
        }
        if let c = ctx.first(ctx.data.purposeCues, in: r.upperBound..<max(r.upperBound, tail.upperBound)), c.range.lowerBound - r.upperBound <= 6 {
            return (c.value, ctx.text(c.range))
        }
        // A list item after a semicolon on the same line (住宅物业服务费为…____元；商业用房为…____元):
        // the cue of the sentence it continues.
        if let prev = continuedSentence(before: sentence, amount: r.lowerBound, ctx), let c = ctx.last(ctx.data.purposeCues, in: prev) {
            return (c.value, ctx.text(c.range))
        }
        // 4. A row of a table: what its caption prices.
        if let c = tableCaption(at: r.lowerBound, ctx) { return c }
        // 5. A rate per unit of a service (按每公里6元另计): the cue later in its phrase, else a fee.
        if let rate = unitRate(before: r.lowerBound, from: from, ctx), !ctx.contains(ctx.data.unitRateNotWith, in: phrase.lowerBound..<max(phrase.lowerBound, tail.upperBound)) {
            if let c = ctx.first(ctx.data.purposeCues, in: r.upperBound..<max(r.upperBound, tail.upperBound)) { return (c.value, ctx.text(c.range)) }
            return rate
        }
        return ("other", nil)
    }

    /// The percentages wholly inside `r` (ctx.entities also gives the ones that only overlap it).
    private func percentages(inside r: Range<Int>, _ ctx: FactContext) -> [Entity] {
        ctx.entities(.percentage, in: r).filter { $0.range.lowerBound >= r.lowerBound && $0.range.upperBound <= r.upperBound }
    }

    /// 按每公里6元另计, 每车次人民币2,800元, 按每人每日1,200元: a sum right after a per-unit lead
    /// (`unitRate.leads` and a few Han characters, at most ten before it in its phrase) is a rate of
    /// `unitRate.purpose`, unless the unit is one of `notUnits` (每吨: a unit price; 每月: a periodic sum).
    private func unitRate(before r: Int, from: Int, _ ctx: FactContext) -> (String, String?)? {
        guard let rate = ctx.data.amounts.unitRate else { return nil }
        // The first lead of a run names the unit (每人每日: per person, per day).
        var k = r
        var first: (start: Int, end: Int)?
        while k > from && r - k <= 10 {
            k -= 1
            let c = ctx.t[k]
            guard CharClass.isHan(c) || FactContext.isSpace(c) else { break }
            if let lead = ctx.match(ctx.data.unitRateLeads, at: k) { first = (k, lead.end) }
        }
        guard let lead = first else { return nil }
        var u = lead.end
        while u < r && FactContext.isSpace(ctx.t[u]) { u += 1 }
        if ctx.match(ctx.data.unitRateNotUnits, at: u) != nil { return nil }
        return (rate.purpose, ctx.text(lead.start..<lead.end))
    }

    /// A phrase opening with a lead of the sum actually paid (`netLeads`: 实际转账…, 实际向乙方支付…) in a
    /// sentence that names a principal before it (`netPurposes`: 出借, 借款): that purpose.
    private func netAmount(from: Int, before r: Int, in sentence: Range<Int>, _ ctx: FactContext) -> (String, String?)? {
        let leads = ctx.data.amounts.netLeads ?? []
        guard !leads.isEmpty, from < r, sentence.lowerBound < from else { return nil }
        let words = ctx.text(ctx.trimmed(from..<r))
        guard leads.contains(where: { words.hasPrefix($0) }) else { return nil }
        let purposes = ctx.data.amounts.netPurposes ?? []
        guard let c = ctx.findAll(ctx.data.purposeCues, in: sentence.lowerBound..<from).last(where: { purposes.contains($0.value) }) else { return nil }
        return (c.value, ctx.text(c.range))
    }

    /// Whether a cue follows a duration after a copula (押金为2个月租金, 相当于三个月的工资): the unit a
    /// sum is measured in.
    private func isMeasure(_ cue: Range<Int>, _ ctx: FactContext) -> Bool {
        var e = cue.lowerBound
        while e > 0 && FactContext.isSpace(ctx.t[e - 1]) { e -= 1 }
        if e > 0 && ctx.t[e - 1] == 0x7684 { e -= 1 }   // 的
        while e > 0 && FactContext.isSpace(ctx.t[e - 1]) { e -= 1 }
        guard e > 0 else { return false }
        // (The cue may start inside the duration: 三个月租金 reads 月租金 at 月.) The duration follows a
        // copula (押金为两个月租金, 相当于三个月工资): 扣除前三个月利息 names interest.
        guard let d = ctx.entities(.duration, in: max(0, e - 1)..<(cue.lowerBound + 1)).first(where: {
            $0.range.upperBound == e || $0.range.contains(cue.lowerBound) && $0.range.lowerBound < cue.lowerBound
        }) else { return false }
        var b = d.range.lowerBound
        while b > 0 && FactContext.isSpace(ctx.t[b - 1]) { b -= 1 }
        let lead = ctx.text(max(0, b - 3)..<b)
        return ["为", "是", ":", "相当于", "等于"].contains { lead.hasSuffix($0) }
    }

    /// Whether the words right before the amount, in its phrase, end with a label that names a sum
    /// (`ownLabels`: 暂列金额, 保险金额), after a linking 为 / 是 / colon.
    private func ownLabel(before r: Int, from: Int, _ ctx: FactContext) -> Bool {
        let labels = ctx.data.amounts.ownLabels ?? []
        guard !labels.isEmpty, from < r else { return false }
        var e = r
        while e > from, FactContext.isSpace(ctx.t[e - 1]) || [0x3A, 0x4E3A, 0x662F, 0xFF1A].contains(ctx.t[e - 1]) { e -= 1 }
        // (金额 alone refers back: 应支付违约金，金额为5000元.)
        let words = ctx.text(ctx.trimmed(from..<e))
        return labels.contains { words.hasSuffix($0) && words.count > $0.count && !words.hasSuffix("的" + $0) }
    }

    /// The sentence that `sentence` continues: on the same line after a semicolon, or across one line
    /// break that cut it after a word (…每车次人民币⏎11,500元), if any.
    private func continuedSentence(before sentence: Range<Int>, amount: Int, _ ctx: FactContext) -> Range<Int>? {
        var e = sentence.lowerBound
        while e > 0 && FactContext.isSpace(ctx.t[e - 1]) { e -= 1 }
        guard e > 0 else { return nil }
        if ctx.t[e - 1] == 0x3B || ctx.t[e - 1] == 0xFF1B {   // ；
            let prev = ctx.sentence(at: e - 1)
            return prev.lowerBound < sentence.lowerBound ? prev.lowerBound..<(e - 1) : nil
        }
        // A line cut: one line feed, the line before ends with a Han character, this one opens with
        // the amount's figures (no word of its own before them).
        guard ctx.t[e - 1] == Scalar.lineFeed else { return nil }
        var b = e - 1
        while b > 0 && FactContext.isSpace(ctx.t[b - 1]) { b -= 1 }
        guard b > 0, CharClass.isHan(ctx.t[b - 1]) else { return nil }
        var f = sentence.lowerBound
        while f < sentence.upperBound && FactContext.isSpace(ctx.t[f]) { f += 1 }
        guard f == amount else { return nil }
        let prev = ctx.sentence(at: b - 1)
        return prev.lowerBound < sentence.lowerBound ? prev.lowerBound..<b : nil
    }

    /// For an amount on a table row (a line with tabs, as pipe and DOCX tables are read): the cue of
    /// the caption, the line above the table (3.1 服务费用明细如下：), when its purpose is one of
    /// `tableCaptionPurposes`. Only rows are looked at, a few lines up.
    private func tableCaption(at offset: Int, _ ctx: FactContext) -> (String, String?)? {
        guard let allowed = ctx.data.amounts.tableCaptionPurposes, !allowed.isEmpty else { return nil }
        let t = ctx.t
        func lineStart(_ i: Int) -> Int { var k = i; while k > 0 && t[k - 1] != Scalar.lineFeed { k -= 1 }; return k }
        func hasTab(_ a: Int, _ b: Int) -> Bool { (a..<b).contains { t[$0] == 0x09 } }
        var ls = lineStart(offset)
        var le = ls
        while le < t.count && t[le] != Scalar.lineFeed { le += 1 }
        guard hasTab(ls, le) else { return nil }
        var steps = 0
        while ls > 0 && steps < 60 {
            let pe = ls - 1
            let ps = lineStart(pe)
            let blank = (ps..<pe).allSatisfy { FactContext.isSpace(t[$0]) }
            if !blank && !hasTab(ps, pe) {
                // A caption cut by a line break (3.1 服务费用明⏎细如下：) reads with the line before it,
                // when that one does not end a sentence and the cut line opens no heading of its own.
                var cs = ps
                if ps > 0, !LineNormalizer.startsWithHeading(t, ps..<pe) {
                    let qe = ps - 1, qs = lineStart(qe)
                    var last = qe
                    while last > qs && FactContext.isSpace(t[last - 1]) { last -= 1 }
                    if last > qs, !hasTab(qs, qe), !CharClass.isSentenceEnd(t[last - 1]), t[last - 1] != 0xFF1A, t[last - 1] != Scalar.colon {
                        cs = qs
                    }
                }
                guard let c = ctx.findAll(ctx.data.purposeCues, in: cs..<pe).last, allowed.contains(c.value) else { return nil }
                return (c.value, ctx.text(c.range))
            }
            ls = ps
            steps += 1
        }
        return nil
    }
}
