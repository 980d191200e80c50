/// Interest rates: a percentage right after a rate word (年利率, 月利率, 逾期利息 …), annualized by
/// its period (年/月/日 in the cue, or 每日/每月 wording).
struct RateExtractor {
    func extract(_ ctx: FactContext) -> [Rate] {
        var out: [Rate] = []
        for cue in ctx.findAll(ctx.data.rateCues, in: 0..<ctx.t.count) {
            let phrase = ctx.phrase(at: cue.range.lowerBound)
            let after = cue.range.upperBound..<min(ctx.t.count, cue.range.upperBound + 9)
            // (年利率上浮50%: a markup of the rate, not a rate.)
            guard let p = ctx.entities(.percentage, in: after).first(where: { after.contains($0.range.lowerBound) && phrase.contains($0.range.lowerBound) }),
                  !ctx.contains(ctx.data.rateMarkups, in: cue.range.upperBound..<p.range.lowerBound),
                  let rate = p.value?.value else { continue }
            let cueText = ctx.text(cue.range)
            var per = ctx.data.ratePeriods[cueText] ?? "year"
            if ctx.data.ratePeriods[cueText] == nil, let w = ctx.first(ctx.data.periodic, in: phrase) { per = w.value }
            let span = ctx.doc.originalSpan(cue.range.lowerBound..<p.range.upperBound)
            out.append(Rate(kind: cue.value, rate: rate, per: per, annualizedRate: rate * FactContext.perYear(per),
                            text: ctx.doc.originalText(span), span: span))
        }
        return out
    }
}
