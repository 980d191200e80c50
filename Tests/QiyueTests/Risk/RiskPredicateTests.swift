import Testing
@testable import Qiyue

/// Every predicate, on one periodic penalty.
@Suite struct RiskPredicateTests {
    static let text = "甲方将房屋出租给乙方。乙方逾期付款的，每逾期一日按总价款的千分之五向甲方支付违约金。"
    static let clause = "每逾期一日按总价款的千分之五向甲方支付违约金"

    static let cases: [(String, Bool)] = [
        ("form: periodic", true),
        ("form: one_off", false),
        ("form: {eq: periodic}", true),
        ("form: {ne: one_off}", true),
        ("form: {in: [one_off, periodic]}", true),
        ("form: {in: [one_off, fixed]}", false),
        ("annualizedRate: {gt: 0.24}", true),
        ("annualizedRate: {gt: 1.825}", false),
        ("annualizedRate: {gte: 1.825}", true),
        ("annualizedRate: {lt: 1.825}", false),
        ("annualizedRate: {lte: 1.825}", true),
        ("annualizedRate: {gt: 1, lt: 2}", true),
        ("annualizedRate: {gt: $max}", true),
        ("rate: 0.005", true),
        ("cap: {exists: false}", true),
        ("cap: {exists: true}", false),
        ("rate: {exists: true}", true),
        ("amount: {gt: 0}", false),
        ("amount: {ne: 5}", true),
        ("payerSide: lessee", true),
        ("payerSide: {in: [employee]}", false),
        ("context: {matches: 逾期付款}", true),
        ("context: {matches: 服务期|竞业}", false),
        ("context: {notMatches: 服务期|竞业}", true),
        ("context: {matches: 违约金, notMatches: 逾期}", false),
        ("context: {matches: '^乙方'}", true),
        ("context: {matches: '出租'}", false),
        ("text: {matches: '^每逾期'}", true),
        ("cap: {notMatches: 上限}", true),
    ]

    @Test(arguments: cases)
    func predicate(_ c: (String, Bool)) throws {
        let yaml = RiskFixtures.ruleYAML(params: "  max: 0.24", when: "  fact: penalties\n  where:\n    \(c.0)")
        let engine = try RiskFixtures.engine([yaml])
        let doc = try RiskFixtures.document(Self.text)
        let report = RiskFixtures.report(penalties: [
            RiskFixtures.penalty(Self.clause, in: Self.text, form: "periodic", rate: 0.005, per: "day",
                                 annualized: 1.825, payerSide: "lessee"),
        ])
        let risks = engine.evaluate(report, document: doc)
        #expect(risks.isEmpty != c.1, "\(c.0)")
        if c.1 {
            #expect(risks.first?.span == RiskFixtures.span(Self.clause, in: Self.text))
            #expect(risks.first?.evidence == Self.clause)
        }
    }

    /// `{rateOn: $table, times: N}` takes the rate in force on the signing date, else the newest.
    static let rateCases: [(String?, Bool)] = [
        ("2020-05-01", false),   // 3.85% × 4 = 15.4% > 14%
        ("2025-06-01", true),    // 3.00% × 4 = 12%
        ("2022-08-22", false),   // 3.65% × 4 = 14.6%, in force from that day
        ("2023-08-21", true),    // 3.45% × 4 = 13.8%
        ("2019-01-01", false),   // before the table: its first row
        (nil, true),             // unknown: the newest row
    ]

    @Test(arguments: rateCases)
    func rateOn(_ c: (String?, Bool)) throws {
        let params = """
          multiple: 4
          lpr:
            - {from: 2020-04-20, rate: 0.0385}
            - {from: 2022-08-22, rate: 0.0365}
            - {from: 2023-08-21, rate: 0.0345}
            - {from: 2025-05-20, rate: 0.0300}
        """
        let yaml = RiskFixtures.ruleYAML(params: params, when: "  fact: rates\n  where:\n    annualizedRate: {gt: {rateOn: $lpr, times: $multiple}}")
        let text = "借款年利率为14%。"
        let report = RiskFixtures.report(signedOn: c.0, rates: [RiskFixtures.rate("年利率为14%", in: text, annualized: 0.14)])
        let risks = try RiskFixtures.engine([yaml]).evaluate(report, document: try RiskFixtures.document(text))
        #expect(risks.isEmpty != c.1, "\(c.0 ?? "nil")")
    }

    @Test func periodMonthsAndYears() throws {
        let text = "租赁期限为30年，自2025年1月1日起至2054年12月31日止。本合同期限为一年。"
        let byDates = RiskFixtures.period("自2025年1月1日起至2054年12月31日止", in: text, kind: "lease_term",
                                          start: "2025-01-01", end: "2054-12-31")
        #expect(FactKind.months(of: byDates) == 360)
        let oneYear = RiskFixtures.period("一年", in: text, kind: "contract_term", start: "2025-03-01", end: "2026-02-28")
        #expect(FactKind.months(of: oneYear) == 12)
        let byDuration = RiskFixtures.period("30年", in: text, kind: "lease_term", amount: 30, unit: "year")
        #expect(FactKind.months(of: byDuration) == 360)
        let yaml = RiskFixtures.ruleYAML(message: "{years} 年", when: "  fact: periods\n  where: {kind: lease_term, years: {gt: 20}}")
        let risks = try RiskFixtures.engine([yaml]).evaluate(RiskFixtures.report(periods: [byDates]),
                                                              document: try RiskFixtures.document(text))
        #expect(risks.map(\.message) == ["30 年"])
    }
}
