/// The kinds of extracted facts a rule can test, with their fields (Rules/README.md, "Fact kinds and
/// fields"). Every kind also has `context`: the text of the sentence(s) the fact is in.
enum FactKind: String, CaseIterable, Sendable {
    case parties, amounts, deadlines, periods, penalties, rates, clauses

    /// Number of facts of this kind in a report.
    func count(in r: ContractReport) -> Int {
        switch self {
        case .parties: r.parties.count
        case .amounts: r.amounts.count
        case .deadlines: r.deadlines.count
        case .periods: r.periods.count
        case .penalties: r.penalties.count
        case .rates: r.rates.count
        case .clauses: r.clauses.count
        }
    }

    /// The original span of fact `i`.
    func span(in r: ContractReport, _ i: Int) -> TextSpan {
        switch self {
        case .parties: r.parties[i].span
        case .amounts: r.amounts[i].span
        case .deadlines: r.deadlines[i].span
        case .periods: r.periods[i].span
        case .penalties: r.penalties[i].span
        case .rates: r.rates[i].span
        case .clauses: r.clauses[i].span
        }
    }

    /// The fields of this kind.
    var fields: [String: FactField] {
        switch self {
        case .parties: Self.partyFields
        case .amounts: Self.amountFields
        case .deadlines: Self.deadlineFields
        case .periods: Self.periodFields
        case .penalties: Self.penaltyFields
        case .rates: Self.rateFields
        case .clauses: Self.clauseFields
        }
    }

    /// Document-level fields.
    static let documentFields = FactField.table([
        FactField("category", .string, RiskVocabulary.categories) { c, _ in FieldValue(c.report.classification.category) },
        FactField("isContract", .bool) { c, _ in .bool(c.report.classification.isContract) },
        FactField("signedOn", .date) { c, _ in FieldValue(c.report.document.signedOn) },
        FactField("contractTermMonths", .number) { c, _ in FieldValue(c.report.document.contractTermMonths) },
        FactField("openEnded", .bool) { c, _ in .bool(c.report.document.openEnded) },
        FactField("totalPrice", .number) { c, _ in FieldValue(c.report.document.totalPrice) },
        FactField("title", .string) { c, _ in FieldValue(c.report.document.title) },
        FactField("depositShare", .number) { c, _ in FieldValue(c.report.document.depositShare) },
        FactField("paymentScheduleAddsUp", .bool) { c, _ in
            c.report.document.paymentScheduleAddsUp.map(FieldValue.bool) ?? .null
        },
        FactField("disputeMethod", .string, ["arbitration", "litigation", "both", "negotiation"]) { c, _ in
            FieldValue(c.report.document.disputeResolution?.method)
        },
    ])

    private static func context(_ kind: FactKind) -> FactField {
        FactField("context", .text) { c, i in .text(c.sentenceRange(of: kind.span(in: c.report, i))) }
    }

    private static let partyFields = FactField.table([
        FactField("role", .string) { c, i in .string(c.report.parties[i].role) },
        FactField("aliases", .strings) { c, i in .strings(c.report.parties[i].aliases) },
        FactField("side", .string, RiskVocabulary.sides) { c, i in .string(c.report.parties[i].side) },
        FactField("name", .string) { c, i in FieldValue(c.report.parties[i].name) },
        FactField("blank", .bool) { c, i in .bool(c.report.parties[i].blank) },
        FactField("kind", .string, RiskVocabulary.partyKinds) { c, i in FieldValue(c.report.parties[i].kind) },
        FactField("ids", .strings) { c, i in .strings(c.report.parties[i].ids.map(\.value)) },
        FactField("phones", .strings) { c, i in .strings(c.report.parties[i].phones) },
        FactField("address", .string) { c, i in FieldValue(c.report.parties[i].address) },
        FactField("representative", .string) { c, i in FieldValue(c.report.parties[i].representative) },
        FactField("contact", .string) { c, i in FieldValue(c.report.parties[i].contact) },
        context(.parties),
    ])

    private static let amountFields = FactField.table([
        FactField("value", .number) { c, i in FieldValue(c.report.amounts[i].value) },
        FactField("min", .number) { c, i in FieldValue(c.report.amounts[i].min) },
        FactField("max", .number) { c, i in FieldValue(c.report.amounts[i].max) },
        FactField("currency", .string) { c, i in FieldValue(c.report.amounts[i].currency) },
        FactField("purpose", .string, RiskVocabulary.purposes) { c, i in .string(c.report.amounts[i].purpose) },
        FactField("blank", .bool) { c, i in .bool(c.report.amounts[i].blank) },
        FactField("text", .string) { c, i in .string(c.report.amounts[i].text) },
        FactField("wordsValue", .number) { c, i in FieldValue(c.report.amounts[i].words?.value) },
        FactField("figuresValue", .number) { c, i in FieldValue(c.report.amounts[i].figures?.value) },
        FactField("wordsMismatch", .bool) { c, i in .bool(c.report.amounts[i].wordsMismatch) },
        FactField("shareOfTotal", .number) { c, i in FieldValue(c.report.amounts[i].shareOfTotal) },
        FactField("purposeCue", .string) { c, i in FieldValue(c.report.amounts[i].purposeCue) },
        context(.amounts),
    ])

    private static let deadlineFields = FactField.table([
        FactField("date", .date) { c, i in FieldValue(c.report.deadlines[i].date) },
        FactField("anchor", .string, RiskVocabulary.anchors) { c, i in FieldValue(c.report.deadlines[i].relative?.anchor) },
        FactField("amount", .number) { c, i in FieldValue(c.report.deadlines[i].relative?.amount) },
        FactField("unit", .string, RiskVocabulary.units) { c, i in FieldValue(c.report.deadlines[i].relative?.unit) },
        FactField("bound", .string, RiskVocabulary.bounds) { c, i in .string(c.report.deadlines[i].bound) },
        FactField("obligor", .string) { c, i in FieldValue(c.report.deadlines[i].obligor) },
        FactField("action", .string) { c, i in FieldValue(c.report.deadlines[i].action) },
        FactField("blank", .bool) { c, i in .bool(c.report.deadlines[i].blank) },
        FactField("text", .string) { c, i in .string(c.report.deadlines[i].text) },
        context(.deadlines),
    ])

    private static let periodFields = FactField.table([
        FactField("kind", .string, RiskVocabulary.periodKinds) { c, i in .string(c.report.periods[i].kind) },
        FactField("start", .date) { c, i in FieldValue(c.report.periods[i].start) },
        FactField("end", .date) { c, i in FieldValue(c.report.periods[i].end) },
        FactField("amount", .number) { c, i in FieldValue(c.report.periods[i].duration?.amount) },
        FactField("unit", .string, RiskVocabulary.units) { c, i in FieldValue(c.report.periods[i].duration?.unit) },
        FactField("months", .number) { c, i in FieldValue(months(of: c.report.periods[i])) },
        FactField("years", .number) { c, i in FieldValue(months(of: c.report.periods[i]).map { ($0 / 12 * 100).rounded() / 100 }) },
        FactField("text", .string) { c, i in .string(c.report.periods[i].text) },
        context(.periods),
    ])

    private static let penaltyFields = FactField.table([
        FactField("payer", .string) { c, i in FieldValue(c.report.penalties[i].payer) },
        FactField("payerSide", .string, RiskVocabulary.sides) { c, i in FieldValue(c.report.penalties[i].payerSide) },
        FactField("payee", .string) { c, i in FieldValue(c.report.penalties[i].payee) },
        FactField("trigger", .string) { c, i in FieldValue(c.report.penalties[i].trigger) },
        FactField("form", .string, RiskVocabulary.penaltyForms) { c, i in .string(c.report.penalties[i].form) },
        FactField("rate", .number) { c, i in FieldValue(c.report.penalties[i].rate) },
        FactField("per", .string, RiskVocabulary.pers) { c, i in .string(c.report.penalties[i].per) },
        FactField("base", .string) { c, i in FieldValue(c.report.penalties[i].base) },
        FactField("annualizedRate", .number) { c, i in FieldValue(c.report.penalties[i].annualizedRate) },
        FactField("amount", .number) { c, i in FieldValue(c.report.penalties[i].amount) },
        FactField("cap", .string) { c, i in FieldValue(c.report.penalties[i].cap) },
        FactField("blank", .bool) { c, i in .bool(c.report.penalties[i].blank) },
        FactField("text", .string) { c, i in .string(c.report.penalties[i].text) },
        context(.penalties),
    ])

    private static let rateFields = FactField.table([
        FactField("kind", .string, RiskVocabulary.rateKinds) { c, i in .string(c.report.rates[i].kind) },
        FactField("rate", .number) { c, i in .number(c.report.rates[i].rate) },
        FactField("per", .string, RiskVocabulary.pers) { c, i in .string(c.report.rates[i].per) },
        FactField("annualizedRate", .number) { c, i in .number(c.report.rates[i].annualizedRate) },
        FactField("text", .string) { c, i in .string(c.report.rates[i].text) },
        context(.rates),
    ])

    private static let clauseFields = FactField.table([
        FactField("number", .string) { c, i in .string(c.report.clauses[i].number) },
        FactField("title", .string) { c, i in FieldValue(c.report.clauses[i].title) },
        FactField("depth", .number) { c, i in .number(Double(c.report.clauses[i].depth)) },
        context(.clauses),
    ])

    /// A period's length in months: from its duration, or else from its start and end dates
    /// (both ends counted); rounded to two decimals.
    static func months(of p: Period) -> Double? {
        var m: Double?
        if let d = p.duration, let per = RiskVocabulary.months(per: d.unit) {
            m = d.amount * per
        } else if let s = p.start, let e = p.end {
            m = RiskVocabulary.calendarMonths(from: s, to: e)
        }
        return m.map { ($0 * 100).rounded() / 100 }
    }
}
