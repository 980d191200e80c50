import ArgumentParser
import Foundation
import Qiyue

/// Options that shape the reports (shared by `extract` and `batch`): rules, parameters,
/// category, included text, redaction.
struct ReportOptions: ParsableArguments {
    @Flag(help: "Put the text every span indexes into the JSON as source.text (what qiyue text prints).")
    var includeText = false

    @Option(help: "Treat every input as this contract category instead of classifying it (house_sale, vehicle_sale, lease, loan, service, labor, sale_of_goods, other_contract).")
    var category: String?

    @Option(name: .customLong("rules"), help: "A risk rule file or directory to add (repeatable); a rule with the id of a shipped rule replaces it.")
    var ruleFiles: [String] = []

    @Flag(help: "Do not load the shipped risk rules (Rules/risks); run only --rules files.")
    var noDefaultRules = false

    @Option(name: .customLong("param"), help: "Override a rule parameter: rule-id.name=value or name=value (repeatable), e.g. penalty-rate-high.maxAnnualRate=0.3.")
    var params: [String] = []

    @Option(help: "Mask personal data in the output, keeping every span: a comma-separated list of ids, phones, accounts, names, emails (or all). Masked characters become *, so offsets do not move.")
    var redact: String?

    func validate() throws {
        if let c = category, !DocumentClassifier.categories.contains(c) {
            throw ValidationError("unknown category '\(c)'; expected one of \(DocumentClassifier.categories.joined(separator: ", "))")
        }
        _ = try overrides()
        _ = try redactor()
    }

    /// --param values by name.
    func overrides() throws -> [String: String] {
        var out: [String: String] = [:]
        for p in params {
            guard let eq = p.firstIndex(of: "=") else { throw ValidationError("--param needs name=value, got '\(p)'") }
            out[String(p[..<eq])] = String(p[p.index(after: eq)...])
        }
        return out
    }

    /// The redactor for --redact, if given.
    func redactor() throws -> Redactor? {
        guard let redact else { return nil }
        switch Redactor.parse(redact) {
        case .success(let r): return r
        case .failure(let bad):
            throw ValidationError("--redact: unknown kind '\(bad.word)'; expected ids, phones, accounts, names, emails or all")
        }
    }

    /// A pipeline with these rules; its producer digest covers the user's rule files and settings.
    func makePipeline(_ input: InputOptions) throws -> Pipeline {
        let overrides = try overrides()
        let pipeline = try input.makePipeline { kb in
            .engine(try RiskEngine(knowledge: kb, userRules: ruleFiles, includeShipped: !noDefaultRules, params: overrides,
                                   limits: input.limits))
        }
        var settings = overrides.sorted { $0.key < $1.key }.map { "param \($0.key)=\($0.value)" }
        if noDefaultRules { settings.append("no-default-rules") }
        if !ruleFiles.isEmpty || !settings.isEmpty {
            pipeline.producer = Producer(rulesDigest: Producer.digest(rulesDirectory: pipeline.knowledge.directory,
                                                                      extraFiles: ruleFiles, settings: settings))
        }
        return pipeline
    }
}
