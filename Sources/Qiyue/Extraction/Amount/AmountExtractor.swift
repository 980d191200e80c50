/// Turns every money entity into an ``Amount`` with a purpose (total_price, deposit, rent …), from
/// the cues in Rules/facts/amounts.yaml:
/// 1. an explicit purpose after the amount ("…元作为质量保证金");
/// 2. the nearest cue before it in its phrase — a stage word right before a kind of payment
///    winning (首期服务费 → down_payment); a price cue with a percentage between it and the amount
///    names a part of the price (转让价款的50%，即…元 → installment);
/// 3. a cue right after it ("5000元的违约金"); the nearest cue earlier in the sentence; else other.
/// A price-cued amount below a total price stated before it is a part of the price too.
struct AmountExtractor {
    func extract(_ ctx: FactContext) -> [Amount] {
        var out: [Amount] = []
        var total: Double?
        var previous: Range<Int>?   // the money entity before this one
        for e in ctx.entities where e.dim == .money {
            defer { previous = e.range }
            let found = purpose(of: e.range, after: previous, ctx)
            var purpose = found.0
            let cue = found.1
            let v = e.value
            if purpose == "total_price", let value = v?.value {
                if let t = total, value < t - 0.005 { purpose = ctx.data.amounts.partOfPrice } else if total == nil { total = value }
            }
            let words = v?.words, figures = v?.figures
            let mismatch = words != nil && figures != nil && abs(words!.value - figures!.value) > 0.005
            out.append(Amount(value: v?.value, min: v?.min, max: v?.max, currency: v?.currency ?? (e.blank ? "CNY" : nil),
                              purpose: purpose, blank: e.blank, text: e.text, words: words, figures: figures,
                              wordsMismatch: mismatch, shareOfTotal: nil, purposeCue: cue, span: e.span, overflow: v?.overflow))
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
        if let intro = ctx.match(ctx.data.explicitIntroducers, at: i), let c = ctx.match(ctx.data.purposeCues, at: intro.end) {
            return (c.value, ctx.text(intro.end..<c.end))
        }
        // 2. The nearest cue before, in the phrase (not past another amount). When the phrase starts
        // with "即" the cue may sit in the phrase before (转让价款的50%，即人民币180万元).
        let otherMoneyBefore = previous.flatMap { $0.upperBound <= r.lowerBound && $0.upperBound > sentence.lowerBound ? $0 : nil }
        var from = phrase.lowerBound
        if ctx.text(ctx.trimmed(phrase.lowerBound..<min(phrase.upperBound, phrase.lowerBound + 1))) == "即" {
            from = ctx.phrase(at: max(sentence.lowerBound, phrase.lowerBound - 2)).lowerBound
        }
        from = max(from, otherMoneyBefore?.upperBound ?? from)
        let cues = ctx.findAll(ctx.data.purposeCues, in: from..<r.lowerBound)
        if var c = cues.last, !ctx.contains(ctx.data.purposeBreakers, in: c.range.upperBound..<r.lowerBound) {
            let generic = ctx.data.amounts.generic.contains(c.value)
            // A stage word just before a kind of payment: 首期服务费, 剩余转让价款.
            if cues.count >= 2, generic {
                let prev = cues[cues.count - 2]
                if ctx.data.amounts.stages.contains(prev.value) && c.range.lowerBound - prev.range.upperBound <= 4 { c = prev }
            }
            // A kind of payment right before a total word: 年租金合计, 保证金共计 → that kind.
            if cues.count >= 2, c.value == "total_price" {
                let prev = cues[cues.count - 2]
                if !ctx.data.amounts.generic.contains(prev.value), !ctx.data.amounts.stages.contains(prev.value),
                   c.range.lowerBound - prev.range.upperBound <= 1 { c = prev }
            }
            // A percentage between a price cue and the amount: a part of the price.
            if ctx.data.amounts.generic.contains(c.value),
               ctx.entities(.percentage, in: c.range.upperBound..<r.lowerBound).contains(where: {
                   $0.range.lowerBound >= c.range.upperBound && $0.range.upperBound <= r.lowerBound }) {
                return (ctx.data.amounts.partOfPrice, ctx.text(c.range))
            }
            return (c.value, ctx.text(c.range))
        }
        // 甲方支付50%，即人民币22,500元: a share paid, with no cue, is a part of the price.
        if cues.isEmpty, let p = ctx.entities(.percentage, in: from..<r.lowerBound).last(where: { $0.range.upperBound <= r.lowerBound }),
           ctx.contains(ctx.data.scheduleVerbs, in: from..<p.range.lowerBound) {
            return (ctx.data.amounts.partOfPrice, nil)
        }
        // 3. Right after, the sentence before, or a little after.
        if let intro = ctx.match(ctx.data.afterIntroducers, at: i) { i = intro.end }
        if let c = ctx.match(ctx.data.purposeCues, at: i) { return (c.value, ctx.text(i..<c.end)) }
        if let c = ctx.last(ctx.data.purposeCues, in: sentence.lowerBound..<min(from, r.lowerBound)) {
            return (c.value, ctx.text(c.range))
        }
        if let c = ctx.first(ctx.data.purposeCues, in: r.upperBound..<max(r.upperBound, tail.upperBound)), c.range.lowerBound - r.upperBound <= 6 {
            return (c.value, ctx.text(c.range))
        }
        return ("other", nil)
    }
}
