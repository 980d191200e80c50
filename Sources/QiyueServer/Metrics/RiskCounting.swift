import Qiyue

/// Something whose risks can be counted by rule (a report).
protocol RiskCounting {
    var riskRules: [String] { get }
}

extension ContractReport: RiskCounting {
    var riskRules: [String] { risks.map(\.rule) }
}
