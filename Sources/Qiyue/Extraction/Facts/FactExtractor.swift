/// Runs the fact extractors over an analyzed document and its entities: parties first (the other
/// extractors name parties by their primary role), then amounts, dates, deadlines, periods,
/// penalties, rates, clauses and the document-level facts.
struct FactExtractor {
    let data: FactData

    struct Facts {
        var document: DocumentFacts
        var parties: [Party]
        var amounts: [Amount]
        var dates: [DateMention]
        var deadlines: [Deadline]
        var periods: [Period]
        var penalties: [Penalty]
        var rates: [Rate]
        var clauses: [ClauseEntry]
    }

    /// Title and clauses only: what is reported for a text that is not a contract.
    func outline(_ doc: Document) -> Facts {
        let (title, titleSpan) = Self.title(doc, data)
        return Facts(document: DocumentFacts(title: title, titleSpan: titleSpan, signedOn: nil, contractTermMonths: nil,
                                             openEnded: false, totalPrice: nil),
                     parties: [], amounts: [], dates: [], deadlines: [], periods: [], penalties: [], rates: [],
                     clauses: Self.clauses(doc))
    }

    /// `meter`, when given, counts the characters the extractors' scanning helpers visit (the
    /// linearity test compares it for n and 2n characters of input).
    func extract(_ doc: Document, entities: [Entity], category: String?, meter: WorkMeter? = nil) -> Facts {
        // Facts read the two ends of a date range as two dates (自…起至…止 periods, date mentions).
        let entities = entities.contains { !$0.parts.isEmpty } ? entities.flatMap { $0.parts.isEmpty ? [$0] : $0.parts } : entities
        var ctx = FactContext(doc: doc, data: data, entities: entities, category: category, meter: meter)
        let parties = PartyExtractor().extract(&ctx)
        for p in parties { ctx.sides[p.role] = p.side }
        let amounts = AmountExtractor().extract(ctx)
        let dates = entities.compactMap { e -> DateMention? in
            // A partly filled blank (2026 年 __ 月 __ 日) is no calendar date: it stays a blank (of a
            // deadline, a period), not a mention of its year.
            guard e.dim == .date, !e.blank, let v = e.value else { return nil }
            if v.valid == false {
                // An impossible day (2月30日) is never written as a date: `value` keeps the possible
                // part (2023-02, --02), the parts and `valid: false` say what was written.
                var known = v
                known.day = nil
                known.date = nil
                return DateMention(value: Self.isoString(known) ?? "", bound: v.bound, span: e.span, valid: false,
                                   year: v.year, month: v.month, day: v.day)
            }
            guard let s = Self.isoString(v) else { return nil }
            return DateMention(value: s, bound: v.bound, span: e.span)
        }
        let deadlines = DeadlineExtractor().extract(ctx)
        let periods = PeriodExtractor().extract(ctx, deadlines: deadlines)
        let penalties = PenaltyExtractor().extract(ctx)
        let rates = RateExtractor().extract(ctx)
        let clauses = Self.clauses(doc)
        var document = documentFacts(ctx, amounts: amounts, periods: periods)
        document.depositShare = Self.depositShare(ctx)
        let options = ctx.checkboxOptions()
        document.options = options.isEmpty ? nil : options
        if let schedule = PaymentScheduleExtractor().extract(ctx, amounts: amounts, deadlines: deadlines, total: document.totalPrice,
                                                                     totals: amounts.filter { $0.purpose == "total_price" }.compactMap(\.value)) {
            document.paymentSchedule = schedule.items
            document.paymentScheduleAddsUp = schedule.addsUp
        }
        // Role labels as the text writes them (僱主, 買方 in a Traditional text), not as normalized.
        let shown = Self.writtenLabels(parties, ctx)
        guard !shown.isEmpty else {
            return Facts(document: document, parties: parties, amounts: amounts, dates: dates, deadlines: deadlines,
                         periods: periods, penalties: penalties, rates: rates, clauses: clauses)
        }
        func w(_ l: String?) -> String? { l.map { shown[$0] ?? $0 } }
        var ps = parties, ds = deadlines, ns = penalties
        for i in ps.indices { ps[i].role = shown[ps[i].role] ?? ps[i].role; ps[i].aliases = ps[i].aliases.map { shown[$0] ?? $0 } }
        for i in ds.indices { ds[i].obligor = w(ds[i].obligor) }
        for i in ns.indices { ns[i].payer = w(ns[i].payer); ns[i].payee = w(ns[i].payee) }
        return Facts(document: document, parties: ps, amounts: amounts, dates: dates, deadlines: ds,
                     periods: periods, penalties: ns, rates: rates, clauses: clauses)
    }

    /// The parties' role labels whose original text differs from the normalized one only by script
    /// (雇主 ← 僱主): normalized label → the label as first written.
    static func writtenLabels(_ parties: [Party], _ ctx: FactContext) -> [String: String] {
        var out: [String: String] = [:]
        var seen: Set<String> = []
        let labels = Set(parties.flatMap { [$0.role] + $0.aliases })
        for m in ctx.roleMentions where labels.contains(m.label) && !seen.contains(m.label) {
            seen.insert(m.label)
            let written = ctx.doc.originalText(ctx.doc.originalSpan(m.range))
            if written != m.label, written.unicodeScalars.count == m.label.unicodeScalars.count,
               written.unicodeScalars.allSatisfy({ CharClass.isHan($0.value) }) { out[m.label] = written }
        }
        return out
    }

    /// "YYYY-MM-DD", "YYYY-MM", "YYYY", "--MM-DD", "---DD" (or "--MM" for a month alone).
    static func isoString(_ v: EntityValue) -> String? {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch (v.year, v.month, v.day) {
        case let (y?, m?, d?): return "\(y)-\(two(m))-\(two(d))"
        case let (y?, m?, nil): return "\(y)-\(two(m))"
        case (let y?, nil, nil): return "\(y)"
        case let (nil, m?, d?): return "--\(two(m))-\(two(d))"
        case (nil, nil, let d?): return "---\(two(d))"
        case (nil, let m?, nil): return "--\(two(m))"
        default: return v.date
        }
    }

    private static func clauses(_ doc: Document) -> [ClauseEntry] {
        doc.clauses.map { c in
            ClauseEntry(number: c.number, title: c.title, depth: c.depth, span: doc.originalSpan(c.range))
        }
    }

    /// Title: the first non-empty line, when short (else the span of its first character).
    /// A title line that runs into a party label (买车合同协议书范文1出售方(简称甲方):) ends before the
    /// label: a title never includes a party label line.
    private static func title(_ doc: Document, _ data: FactData) -> (String?, TextSpan?) {
        let t = doc.normalized
        var i = 0
        while i < t.count {
            var e = i
            while e < t.count && t[e] != 0x0A { e += 1 }
            var r = FactContext.trimmed(t, i..<e)
            if !r.isEmpty, let cut = partyLabelStart(t, r, data) {
                let head = FactContext.trimmed(t, r.lowerBound..<cut)
                if head.count < 2 { return (nil, doc.originalSpan(r.lowerBound..<(r.lowerBound + 1))) }
                r = head
            }
            if !r.isEmpty {
                let short = r.count <= 40
                return (short ? doc.normalizedText(r) : nil, doc.originalSpan(short ? r : r.lowerBound..<(r.lowerBound + 1)))
            }
            i = e + 1
        }
        return (nil, nil)
    }

    /// Where a party label (a role, optional parentheses, then a colon) starts in a line, if it does.
    private static func partyLabelStart(_ t: [UInt32], _ r: Range<Int>, _ data: FactData) -> Int? {
        var k = r.lowerBound
        while k < r.upperBound {
            if data.roles.startsWord(t[k]), let m = data.roles.match(t, at: k), m.end <= r.upperBound {
                var j = m.end
                // (简称甲方) / （转让方）
                if j < r.upperBound, t[j] == 0x28 || t[j] == 0xFF08 {
                    while j < r.upperBound && t[j] != 0x29 && t[j] != 0xFF09 { j += 1 }
                    j += 1
                }
                while j < r.upperBound && FactContext.isSpace(t[j]) { j += 1 }
                if j < r.upperBound, t[j] == 0x3A || t[j] == 0xFF1A { return k }
                k = m.end
            } else {
                k += 1
            }
        }
        return nil
    }

    /// A 定金 given as a share of the price: a percentage followed by 作为/为 and a deposit word
    /// (合同金额百分之三十五作为定金), or after a deposit word in its phrase (定金为合同总价的30%).
    static func depositShare(_ ctx: FactContext) -> Double? {
        var best: Double?
        for e in ctx.entities where e.dim == .percentage {
            guard let v = e.value?.value, v > 0, v <= 1 else { continue }
            var k = e.range.upperBound
            if let intro = ctx.match(ctx.data.explicitIntroducers, at: k) ?? ctx.match(ctx.data.afterIntroducers, at: k) { k = intro.end }
            let after = ctx.match(ctx.data.depositWords, at: k) != nil
            let phrase = ctx.phrase(at: e.range.lowerBound)
            let before = ctx.contains(ctx.data.depositWords, in: max(phrase.lowerBound, e.range.lowerBound - 16)..<e.range.lowerBound)
                && !ctx.contains(ctx.data.penaltyWords, in: phrase)
            if after || before { best = max(best ?? 0, v) }
        }
        return best
    }

    private static let signingWords: [[UInt32]] = ["签订", "签约", "签署", "签字日期"].map { $0.unicodeScalars.map(\.value) }

    private func documentFacts(_ ctx: FactContext, amounts: [Amount], periods: [Period]) -> DocumentFacts {
        let t = ctx.t
        let (title, titleSpan) = Self.title(ctx.doc, data)
        // Signing date: a date after 签订日期/签约日期/签署日期, else the last full date in the final
        // fifth of the text (the signature block).
        var signedOn: String?
        let fullDates = ctx.entities.filter { $0.dim == .date && $0.value?.date != nil }
        for d in fullDates {
            if ctx.containsAny(Self.signingWords, in: max(0, d.range.lowerBound - 8)..<d.range.lowerBound) {
                signedOn = d.value?.date
                break
            }
        }
        if signedOn == nil, let last = fullDates.last, last.range.lowerBound >= t.count * 4 / 5 { signedOn = last.value?.date }
        // The contract's own term: the first period of the most specific term kind (Rules/facts/
        // periods.yaml termKinds), never a warranty, confidentiality or other period.
        let term = ctx.data.termKinds.lazy.compactMap { k in periods.first { $0.kind == k && $0.duration != nil } }.first
        let termMonths: Double? = term?.duration.map { d in
            switch d.unit {
            case "year": d.amount * 12
            case "month": d.amount
            case "quarter": d.amount * 3
            case "week": d.amount / 4.345
            case "day", "workday": d.amount / 30.4
            default: d.amount
            }
        }
        let openEnded = ctx.contains(ctx.data.openEnded, in: 0..<t.count)
        let total = amounts.first { $0.purpose == "total_price" && $0.value != nil }?.value
        return DocumentFacts(title: title, titleSpan: titleSpan, signedOn: signedOn, contractTermMonths: termMonths,
                             openEnded: openEnded, totalPrice: total, disputeResolution: DisputeExtractor().extract(ctx))
    }
}
