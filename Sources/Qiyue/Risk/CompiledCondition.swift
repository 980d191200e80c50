/// A condition ready to run: field names resolved to accessors, parameters substituted, patterns
/// compiled (once per rule set).
indirect enum CompiledCondition: Sendable {
    case fact(FactKind, [CompiledPredicate])
    case text(SharedRegex, RiskCondition.Scope)
    case document([CompiledPredicate])
    case all([CompiledCondition])
    case any([CompiledCondition])
    case absent(CompiledCondition)

    /// Compiles a linted condition.
    /// - Parameter regexes: patterns compiled so far in this rule set (identical patterns share one).
    static func compile(_ c: RiskCondition, params: [String: RiskValue], timeLimit: Int32,
                        regexes: inout [String: SharedRegex]) throws(QiyueError) -> CompiledCondition {
        switch c {
        case .fact(let name, let preds):
            guard let kind = FactKind(rawValue: name) else { throw QiyueError(.badRule, "unknown fact kind '\(name)'") }
            return .fact(kind, try preds.map { (p) throws(QiyueError) in
                try compile(p, fields: kind.fields, params: params, timeLimit: timeLimit, regexes: &regexes)
            })
        case .text(let pattern, let scope):
            return .text(try regex(pattern, timeLimit, &regexes), scope)
        case .document(let preds):
            return .document(try preds.map { (p) throws(QiyueError) in
                try compile(p, fields: FactKind.documentFields, params: params, timeLimit: timeLimit, regexes: &regexes)
            })
        case .all(let cs):
            return .all(try cs.map { (c) throws(QiyueError) in
                try compile(c, params: params, timeLimit: timeLimit, regexes: &regexes)
            })
        case .any(let cs):
            return .any(try cs.map { (c) throws(QiyueError) in
                try compile(c, params: params, timeLimit: timeLimit, regexes: &regexes)
            })
        case .absent(let c):
            return .absent(try compile(c, params: params, timeLimit: timeLimit, regexes: &regexes))
        }
    }

    private static func regex(_ pattern: String, _ timeLimit: Int32,
                              _ regexes: inout [String: SharedRegex]) throws(QiyueError) -> SharedRegex {
        if let r = regexes[pattern] { return r }
        do {
            let r = try SharedRegex(pattern, timeLimit: timeLimit)
            regexes[pattern] = r
            return r
        } catch {
            throw QiyueError(.badRule, "invalid regular expression '\(pattern)': \(ICURegexErrorName.describe(error.status))")
        }
    }

    private static func compile(_ p: RiskPredicate, fields: [String: FactField], params: [String: RiskValue],
                                timeLimit: Int32, regexes: inout [String: SharedRegex]) throws(QiyueError) -> CompiledPredicate {
        guard let field = fields[p.field] else { throw QiyueError(.badRule, "unknown field '\(p.field)'") }
        func resolve(_ o: RiskOperand) throws(QiyueError) -> RiskValue {
            switch o {
            case .value(let v): return v
            case .param(let name):
                guard let v = params[name] else { throw QiyueError(.badRule, "undefined parameter '$\(name)'") }
                return v
            case .rateOn: throw QiyueError(.badRule, "rateOn is only allowed with gt, gte, lt, lte")
            }
        }
        let test: CompiledPredicate.Test
        switch p.op {
        case .eq: test = .eq(FieldValue(try resolve(p.operand)))
        case .ne: test = .ne(FieldValue(try resolve(p.operand)))
        case .in:
            guard case .list(let l) = try resolve(p.operand) else { throw QiyueError(.badRule, "'in' needs a list") }
            test = .oneOf(l.map(FieldValue.init))
        case .exists:
            guard case .bool(let b) = try resolve(p.operand) else { throw QiyueError(.badRule, "'exists' needs true or false") }
            test = .exists(b)
        case .matches, .notMatches:
            guard case .string(let pattern) = try resolve(p.operand) else {
                throw QiyueError(.badRule, "'\(p.op.rawValue)' needs a pattern")
            }
            test = .matches(try regex(pattern, timeLimit, &regexes), negated: p.op == .notMatches)
        case .gt, .gte, .lt, .lte:
            if case .rateOn(let name, let timesOperand) = p.operand {
                guard let tv = params[name], let table = RateTable(tv) else {
                    throw QiyueError(.badRule, "parameter '\(name)' is not a {from, rate} table")
                }
                guard case .number(let times) = try resolve(timesOperand) else {
                    throw QiyueError(.badRule, "'times' must be a number")
                }
                test = .compare(p.op, .rateOn(table, times: times))
            } else {
                test = .compare(p.op, .value(FieldValue(try resolve(p.operand))))
            }
        }
        return CompiledPredicate(field: field, test: test)
    }

    // MARK: Evaluation

    /// The matches in a document, at most `limit` (pass 1 to ask only whether there is one).
    func matches(_ ctx: RiskContext, limit: Int) throws(RegexFailure) -> [RuleMatch] {
        switch self {
        case .fact(let kind, let preds):
            var out: [RuleMatch] = []
            let n = kind.count(in: ctx.report)
            outer: for i in 0..<n {
                for p in preds {
                    if try !p.holds(ctx, i) { continue outer }
                }
                out.append(RuleMatch(source: .fact(kind, i), span: kind.span(in: ctx.report, i)))
                if out.count >= limit { break }
            }
            return out
        case .text(let regex, let scope):
            var out: [RuleMatch] = []
            do {
                try regex.with { (r: ICURegex) throws(ICURegex.MatchError) in
                    for region in ctx.candidateRegions(scope, for: regex) {
                        for m in try ctx.matches(r, in: region, limit: limit - out.count) {
                            out.append(RuleMatch(source: .text(m), span: ctx.document.originalSpan(m)))
                        }
                        if out.count >= limit { break }
                    }
                }
            } catch {
                throw RegexFailure(pattern: regex.pattern, reason: error)
            }
            return out
        case .document(let preds):
            for p in preds {
                if try !p.holds(ctx, 0) { return [] }
            }
            // Evidence at the clause that carries the fact, when the fact has one (the dispute
            // clause, the payment schedule), else the document's title.
            if let span = preds.lazy.compactMap({ Self.evidenceSpan(of: $0.field.name, ctx) }).first {
                return [RuleMatch(source: .document, span: span)]
            }
            return [Self.documentMatch(ctx)]
        case .all(let cs):
            guard let first = cs.first else { return [] }
            for c in cs.dropFirst() {
                if try c.matches(ctx, limit: 1).isEmpty { return [] }
            }
            return try first.matches(ctx, limit: limit)
        case .any(let cs):
            var out: [RuleMatch] = []
            for c in cs {
                out += try c.matches(ctx, limit: limit - out.count)
                if out.count >= limit { break }
            }
            return out
        case .absent(let c):
            return try c.matches(ctx, limit: 1).isEmpty ? [Self.documentMatch(ctx)] : []
        }
    }

    /// The text a document-level fact was read from.
    static func evidenceSpan(of field: String, _ ctx: RiskContext) -> TextSpan? {
        let d = ctx.report.document
        switch field {
        case "disputeMethod": return d.disputeResolution?.span
        case "paymentScheduleAddsUp":
            guard let s = d.paymentSchedule, let first = s.first, let last = s.last else { return nil }
            return TextSpan(first.span.start, max(first.span.start, last.span.end))
        default: return nil
        }
    }

    /// The document as a match: its title, or its first line.
    static func documentMatch(_ ctx: RiskContext) -> RuleMatch {
        RuleMatch(source: .document, span: ctx.report.document.titleSpan ?? ctx.document.firstLineSpan)
    }
}
