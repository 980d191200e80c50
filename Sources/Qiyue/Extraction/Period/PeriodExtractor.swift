/// Periods: a kind cue (租赁期限, 试用期, 保修期 … from Rules/facts/periods.yaml) with the duration
/// right after it (试用期6个月, 租赁期限为25年) or right before it (一年免费维修), and/or a
/// 自…起至…止 date range in the same sentence.
struct PeriodExtractor {
    func extract(_ ctx: FactContext) -> [Period] {
        var out: [Period] = []
        var seen = Set<String>()
        for cue in ctx.findAll(ctx.data.periodKinds, in: 0..<ctx.t.count) {
            let sentence = ctx.sentence(at: cue.range.lowerBound)
            var duration: Entity?
            // After the cue, with only a few connecting characters between (为, :, 是).
            let after = cue.range.upperBound..<min(ctx.t.count, cue.range.upperBound + 4)
            let before = max(0, cue.range.lowerBound - 2)..<cue.range.lowerBound
            if let d = ctx.entities(.duration, in: after).first(where: { after.contains($0.range.lowerBound) && sentence.contains($0.range.lowerBound) }),
               d.value?.bound == nil || d.value?.bound == "from" {
                duration = d
            } else if let d = ctx.entities(.duration, in: before).last(where: { $0.range.upperBound <= cue.range.lowerBound
                && cue.range.lowerBound - $0.range.upperBound <= 1 && sentence.contains($0.range.lowerBound) }),
                      d.value?.bound == nil {
                duration = d
            }
            let (start, end, rangeSpan) = dateRange(in: cue.range.upperBound..<sentence.upperBound, ctx)
            guard duration != nil || start != nil || end != nil else { continue }
            let dv = duration?.value
            let key = "\(cue.value)|\(dv?.amount ?? -1)|\(dv?.unit ?? "")|\(start ?? "")|\(end ?? "")"
            guard seen.insert(key).inserted else { continue }
            var lo = cue.range.lowerBound, hi = cue.range.upperBound
            if let d = duration { lo = min(lo, d.range.lowerBound); hi = max(hi, d.range.upperBound) }
            if let r = rangeSpan { hi = max(hi, r.upperBound) }
            let span = ctx.doc.originalSpan(lo..<hi)
            var value: Period.DurationValue?
            if let a = dv?.amount, let u = dv?.unit { value = Period.DurationValue(amount: a, unit: u) }
            else if let s = start, let e = end, let months = Self.months(from: s, to: e) {
                value = months.truncatingRemainder(dividingBy: 12) == 0
                    ? Period.DurationValue(amount: months / 12, unit: "year") : Period.DurationValue(amount: months, unit: "month")
            }
            out.append(Period(kind: cue.value, start: start, end: end, duration: value, text: ctx.doc.originalText(span), span: span))
        }
        return out
    }

    /// 自D1起至D2止: the first date after a from-word and the next date after a to-word.
    private func dateRange(in r: Range<Int>, _ ctx: FactContext) -> (String?, String?, Range<Int>?) {
        let dates = ctx.entities(.date, in: r).filter { r.contains($0.range.lowerBound) && !$0.blank }
        guard let first = dates.first, first.range.lowerBound - r.lowerBound <= 6 else { return (nil, nil, nil) }
        let second = dates.dropFirst().first { d in
            ctx.contains(ctx.data.periodTo, in: first.range.upperBound..<d.range.lowerBound)
                && d.range.lowerBound - first.range.upperBound <= 6
        }
        guard let s = first.value?.date else { return (nil, nil, nil) }
        return (s, second?.value?.date, first.range.lowerBound..<(second?.range.upperBound ?? first.range.upperBound))
    }

    /// Whole months between two ISO dates, rounding a last day (2050-06-30 after 2025-07-01) up.
    static func months(from a: String, to b: String) -> Double? {
        func parts(_ s: String) -> (Int, Int, Int)? {
            let p = s.split(separator: "-").compactMap { Int($0) }
            return p.count == 3 ? (p[0], p[1], p[2]) : nil
        }
        guard let x = parts(a), let y = parts(b) else { return nil }
        var m = (y.0 - x.0) * 12 + (y.1 - x.1)
        // 2025-07-01 … 2050-06-30 covers whole months up to the end of June.
        if x.2 == 1 && y.2 >= 28 { m += 1 }
        return m > 0 ? Double(m) : nil
    }
}
