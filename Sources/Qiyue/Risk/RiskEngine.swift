/// Runs risk rules (Rules/risks/*.yaml, or user files) over extracted contract facts.
///
/// Rules are linted and compiled once; ``evaluate(_:document:)`` is cheap and may be called from
/// many threads at once. Rules run only on contracts, and only those whose `categories` include
/// the contract's category (or `all`).
///
/// ```swift
/// let kb = try KnowledgeBase()
/// let engine = try RiskEngine(knowledge: kb, userRules: ["my-rules/"], params: ["penalty-rate-high.maxAnnualRate": "0.3"])
/// let risks = engine.evaluate(report, document: doc)
/// ```
public struct RiskEngine: Sendable {
    /// The rules, in load order, with their effective parameters.
    public var rules: [RiskRule] { compiled.map(\.rule) }
    let compiled: [CompiledRule]
    /// Where the patterns' required literals may start.
    let literalIndex: LiteralIndex
    /// ICU work units all text patterns together may spend on one document (negative: unlimited).
    let regexBudget: Int

    /// The default ICU time limit for one match of a rule's regular expression (ICU work units,
    /// on the order of milliseconds).
    public static let defaultRegexTimeLimit: Int32 = 200

    /// Loads exactly these rule files.
    /// - Parameters:
    ///   - ruleFiles: YAML files, one rule each (ids must be distinct).
    ///   - params: overrides, `rule-id.name` or `name` (every rule with that parameter) → a YAML value.
    /// - Throws: `Q201` listing every problem as `file:line:column: message`; `Q400` for a bad override.
    public init(ruleFiles: [String], params: [String: String] = [:]) throws(QiyueError) {
        try self.init(rules: try RiskRuleLoader.load(ruleFiles), params: params)
    }

    /// Loads the shipped rule set (`Rules/risks/` of the knowledge base's directory) and user rule
    /// files or directories; a user rule with the id of a shipped rule replaces it.
    /// - Parameters:
    ///   - knowledge: the knowledge base whose `risks/` directory holds the shipped rules.
    ///   - userRules: files or directories of further rules (`--rules PATH`).
    ///   - includeShipped: false drops the shipped set (`--no-default-rules`).
    ///   - params: overrides, as in ``init(ruleFiles:params:)``.
    ///   - limits: the regex time limit per match and budget per document.
    public init(knowledge: KnowledgeBase, userRules: [String] = [], includeShipped: Bool = true,
                params: [String: String] = [:], limits: AnalysisLimits = AnalysisLimits()) throws(QiyueError) {
        var rules = includeShipped ? try knowledge.shippedRules.get() : []
        let user = try RiskRuleLoader.load(userRules.flatMap(Self.ruleFiles(at:)))
        for r in user {
            if let i = rules.firstIndex(where: { $0.id == r.id }) { rules[i] = r } else { rules.append(r) }
        }
        try self.init(rules: rules, params: params, regexTimeLimit: limits.regexTimeLimit, regexBudget: limits.regexBudget)
    }

    /// Compiles loaded rules.
    init(rules: [RiskRule], params: [String: String] = [:], regexTimeLimit: Int32 = RiskEngine.defaultRegexTimeLimit,
         regexBudget: Int = AnalysisLimits().regexBudget) throws(QiyueError) {
        self.regexBudget = regexBudget
        var rules = rules
        try RiskRuleLoader.applyOverrides(params, to: &rules)
        var regexes: [String: SharedRegex] = [:]
        var out: [CompiledRule] = []
        for r in rules { out.append(try CompiledRule(r, timeLimit: regexTimeLimit, regexes: &regexes)) }
        compiled = out
        literalIndex = LiteralIndex(Array(regexes.values))
    }

    /// The rule files at a path: the file itself, or the `.yaml` files in a directory, sorted.
    public static func ruleFiles(at path: String) -> [String] { RiskRuleLoader.files(at: path) }

    /// The risks in a document. Rules whose regular expression runs out of time on this document
    /// are skipped; use ``evaluateReportingErrors(_:document:)`` to learn which.
    public func evaluate(_ report: ContractReport, document: Document) -> [Risk] {
        evaluateReportingErrors(report, document: document).risks
    }

    /// The risks in a document, and the rules that failed on it.
    public func evaluateReportingErrors(_ report: ContractReport, document: Document) -> RiskEvaluation {
        guard report.classification.isContract, !compiled.isEmpty else { return RiskEvaluation(risks: [], errors: []) }
        let ctx = RiskContext(report: report, document: document, literals: literalIndex, regexBudget: regexBudget)
        let category = report.classification.category
        var risks: [Risk] = []
        for rule in compiled where rule.rule.applies(to: category) {
            run(rule, ctx, into: &risks)
        }
        if !ctx.budgetSkipped.isEmpty {
            ctx.errors.append(QiyueError(
                .regexBudget, path: document.source.path,
                "the rules' regular expressions used up this document's budget of \(regexBudget) ICU time units (--regex-budget); skipped: \(ctx.budgetSkipped.joined(separator: ", "))"))
        }
        risks.sort { $0.span.start != $1.span.start ? $0.span.start < $1.span.start : $0.rule < $1.rule }
        return RiskEvaluation(risks: risks, errors: ctx.errors)
    }

    private func run(_ rule: CompiledRule, _ ctx: RiskContext, into risks: inout [Risk]) {
        do {
            risks += try rule.risks(ctx)
        } catch {
            switch error.reason {
            case .budget:
                ctx.budgetSkipped.append(rule.rule.id)
            case .timeLimit:
                ctx.errors.append(QiyueError(
                    .regexTimeout, path: rule.rule.path,
                    "rule '\(rule.rule.id)': the regular expression '\(error.pattern)' exceeded its time limit on \(ctx.document.source.path); the rule was skipped for this document"))
            case .failed(let status):
                ctx.errors.append(QiyueError(
                    .regexFailed, path: rule.rule.path,
                    "rule '\(rule.rule.id)': the regular expression '\(error.pattern)' failed on \(ctx.document.source.path) (\(ICURegex.describe(status: status))); the rule was skipped for this document"))
            }
        }
    }

    /// Runs one rule regardless of the contract gate and the rule's categories (for examples).
    func fires(ruleAt index: Int, _ report: ContractReport, document: Document) -> (risks: [Risk], errors: [QiyueError]) {
        let ctx = RiskContext(report: report, document: document, literals: literalIndex)
        var risks: [Risk] = []
        run(compiled[index], ctx, into: &risks)
        return (risks, ctx.errors)
    }
}
