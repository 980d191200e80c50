/// The dispute-resolution clause as a fact: which forum the contract chooses (arbitration,
/// litigation, both — 或裁或诉 — or only negotiation), the named commission or court, and the
/// governing law. Wording from Rules/facts/disputes.yaml.
///
/// A court named after 不服 (对仲裁裁决不服的，向人民法院起诉), for enforcement, or in a cost
/// clause (诉讼费) is not a second choice; a labour contract's arbitration-then-court sequence is
/// arbitration.
struct DisputeExtractor {
    func extract(_ ctx: FactContext) -> DisputeResolution? {
        // Forum words in the dispute clause (a sentence that names a dispute, or one of the two
        // after it) win over forum words elsewhere.
        var arbitration: (sentence: Range<Int>, cue: Range<Int>)?
        var litigation: (sentence: Range<Int>, cue: Range<Int>)?
        var arbitrationElsewhere: (sentence: Range<Int>, cue: Range<Int>)?
        var litigationElsewhere: (sentence: Range<Int>, cue: Range<Int>)?
        var negotiation: Range<Int>?
        var law: String?
        var sinceDispute = Int.max
        for s in ctx.doc.sentences {
            let r = s.range
            sinceDispute = ctx.contains(ctx.data.disputeWords, in: r) ? 0 : (sinceDispute == .max ? .max : sinceDispute + 1)
            let inClause = sinceDispute <= Self.clauseReach
            if let a = ctx.first(ctx.data.arbitrationWords, in: r), !blocked(a.range, in: r, ctx) {
                if inClause { if arbitration == nil { arbitration = (r, a.range) } }
                else if arbitrationElsewhere == nil { arbitrationElsewhere = (r, a.range) }
            }
            if litigation == nil || litigationElsewhere == nil {
                for l in ctx.findAll(ctx.data.litigationWords, in: r) where !blocked(l.range, in: r, ctx) {
                    if inClause { if litigation == nil { litigation = (r, l.range) } }
                    else if litigationElsewhere == nil { litigationElsewhere = (r, l.range) }
                    break
                }
            }
            if negotiation == nil, ctx.contains(ctx.data.negotiationWords, in: r) { negotiation = r }
            if law == nil, let intro = ctx.first(ctx.data.lawIntroducers, in: r),
               let end = ctx.first(ctx.data.lawEnd, in: intro.range.upperBound..<min(r.upperBound, intro.range.upperBound + 20)) {
                let l = ctx.trimmed(intro.range.upperBound..<end.range.upperBound)
                if !l.isEmpty { law = ctx.text(l) }
            }
        }
        if arbitration == nil && litigation == nil {
            arbitration = arbitration ?? arbitrationElsewhere
            litigation = litigation ?? litigationElsewhere
        }
        let method: String
        let chosen: (sentence: Range<Int>, cue: Range<Int>)
        switch (arbitration, litigation) {
        case let (a?, _?): method = "both"; chosen = a
        case let (a?, nil): method = "arbitration"; chosen = a
        case let (nil, l?): method = "litigation"; chosen = l
        case (nil, nil):
            guard let n = negotiation else { return nil }
            let span = ctx.doc.originalSpan(ctx.trimmed(n))
            return DisputeResolution(method: "negotiation", body: nil, law: law, text: ctx.doc.originalText(span), span: span)
        }
        let body = self.body(near: chosen.cue, in: chosen.sentence, ctx)
            ?? (method == "both" ? litigation.flatMap { self.body(near: $0.cue, in: $0.sentence, ctx) } : nil)
        let span = ctx.doc.originalSpan(ctx.trimmed(chosen.sentence))
        return DisputeResolution(method: method, body: body, law: law, text: ctx.doc.originalText(span), span: span)
    }

    /// Sentences after the one naming a dispute that still belong to its clause (发生争议的，协商解决。
    /// 协商不成的，提交…仲裁。).
    static let clauseReach = 2

    /// A forum word that is no choice: after 不服, for enforcement, in a cost clause.
    private func blocked(_ cue: Range<Int>, in r: Range<Int>, _ ctx: FactContext) -> Bool {
        let phrase = ctx.phrase(at: cue.lowerBound)
        if ctx.contains(ctx.data.appealWords, in: r.lowerBound..<cue.lowerBound) { return true }  // 对仲裁裁决不服的，向人民法院起诉
        return ctx.contains(ctx.data.notAChoice, in: FactContext.upTo(phrase.lowerBound, min(phrase.upperBound, cue.upperBound + 6)))
    }

    /// The named body whose suffix is at or after the cue in its sentence (提交宁波仲裁委员会仲裁).
    private func body(near cue: Range<Int>, in r: Range<Int>, _ ctx: FactContext) -> String? {
        let from = max(r.lowerBound, cue.lowerBound - 24)
        guard let suffix = ctx.findAll(ctx.data.bodySuffixes, in: from..<r.upperBound).first(where: { $0.range.upperBound >= cue.lowerBound }) else { return nil }
        var s = suffix.range.lowerBound
        let limit = max(r.lowerBound, s - 24)
        while s > limit {
            let c = ctx.t[s - 1]
            if !CharClass.isHan(c) && !CharClass.isLatin(c) && !CharClass.isDigit(c) { break }
            if ctx.match(ctx.data.bodyStarts, endingAt: s) != nil { break }
            s -= 1
        }
        // A blank before the suffix (提交__________仲裁委员会) names no body.
        guard s < suffix.range.lowerBound || ctx.text(suffix.range).hasSuffix("人民法院") else { return nil }
        let name = ctx.trimmed(s..<suffix.range.upperBound)
        return name.isEmpty ? nil : ctx.text(name)
    }
}
