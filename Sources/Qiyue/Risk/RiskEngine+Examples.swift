extension RiskEngine {
    /// Reads an example text into a report and its document: (text, category) → (report, document).
    /// A non-nil category overrides the classifier.
    public typealias ExampleReader = (_ text: String, _ category: String?) throws -> (ContractReport, Document)

    /// Runs every example of every rule through `read` (normally the full pipeline) and checks that
    /// the rule fires on its `fire` examples and not on its `ok` ones.
    ///
    /// An example is read as a contract: the contract gate is skipped, and its category is the
    /// example's `category`, else the rule's first category (for rules not on `[all]`), else the
    /// classifier's (`other_contract` when the classifier does not take the text for a contract).
    /// Only the example's own rule runs.
    public func runExamples(_ read: ExampleReader) -> [RiskExampleResult] {
        var out: [RiskExampleResult] = []
        for (index, c) in compiled.enumerated() {
            let rule = c.rule
            var counters: [RiskExample.Expectation: Int] = [:]
            for ex in rule.examples {
                counters[ex.expect, default: 0] += 1
                let category = ex.category ?? (rule.categories.contains("all") ? nil : rule.categories.first)
                var result = RiskExampleResult(rule: rule.id, expect: ex.expect, number: counters[ex.expect]!,
                                               text: ex.text, category: category, fired: false, passed: false, error: nil)
                do {
                    var (report, doc) = try read(ex.text, category)
                    if category == nil && !report.classification.isContract {
                        // A lone clause may not look like a contract; read it as one.
                        (report, doc) = try read(ex.text, "other_contract")
                    }
                    if let category { report.classification.category = category }
                    let applies = rule.applies(to: report.classification.category)
                    let (risks, errors) = applies ? fires(ruleAt: index, report, document: doc) : ([], [])
                    result.fired = !risks.isEmpty
                    result.error = errors.first?.message
                    result.passed = errors.isEmpty && result.fired == (ex.expect == .fire)
                } catch {
                    result.error = "\(error)"
                }
                out.append(result)
            }
        }
        return out
    }
}
