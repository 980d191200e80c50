import Foundation
@testable import Qiyue

/// Hand-built reports and small rule sets for the risk engine tests.
enum RiskFixtures {
    static func document(_ text: String) throws -> Document { try Analyzer().analyze(text: text) }

    /// The original span of the first occurrence of `needle`.
    static func span(_ needle: String, in text: String) -> TextSpan {
        let s = TestSupport.scalarOffset(of: needle, in: text) ?? 0
        return TextSpan(s, s + needle.unicodeScalars.count)
    }

    static func report(category: String? = "loan", isContract: Bool = true, signedOn: String? = nil,
                       contractTermMonths: Double? = nil, openEnded: Bool = false, totalPrice: Double? = nil,
                       parties: [Party] = [], amounts: [Amount] = [], periods: [Period] = [],
                       penalties: [Penalty] = [], rates: [Rate] = []) -> ContractReport {
        ContractReport(source: SourceInfo(path: "<test>"),
                       classification: Classification(isContract: isContract, category: category, genre: nil, confidence: 1),
                       document: DocumentFacts(title: nil, titleSpan: nil, signedOn: signedOn,
                                               contractTermMonths: contractTermMonths, openEnded: openEnded,
                                               totalPrice: totalPrice),
                       parties: parties, amounts: amounts, dates: [], deadlines: [], periods: periods,
                       penalties: penalties, rates: rates, clauses: [], risks: [])
    }

    static func amount(_ needle: String, in text: String, value: Double?, purpose: String, blank: Bool = false,
                       share: Double? = nil, words: Double? = nil, figures: Double? = nil) -> Amount {
        Amount(value: value, min: nil, max: nil, currency: "CNY", purpose: purpose, blank: blank, text: needle,
               words: words.map { EntityValue.Reading(text: "大写", value: $0) },
               figures: figures.map { EntityValue.Reading(text: "小写", value: $0) },
               wordsMismatch: words != nil && figures != nil && words != figures, shareOfTotal: share,
               purposeCue: nil, span: span(needle, in: text))
    }

    static func penalty(_ needle: String, in text: String, form: String, rate: Double? = nil, per: String = "once",
                        annualized: Double? = nil, payerSide: String? = nil) -> Penalty {
        Penalty(payer: nil, payerSide: payerSide, payee: nil, trigger: nil, form: form, rate: rate, per: per, base: nil,
                annualizedRate: annualized, amount: nil, cap: nil, blank: false, text: needle, span: span(needle, in: text))
    }

    static func rate(_ needle: String, in text: String, annualized: Double, per: String = "year") -> Rate {
        Rate(kind: "loan_interest", rate: annualized, per: per, annualizedRate: annualized, text: needle,
             span: span(needle, in: text))
    }

    static func period(_ needle: String, in text: String, kind: String, amount: Double? = nil, unit: String = "month",
                       start: String? = nil, end: String? = nil) -> Period {
        Period(kind: kind, start: start, end: end,
               duration: amount.map { Period.DurationValue(amount: $0, unit: unit) }, text: needle,
               span: span(needle, in: text))
    }

    static func party(_ needle: String, in text: String, side: String, name: String?) -> Party {
        Party(role: "甲方", aliases: [], side: side, name: name, blank: name == nil, kind: nil, ids: [], phones: [],
              address: nil, representative: nil, contact: nil, span: span(needle, in: text))
    }

    /// A complete rule file around a `when` block (YAML, indented by two spaces under `when:`).
    static func ruleYAML(id: String = "test-rule", categories: String = "[all]", params: String = "",
                         message: String = "命中", messageEn: String? = nil, when: String, addenda: String = "") -> String {
        var y = """
        id: \(id)
        severity: high
        title: 测试
        message: '\(message)'

        """
        if let messageEn { y += "message_en: '\(messageEn)'\n" }
        y += "categories: \(categories)\n"
        if !params.isEmpty { y += "params:\n" + params + "\n" }
        y += "when:\n" + when + "\n"
        if !addenda.isEmpty { y += "addenda:\n" + addenda + "\n" }
        y += """
        examples:
          fire: [{text: 甲}, {text: 乙}]
          ok: [{text: 丙}, {text: 丁}]

        """
        return y
    }

    /// An engine from rule texts; fails the test if any rule has a lint problem.
    static func engine(_ yamls: [String], params: [String: String] = [:], timeLimit: Int32 = 200,
                       regexBudget: Int = AnalysisLimits().regexBudget) throws -> RiskEngine {
        var rules: [RiskRule] = []
        for y in yamls {
            let parsed = RiskRuleParser.parse(yaml: y, path: "<test>")
            guard let r = parsed.rule else {
                throw QiyueError(.badRule, parsed.diagnostics.map(\.description).joined(separator: "\n"))
            }
            rules.append(r)
        }
        return try RiskEngine(rules: rules, params: params, regexTimeLimit: timeLimit, regexBudget: regexBudget)
    }
}
