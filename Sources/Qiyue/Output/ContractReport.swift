/// The JSON document Qiyue writes for one input: schema `qiyue.document/1`
/// (Rules/schema/qiyue.document-1.schema.json). Field names and vocabularies are stable; new
/// optional fields may be added within a schema version.
///
/// ```json
/// {"schema": "qiyue.document/1", "source": {...}, "classification": {...}, "parties": [...],
///  "amounts": [...], "deadlines": [...], "periods": [...], "penalties": [...], "rates": [...],
///  "clauses": [...], "risks": [...]}
/// ```
public struct ContractReport: Codable, Sendable {
    /// The schema identifier, `qiyue.document/1`.
    public var schema: String = ContractReport.schemaID
    /// Where the text came from.
    public var source: SourceInfo
    /// Contract or not, and which kind.
    public var classification: Classification
    /// Document-level facts (signing date, contract term …).
    public var document: DocumentFacts
    /// The parties.
    public var parties: [Party]
    /// Every amount of money, with its purpose.
    public var amounts: [Amount]
    /// Every filled-in calendar date mentioned.
    public var dates: [DateMention]
    /// Absolute and relative deadlines.
    public var deadlines: [Deadline]
    /// Periods: contract, lease, probation, warranty, confidentiality terms.
    public var periods: [Period]
    /// Penalty clauses.
    public var penalties: [Penalty]
    /// Interest and other rates.
    public var rates: [Rate]
    /// Numbered clauses.
    public var clauses: [ClauseEntry]
    /// Risks found by the rule set.
    public var risks: [Risk]
    /// Problems with this document that did not stop it (limits reached, rules skipped, fallbacks
    /// taken); nil (absent from the JSON) when there are none.
    public var warnings: [ReportWarning]? = nil
    /// The tool version and the digest of the rule files that produced this report.
    public var producer: Producer? = nil

    /// The current schema identifier.
    public static let schemaID = "qiyue.document/1"
}

/// Contract or not, and which kind.
public struct Classification: Codable, Sendable, Hashable {
    /// Whether the document is a contract.
    public var isContract: Bool
    /// house_sale, vehicle_sale, lease, loan, service, labor, sale_of_goods, other_contract; nil for non-contracts.
    public var category: String?
    /// For non-contracts: article, job_duties, work_summary, cover_letter, plan, other.
    public var genre: String?
    /// Confidence in 0...1.
    public var confidence: Double
    /// The features that decided, strongest first.
    public var features: [Feature]
    /// For contracts: the typical contract it is (民法典 合同编: sale, lease, loan, construction,
    /// technology_service … labor, nda, equity_transfer; Rules/classification/contract-types.yaml).
    public var contractType: String? = nil

    /// A feature and its contribution.
    public struct Feature: Codable, Sendable, Hashable {
        /// Feature name.
        public var name: String
        /// Contribution to the score.
        public var weight: Double
        /// Creates a feature.
        public init(name: String, weight: Double) { self.name = name; self.weight = weight }
    }

    /// Creates a classification.
    public init(isContract: Bool, category: String?, genre: String?, confidence: Double, features: [Feature] = []) {
        self.isContract = isContract
        self.category = category
        self.genre = genre
        self.confidence = confidence
        self.features = features
    }
}

/// Document-level facts that rules can test.
public struct DocumentFacts: Codable, Sendable, Hashable {
    /// The title line, if found.
    public var title: String?
    /// The title's span (risks about absent clauses point here).
    public var titleSpan: TextSpan?
    /// Signing date (签订日期, or the date of the signature block), ISO.
    public var signedOn: String?
    /// The contract term in months, when stated.
    public var contractTermMonths: Double?
    /// Whether the contract is open-ended (无固定期限).
    public var openEnded: Bool
    /// The total price, when stated.
    public var totalPrice: Double?
    /// Checkbox options (☑ 固定期限 ☐ 无固定期限), chosen or not, in text order; nil when there are none.
    public var options: [CheckboxOption]? = nil
    /// A 定金 written as a share of the price (支付合同金额百分之三十五作为定金 → 0.35), when given.
    public var depositShare: Double? = nil
    /// How disputes are resolved, when the contract says (nil when it names no way at all).
    public var disputeResolution: DisputeResolution? = nil
    /// The instalments of the price, in order (nil unless there are two or more).
    public var paymentSchedule: [Instalment]? = nil
    /// Whether the schedule adds up (shares to 100%, or amounts to the total price); nil when it
    /// cannot be checked. False is a finding (rule payment-schedule-mismatch).
    public var paymentScheduleAddsUp: Bool? = nil
}

/// A checkbox option of a form or template: its text and whether it is ticked.
public struct CheckboxOption: Codable, Sendable, Hashable {
    /// The option's text, up to the next box or the line end.
    public var text: String
    /// Whether its box is ticked (☑ ■ √ ✓ ✔ ☒ ▣) rather than empty (☐ □ ▢).
    public var chosen: Bool
    /// The box and its text.
    public var span: TextSpan
}

/// One instalment of a payment schedule.
public struct Instalment: Codable, Sendable, Hashable {
    /// Its share of the total (0.3 for 30%), when given.
    public var share: Double?
    /// Its amount, when given.
    public var amount: Double?
    /// What makes it due: signing, effective, delivery, acceptance, invoice, date, other.
    public var trigger: String
    /// The deadline's wording (合同签订后10日内), when there is one.
    public var deadline: String?
    /// The instalment's sentence.
    public var span: TextSpan
}

/// The dispute-resolution clause as a fact.
public struct DisputeResolution: Codable, Sendable, Hashable {
    /// arbitration, litigation, both (或裁或诉: the arbitration agreement is void), or
    /// negotiation (only 协商/调解; no forum chosen).
    public var method: String
    /// The named arbitration commission or court (宁波仲裁委员会, 甲方所在地人民法院), when named.
    public var body: String?
    /// Governing law (中华人民共和国法律), when stated.
    public var law: String?
    /// The sentence that chooses the method.
    public var text: String
    /// Its span.
    public var span: TextSpan
}

/// A party.
public struct Party: Codable, Sendable, Hashable {
    /// The role label as written (甲方, 出卖人 …); 甲方/乙方/丙方 preferred when both are given.
    public var role: String
    /// Other labels for the same party (出卖人 for 甲方).
    public var aliases: [String]
    /// seller, buyer, lessor, lessee, lender, borrower, employer, employee, client, provider,
    /// transferor, transferee, guarantor, agent, other.
    public var side: String
    /// The filled-in name; nil when blank.
    public var name: String?
    /// Whether the name is a template blank.
    public var blank: Bool
    /// person, organization, or nil when unknown.
    public var kind: String?
    /// Identifiers with checksum validation.
    public var ids: [Identifier]
    /// Phone numbers.
    public var phones: [String]
    /// Address.
    public var address: String?
    /// Legal representative.
    public var representative: String?
    /// Contact person or agent.
    public var contact: String?
    /// Span of the party's definition.
    public var span: TextSpan
    /// The page it is on (paged inputs: PDF, images, hOCR, ALTO).
    public var page: Int? = nil
    /// OCR inputs: the recognized words under its span, with boxes and confidences.
    public var boxes: [WordBox]? = nil
    /// OCR inputs: the lowest confidence of those words (0–100).
    public var minConfidence: Double? = nil
    /// OCR inputs: true when that is under the review threshold (`--review-below`).
    public var needsReview: Bool? = nil
    /// Fax number.
    public var fax: String? = nil
    /// E-mail address.
    public var email: String? = nil
    /// Postcode (邮政编码).
    public var postcode: String? = nil
    /// Taxpayer identification number (纳税人识别号), as written.
    public var taxId: String? = nil
    /// Bank accounts (开户银行 / 账号 / 户名).
    public var bankAccounts: [BankAccount]? = nil

    /// A bank account of a party.
    public struct BankAccount: Codable, Sendable, Hashable {
        /// The bank (开户银行), when given.
        public var bank: String?
        /// The account number, as written.
        public var account: String?
        /// The account holder (户名/开户名), when given.
        public var holder: String?
    }

    /// An identifier.
    public struct Identifier: Codable, Sendable, Hashable {
        /// resident_id or unified_social_credit_code.
        public var type: String
        /// The value.
        public var value: String
        /// Whether its checksum is valid.
        public var valid: Bool
    }
}

/// An amount of money with its purpose.
public struct Amount: Codable, Sendable, Hashable {
    /// The value (nil for blanks and ranges).
    public var value: Double?
    /// Range / bound.
    public var min: Double?
    /// Range / bound.
    public var max: Double?
    /// ISO currency.
    public var currency: String?
    /// total_price, deposit, security_deposit, down_payment, balance, installment, rent, wage,
    /// loan_principal, interest, penalty, fee, other.
    public var purpose: String
    /// Whether it is a template blank.
    public var blank: Bool
    /// Original text.
    public var text: String
    /// The written-out reading, when both are written.
    public var words: EntityValue.Reading?
    /// The figures reading, when both are written.
    public var figures: EntityValue.Reading?
    /// Whether words and figures disagree.
    public var wordsMismatch: Bool
    /// value / total price, when both are known (for deposits, penalties …).
    public var shareOfTotal: Double?
    /// The word that decided the purpose.
    public var purposeCue: String?
    /// Span.
    public var span: TextSpan
    /// The page it is on (paged inputs: PDF, images, hOCR, ALTO).
    public var page: Int? = nil
    /// OCR inputs: the recognized words under its span, with boxes and confidences.
    public var boxes: [WordBox]? = nil
    /// OCR inputs: the lowest confidence of those words (0–100).
    public var minConfidence: Double? = nil
    /// OCR inputs: true when that is under the review threshold (`--review-below`).
    public var needsReview: Bool? = nil
    /// True for a figure beyond Double's range: then there is no value.
    public var overflow: Bool? = nil
    /// True for an approximate sum (五十余万元): `value` is the round figure written.
    public var approximate: Bool? = nil
}

/// A date mentioned in the text.
public struct DateMention: Codable, Sendable, Hashable {
    /// "YYYY-MM-DD", "YYYY-MM", "YYYY", "--MM-DD" or "---DD".
    public var value: String
    /// Bound written after it, if any.
    public var bound: String?
    /// Span.
    public var span: TextSpan
    /// The page it is on (paged inputs: PDF, images, hOCR, ALTO).
    public var page: Int? = nil
    /// OCR inputs: the recognized words under its span, with boxes and confidences.
    public var boxes: [WordBox]? = nil
    /// OCR inputs: the lowest confidence of those words (0–100).
    public var minConfidence: Double? = nil
    /// OCR inputs: true when that is under the review threshold (`--review-below`).
    public var needsReview: Bool? = nil
    /// false for an impossible date (2月30日, 2023-02-29): then `value` holds only its possible part
    /// ("2023-02", "--02"), never an impossible ISO date, and the parts are in `year`, `month`, `day`.
    public var valid: Bool? = nil
    /// The parts of an impossible date.
    public var year: Int? = nil
    /// The parts of an impossible date.
    public var month: Int? = nil
    /// The parts of an impossible date.
    public var day: Int? = nil
}

/// A relative deadline's anchor.
public struct RelativeTime: Codable, Sendable, Hashable {
    /// signing, effective, delivery, acceptance, payment, transfer, invoice, notice, termination,
    /// expiry, occurrence, other.
    public var anchor: String
    /// The anchor event as written.
    public var anchorText: String?
    /// Amount of units (nil when blank).
    public var amount: Double?
    /// Unit.
    public var unit: String
}

/// A deadline: an absolute date or a time relative to an event.
public struct Deadline: Codable, Sendable, Hashable {
    /// ISO date for absolute deadlines.
    public var date: String?
    /// Relative deadline.
    public var relative: RelativeTime?
    /// before, within, after, on.
    public var bound: String
    /// Role label of the party that must act.
    public var obligor: String?
    /// The action due.
    public var action: String?
    /// Whether the date or amount is a template blank.
    public var blank: Bool
    /// Original text.
    public var text: String
    /// Span.
    public var span: TextSpan
    /// The page it is on (paged inputs: PDF, images, hOCR, ALTO).
    public var page: Int? = nil
    /// OCR inputs: the recognized words under its span, with boxes and confidences.
    public var boxes: [WordBox]? = nil
    /// OCR inputs: the lowest confidence of those words (0–100).
    public var minConfidence: Double? = nil
    /// OCR inputs: true when that is under the review threshold (`--review-below`).
    public var needsReview: Bool? = nil
}

/// A period (term).
public struct Period: Codable, Sendable, Hashable {
    /// contract_term, lease_term, probation, warranty, confidentiality, loan_term, service_term, other.
    public var kind: String
    /// Start date, ISO.
    public var start: String?
    /// End date, ISO.
    public var end: String?
    /// Duration.
    public var duration: DurationValue?
    /// Original text.
    public var text: String
    /// Span.
    public var span: TextSpan
    /// The page it is on (paged inputs: PDF, images, hOCR, ALTO).
    public var page: Int? = nil
    /// OCR inputs: the recognized words under its span, with boxes and confidences.
    public var boxes: [WordBox]? = nil
    /// OCR inputs: the lowest confidence of those words (0–100).
    public var minConfidence: Double? = nil
    /// OCR inputs: true when that is under the review threshold (`--review-below`).
    public var needsReview: Bool? = nil
    /// True when a template leaves the period blank (租赁期限自____年__月__日起…, 有效期____年).
    public var blank: Bool? = nil

    /// An amount of time.
    public struct DurationValue: Codable, Sendable, Hashable {
        /// Amount of units.
        public var amount: Double
        /// Unit.
        public var unit: String
    }
}

/// A penalty clause.
public struct Penalty: Codable, Sendable, Hashable {
    /// Role label of the paying party, or "either" for mutual wording.
    public var payer: String?
    /// Side of the payer, when known.
    public var payerSide: String?
    /// Role label of the receiving party.
    public var payee: String?
    /// What triggers it (逾期付款, 逾期交付, 单方解约 …).
    public var trigger: String?
    /// periodic, one_off, fixed, deposit.
    public var form: String
    /// Rate as a fraction.
    public var rate: Double?
    /// day, week, month, year for periodic; once otherwise.
    public var per: String
    /// What the rate applies to.
    public var base: String?
    /// For periodic rates: the rate over a year.
    public var annualizedRate: Double?
    /// Fixed amount.
    public var amount: Double?
    /// Cap, as written.
    public var cap: String?
    /// Whether a key value is a template blank.
    public var blank: Bool
    /// Original text.
    public var text: String
    /// Span.
    public var span: TextSpan
    /// The page it is on (paged inputs: PDF, images, hOCR, ALTO).
    public var page: Int? = nil
    /// OCR inputs: the recognized words under its span, with boxes and confidences.
    public var boxes: [WordBox]? = nil
    /// OCR inputs: the lowest confidence of those words (0–100).
    public var minConfidence: Double? = nil
    /// OCR inputs: true when that is under the review threshold (`--review-below`).
    public var needsReview: Bool? = nil
    /// The cap as a fraction of the penalty's base (违约金累计不超过合同总价款的20% → 0.2), when given.
    public var capRate: Double? = nil
    /// The cap as a sum (违约金最高不超过5万元 → 50000), when given.
    public var capAmount: Double? = nil
}

/// An interest or other rate.
public struct Rate: Codable, Sendable, Hashable {
    /// loan_interest, overdue_interest, other.
    public var kind: String
    /// Rate as a fraction.
    public var rate: Double
    /// day, month, year.
    public var per: String
    /// The rate over a year.
    public var annualizedRate: Double
    /// Original text.
    public var text: String
    /// Span.
    public var span: TextSpan
    /// The page it is on (paged inputs: PDF, images, hOCR, ALTO).
    public var page: Int? = nil
    /// OCR inputs: the recognized words under its span, with boxes and confidences.
    public var boxes: [WordBox]? = nil
    /// OCR inputs: the lowest confidence of those words (0–100).
    public var minConfidence: Double? = nil
    /// OCR inputs: true when that is under the review threshold (`--review-below`).
    public var needsReview: Bool? = nil
}

/// A numbered clause.
public struct ClauseEntry: Codable, Sendable, Hashable {
    /// Numbering as written (第五条).
    public var number: String
    /// Title (违约责任).
    public var title: String?
    /// Depth in the clause tree.
    public var depth: Int
    /// Span.
    public var span: TextSpan
    /// The page it is on (paged inputs: PDF, images, hOCR, ALTO).
    public var page: Int? = nil
    /// OCR inputs: the recognized words under its span, with boxes and confidences.
    public var boxes: [WordBox]? = nil
    /// OCR inputs: the lowest confidence of those words (0–100).
    public var minConfidence: Double? = nil
    /// OCR inputs: true when that is under the review threshold (`--review-below`).
    public var needsReview: Bool? = nil
}

/// A risk found by a rule.
public struct Risk: Codable, Sendable, Hashable {
    /// Rule id.
    public var rule: String
    /// high, medium, low.
    public var severity: String
    /// Title (Chinese).
    public var title: String
    /// Title (English).
    public var titleEn: String?
    /// Message (Chinese).
    public var message: String
    /// Message (English).
    public var messageEn: String?
    /// Legal or practical basis.
    public var basis: [String]
    /// The offending text's span (the title for an absence).
    public var span: TextSpan
    /// The page it is on (paged inputs: PDF, images, hOCR, ALTO).
    public var page: Int? = nil
    /// OCR inputs: the recognized words under its span, with boxes and confidences.
    public var boxes: [WordBox]? = nil
    /// OCR inputs: the lowest confidence of those words (0–100).
    public var minConfidence: Double? = nil
    /// OCR inputs: true when that is under the review threshold (`--review-below`).
    public var needsReview: Bool? = nil
    /// The offending text.
    public var evidence: String

    /// Creates a risk.
    public init(rule: String, severity: String, title: String, titleEn: String?, message: String, messageEn: String?,
                basis: [String], span: TextSpan, evidence: String) {
        self.rule = rule
        self.severity = severity
        self.title = title
        self.titleEn = titleEn
        self.message = message
        self.messageEn = messageEn
        self.basis = basis
        self.span = span
        self.evidence = evidence
    }
}
