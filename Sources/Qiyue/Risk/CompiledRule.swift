/// A rule ready to run over many documents, from any number of threads.
final class CompiledRule: Sendable {
    /// The rule, with its effective parameters.
    let rule: RiskRule
    let condition: CompiledCondition
    let message: MessageTemplate
    let messageEn: MessageTemplate?
    let addenda: [(condition: CompiledCondition, message: MessageTemplate, messageEn: MessageTemplate?)]

    /// At most this many risks per rule and document.
    static let maxMatches = 200

    init(_ rule: RiskRule, timeLimit: Int32, regexes: inout [String: SharedRegex]) throws(QiyueError) {
        self.rule = rule
        func template(_ s: String) throws(QiyueError) -> MessageTemplate {
            switch MessageTemplate.parse(s) {
            case .success(let t): return t
            case .failure(let p): throw QiyueError(.badRule, path: rule.path, p.message)
            }
        }
        condition = try CompiledCondition.compile(rule.when, params: rule.params, timeLimit: timeLimit, regexes: &regexes)
        message = try template(rule.message)
        messageEn = try rule.messageEn.map { (s) throws(QiyueError) in try template(s) }
        var adds: [(CompiledCondition, MessageTemplate, MessageTemplate?)] = []
        for a in rule.addenda {
            adds.append((try CompiledCondition.compile(a.when, params: rule.params, timeLimit: timeLimit, regexes: &regexes),
                         try template(a.message), try a.messageEn.map { (s) throws(QiyueError) in try template(s) }))
        }
        addenda = adds
    }

    /// The rule's matches in a document, overlapping ones merged (the earliest, then longest, kept).
    func matches(_ ctx: RiskContext) throws(RegexFailure) -> [RuleMatch] {
        let found = try condition.matches(ctx, limit: Self.maxMatches)
        if found.count < 2 { return found }
        let sorted = found.sorted { $0.span.start != $1.span.start ? $0.span.start < $1.span.start : $0.span.end > $1.span.end }
        var out: [RuleMatch] = [sorted[0]]
        for m in sorted.dropFirst() {
            let last = out[out.count - 1].span
            if m.span == last || (m.span.overlaps(last) && !m.span.isEmpty) { continue }
            out.append(m)
        }
        return out
    }

    /// The risks for a document (none when the condition does not hold).
    func risks(_ ctx: RiskContext) throws(RegexFailure) -> [Risk] {
        let found = try matches(ctx)
        if found.isEmpty { return [] }
        var extra = "", extraEn = ""
        for a in addenda {
            if try a.condition.matches(ctx, limit: 1).isEmpty { continue }
            extra += a.message.render({ name in lookup(name, nil, ctx) }, text: ctx.text)
            if let en = a.messageEn { extraEn += " " + en.render({ name in lookup(name, nil, ctx) }, text: ctx.text) }
        }
        return found.map { m in
            let span = ctx.document.clamped(m.span)
            return Risk(rule: rule.id, severity: rule.severity, title: rule.title, titleEn: rule.titleEn,
                        message: message.render({ lookup($0, m, ctx) }, text: ctx.text) + extra,
                        messageEn: messageEn.map { $0.render({ lookup($0, m, ctx) }, text: ctx.text) + extraEn },
                        basis: rule.basis, span: span, evidence: ctx.document.originalText(span))
        }
    }

    /// A placeholder's value: a field of the match, else a parameter, else a document field.
    private func lookup(_ name: String, _ m: RuleMatch?, _ ctx: RiskContext) -> FieldValue? {
        switch m?.source {
        case .fact(let kind, let i)?:
            if let f = kind.fields[name] { return f.get(ctx, i) }
        case .text(let r)?:
            if name == "text" { return .text(r) }
            if name == "context" { return .text(ctx.sentenceRange(of: m!.span)) }
        case .document?, nil:
            break
        }
        if let p = rule.params[name] { return FieldValue(p) }
        if let d = FactKind.documentFields[name] { return d.get(ctx, 0) }
        return nil
    }
}
