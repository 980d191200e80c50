import Foundation
import Yams

/// Language data for the fact extractors, from Rules/facts/*.yaml: party roles, amount purposes,
/// deadline anchors, period kinds and penalty wording.
final class FactData: Sendable {
    struct PartiesFile: Decodable, Sendable {
        struct SideCue: Decodable, Sendable {
            var verbs: [String]
            var sides: [String]
        }
        var roles: [String: String]
        var bySide: [String: [String: String]]
        var categorySides: [String: [String: String]]
        var sideCues: [SideCue]
        var fields: [String: [String]]
        var signatureWords: [String]
        var organizationSuffixes: [String]
        var objectMarkers: [String]
        /// Optional in older Rules directories.
        var placeholders: [String]?
        var placeholderBrackets: [[String]]?
        var complements: [String: String]?
        var modals: [String]?
        var modalFillers: [String]?
        var agentMarkers: [String]?
        var conditionMarkers: [String]?
        var conditionNonMarkers: [String]?
        var jointSubjects: [String]?
        var anyPartySubjects: [String]?
        var bankWords: [String]?
        var detailHeadings: [String]?
        var nameParentheses: [String]?
        var foreignContacts: [String]?
        var signingOnlyRoles: [String]?
        var aliasJoiners: [String]?
        var partyJoiners: [String]?
        var jointJoiners: [String]?
        var definedLabelEndings: [String]?
        var counterpartSides: [CounterpartSides]?
        struct CounterpartSides: Decodable, Sendable {
            var when: [String]
            var sides: [String: String]
        }
    }
    struct AmountsFile: Decodable, Sendable {
        var purposes: [String: [String]]
        var breakers: [String]
        var afterIntroducers: [String]
        var explicitIntroducers: [String]
        var stages: [String]
        var partOfPrice: String
        var generic: [String]
        var tableCaptionPurposes: [String]?
        var ownLabels: [String]?
        var netLeads: [String]?
        var netPurposes: [String]?
        var measuredByShare: [String]?
        var unitRate: UnitRate?
    }
    /// A sum quoted per unit of a service (按每公里6元另计): its purpose when no cue says otherwise.
    struct UnitRate: Decodable, Sendable {
        var purpose: String
        var leads: [String]
        var notUnits: [String]
        var notWith: [String]?
    }
    struct DeadlinesFile: Decodable, Sendable {
        var anchors: [String: [String]]
        var weakAnchors: [String]
        var beforeMarkers: [String]
        var sameDay: [String]
        var sameDayBreakers: [String]
        var sameDayNeedsPreposition: [String]
        var prepositions: [String]
        var notDeadlineAfter: [String]
        var blankDurationUnits: [String: String]
        var blankDurationBounds: [String: String]
        /// Optional in older Rules directories (then dated deadlines need a 前 the date entity carries).
        var dateBefore: [String]?
        var dateFromLead: [String]?
        var dateFrom: [String]?
        var sameDayDue: [String]?
        var recurringLead: [String]?
        var recurringDue: [String]?
        var dueOn: [String]?
        var dueBy: [String]?
        var tableLeadReferences: [String]?
        var receiptCues: [String: String]?
        var localStart: [String]?
        var dateListJoiners: [String]?
        var receiptObjects: [String: [String]]?
        var receiptElided: [String]?
        var receiptDocuments: [String]?
        var deliveringSides: [String]?
        var followingEvents: [String]?
        var occurrenceHeads: [String]?
        var notDeadlineWithin: [String]?
        var dateFromNotBefore: [String]?
        var permissionWords: [String]?
        var limitNouns: [String]?
        var limitLinks: [String]?
        var endDateLead: [String]?
        var completionWords: [String]?
        var eventJoiners: [String]?
        var signedDocuments: [String]?
        var negations: [String]?
        var approvalLead: [String]?
        var approvalWords: [String]?
        var beforeNoticeEvents: [String]?
        var failedTalks: [String]?
        var dateBeforeQualifies: [String]?
        var firstPeriodFollowers: [String]?
        var anchorClauseActs: [String]?
        var payActs: [String]?
        var payerSides: [String]?
        var performActs: [String]?
        var performerSides: [String]?
        var settlingCues: [String]?
        var endEvents: [String]?
        var conditionLeads: [String]?
        var alternativeJoiners: [String]?
        var alternativeCover: [String]?
        var sameDateRefs: [String: String]?
        var dutyHeadings: [String]?
    }
    struct PeriodsFile: Decodable, Sendable {
        var kinds: [String: [String]]
        // Optional in older Rules directories.
        var genericCues: [String]?
        var noticeLead: [String]?
        var noticeWords: [String]?
        var linkBefore: [String]?
        var termKinds: [String]?
        var validWords: [String]?
        var genericOf: [String]?
        var validUntil: [String]?
        var afterBreakers: [String]?
        var fromPoint: [String]?
        var endPoint: [String]?
        var rangeSeparators: [String]?
        var milestones: [String: String]?
        var termKindByCategory: [String: String]?
        var contractWords: [String]?
        var deadlineActions: [String: [String]]?
        var deadlineActionsLeading: [String: [String]]?
        var noticeFor: [String]?
        var noticeStandalone: [String]?
        var notPeriodAfter: [String]?
        var kindByCategory: [String: [String: String]]?
        var restrictionWords: [String]?
        var restrictionKinds: [String: [String]]?
        var restrictionRefers: [String]?
        var listLink: [String]?
        var from: [String]
        var to: [String]
        var openEnded: [String]
    }
    struct DisputesFile: Decodable, Sendable {
        var arbitration: [String]
        var litigation: [String]
        var appeal: [String]?
        var disputeWords: [String]?
        var notAChoice: [String]
        var negotiation: [String]
        var bodySuffixes: [String]
        var bodyStarts: [String]
        var lawIntroducers: [String]
        var lawEnd: [String]
        static let empty = DisputesFile(arbitration: [], litigation: [], appeal: [], disputeWords: [], notAChoice: [], negotiation: [], bodySuffixes: [],
                                        bodyStarts: [], lawIntroducers: [], lawEnd: [])
    }
    struct ScheduleFile: Decodable, Sendable {
        var verbs: [String]
        var purposes: [String]
        var triggers: [String: String]
        var shareTolerance: Double
        var cumulative: [String]?
        var offset: [String]?
        var deferTo: [String: [String]]?
        var repaymentPurposes: [String]?
        var repaymentVerbs: [String]?
        var retentionPurposes: [String]?
        var retentionCues: [String]?
        var otherBases: [String]?
        var totalRows: [String]?
        var refundVerbs: [String]?
        var alreadyPaid: [String]?
        static let empty = ScheduleFile(verbs: [], purposes: [], triggers: [:], shareTolerance: 0.005, cumulative: [], offset: [], deferTo: [:])
    }
    /// 每逾期一日 / 每延误七日: leads × counts × units, expanded into `periodic`.
    struct PeriodicDelays: Decodable, Sendable {
        var leads: [String]
        var units: [String: String]
        var one: [String]
        var seven: [String]

        /// Every lead, count and unit, with its period: the unit's for a count of one, a week for
        /// seven days.
        var words: [(String, String)] {
            var out: [(String, String)] = []
            for lead in leads {
                for (unit, per) in units.sorted(by: { $0.key < $1.key }) {
                    for count in one { out.append((lead + count + unit, per)) }
                    if per == "day" { for count in seven { out.append((lead + count + unit, "week")) } }
                }
            }
            return out
        }
    }
    struct PenaltiesFile: Decodable, Sendable {
        var penaltyWords: [String]
        var depositWords: [String]
        var depositRules: [String]
        var periodic: [String: String]
        var periodicDelays: PeriodicDelays?
        var mutual: [String]
        var triggers: [String]
        var capWords: [String]
        var agreedPenaltyWords: [String]
        var baseIntroducers: [String]
        var baseVerbs: [String]?
        var rates: [String: [String]]
        var ratePeriods: [String: String]
        var statutory: [String]?
        var capAfterWords: [String]?
        var rateMarkups: [String]?
        var explicitPenalty: [String]?
    }

    /// A side cue compiled: verb pieces (a `…` in the data allows a gap).
    struct SideCue: Sendable {
        var pieces: [[UInt32]]
        var sides: [String]
    }

    // MARK: parties.yaml
    let parties: PartiesFile
    let roles: WordTable<String>
    /// The words whose token boundaries an extractor reads (the role labels, money's 多): the
    /// pipeline's tokenizer keeps ICU's words in a Han run where one starts.
    let readWords: WordTable<Bool>
    let fieldLabels: WordTable<String>
    let signatureWords: WordTable<Bool>
    let organizationSuffixes: [String]
    let objectMarkers: ScalarSet
    let sideCues: [SideCue]
    let sideComplements: [String: String]
    let modals: WordTable<Bool>
    let modalFillers: ScalarSet
    let agentMarkers: ScalarSet
    let conditionMarkers: WordTable<Bool>
    let conditionNonMarkers: WordTable<Bool>
    let jointSubjects: WordTable<Bool>
    /// 任何一方 as a subject: a duty of whichever party it falls to (no obligor).
    let anyPartySubjects: WordTable<Bool>
    /// Words of a bank's name (银行, 支行): an account value that opens with one names its bank.
    let bankWords: WordTable<Bool>
    let detailHeadings: WordTable<Bool>
    let foreignContacts: WordTable<Bool>
    let signingOnlyRoles: Set<String>
    let aliasJoiners: ScalarSet
    let partyJoiners: ScalarSet
    /// parties.yaml `jointJoiners`: two roles joined by one, with a modal after, act together.
    let jointJoiners: ScalarSet
    let placeholderBrackets: [(String, String)]
    /// parties.yaml `placeholders` as a set (a name that is only one of them is a blank).
    let placeholderNames: Set<String>
    /// parties.yaml `definedLabelEndings`: how a label the role list lacks ends when a contract's
    /// party block defines it (房屋征收部门, 被征收人; see ``DefinedRoles``).
    let definedLabelEndings: [String]

    // MARK: amounts.yaml
    let purposeCues: WordTable<String>
    let purposeBreakers: WordTable<Bool>
    let afterIntroducers: WordTable<Bool>
    let explicitIntroducers: WordTable<Bool>
    let amounts: AmountsFile
    /// 每: the lead of a rate per unit; 每平方米/每吨/每月: units after which the sum is no rate.
    let unitRateLeads: WordTable<Bool>
    let unitRateNotUnits: WordTable<Bool>
    /// 不低于/上限/单价: words in the phrase that make the sum a limit or a unit price, not a rate.
    let unitRateNotWith: WordTable<Bool>

    // MARK: deadlines.yaml
    let anchors: WordTable<String>
    let weakAnchors: Set<String>
    let beforeMarkers: WordTable<Bool>
    let sameDay: WordTable<Bool>
    let sameDayBreakers: WordTable<Bool>
    let sameDayNeedsPreposition: Set<String>
    let sameDayDue: WordTable<Bool>
    let prepositions: WordTable<Bool>
    let notDeadlineAfter: WordTable<Bool>
    let blankDurationUnits: WordTable<String>
    let blankDurationBounds: WordTable<String>
    let dateBefore: WordTable<Bool>
    let dueOn: WordTable<Bool>
    /// 不迟于/最迟于 before a date: due by it (bound before).
    let dueBy: WordTable<Bool>
    /// 下表所列/如下: a sentence that points at the table below it, whose wording gives the bound of the
    /// dates in the table's cells.
    let tableLeadReferences: WordTable<Bool>
    /// 收到/接到: a receipt cue, whose event is named by what is received (`receiptObjects`).
    let receiptCues: [String: String]
    /// 变更后5日内: a start point the duration's phrase names itself.
    let localStart: WordTable<Bool>
    /// 、/和 between listed dates that share the last one's bound.
    let dateListJoiners: WordTable<Bool>
    let receiptObjects: WordTable<String>
    let receiptElided: WordTable<Bool>
    /// 资料/报告/图纸: documents received, which are a delivery only when a delivering side sent them.
    let receiptDocuments: WordTable<Bool>
    /// seller/provider/lessor/transferor: the sides whose documents are what the contract delivers.
    let deliveringSides: Set<String>
    /// 提前三十日通知甲方，可以解除本合同: events a before-notice may name in the next phrase.
    let followingEvents: Set<String>
    /// 发生/发现/逾期: an occurrence that heads the condition the deadline counts from.
    let occurrenceHeads: WordTable<Bool>
    /// 五年内持续有效 / 三年内不得: a duration that is a validity or a restriction, not a deadline.
    let notDeadlineWithin: WordTable<Bool>
    /// 自 年 月 日起至…: a blank range start (a period), not a starting date that is due.
    let dateFromNotBefore: WordTable<Bool>
    /// 乙方可以在订立后30日内单方解除合同: a time within which a party may act is an option window.
    let permissionWords: WordTable<Bool>
    /// 运输时限为2日: a time limit named by a noun; `limitLinks` join it to its durations.
    let limitNouns: WordTable<Bool>
    let limitLinks: WordTable<Bool>
    /// 至2025年10月25日竣工: a date after one of `endDateLead` and before a completion word is due on it.
    let endDateLead: WordTable<Bool>
    let completionWords: WordTable<Bool>
    /// 并经 / 且: joins a later event to the last anchor cue before a deadline.
    let eventJoiners: WordTable<Bool>
    /// 对账单/确认书: documents whose signing (对账单签署后) is not the contract's.
    let signedDocuments: WordTable<Bool>
    /// 未/没有 before 提前: a breach (未提前30日通知即离职的), not a deadline.
    let negations: WordTable<Bool>
    let dateFromLead: WordTable<Bool>
    let dateFrom: WordTable<Bool>
    let recurringLead: WordTable<Bool>
    let recurringDue: WordTable<Bool>
    /// 经甲方书面确认后: an approval after the last anchor cue (经 and an approval word) is the later event.
    let approvalLead: WordTable<Bool>
    let approvalWords: WordTable<Bool>
    /// 提前30日通知对方解除合同: the events a before-notice names after it in its phrase.
    let beforeNoticeEvents: Set<String>
    /// 自提出协商之日起三十日内协商不成的: a duration of a condition that talks fail, not a deadline.
    let failedTalks: WordTable<Bool>
    /// 2025年1月1日之前所发生的: a date that bounds what happened, not a time to act.
    let dateBeforeQualifies: WordTable<Bool>
    /// 扣除前三个月利息: 前 and a duration that name the first months, not a time before an event.
    let firstPeriodFollowers: WordTable<Bool>
    /// 应在乙方书面通知后5日内: a role in the time clause that does one of these acts is not who acts.
    let anchorClauseActs: WordTable<Bool>
    /// A deadline naming no one who acts falls to the side that does its act (pay or perform).
    let payActs: WordTable<Bool>
    let payerSides: Set<String>
    let performActs: WordTable<Bool>
    let performerSides: Set<String>
    /// 合同终止且费用结清后: a settling cue after the end of the term (`endEvents`) counts from the end.
    let settlingCues: WordTable<Bool>
    let endEvents: Set<String>
    /// …前支付，如期间发现甲方…: a later phrase that starts with a condition is another obligation.
    let conditionLeads: WordTable<Bool>
    /// 终止或期满后: events joined as alternatives count from the first named.
    let alternativeJoiners: WordTable<Bool>
    let alternativeCover: Set<String>
    /// 丙方应于同日前交付: the date of the due date before it in the sentence, and this bound.
    let sameDateRefs: WordTable<String>
    /// 第三部分 乙方责任: words after a role in a heading that make what follows that party's duties.
    let dutyHeadings: WordTable<Bool>

    // MARK: periods.yaml
    let periodKinds: WordTable<String>
    let periodFrom: WordTable<Bool>
    let periodTo: WordTable<Bool>
    let openEnded: WordTable<Bool>
    let genericPeriodCues: Set<String>
    let genericPeriodOf: WordTable<Bool>
    /// 至/截至 after a generic cue: the validity of the thing named before it ends on a date.
    let validUntil: WordTable<Bool>
    let contractWords: WordTable<Bool>
    let periodAfterBreakers: WordTable<Bool>
    /// 届满之日起: a breaker followed by one of these starts the period there (保证期间为…届满之日起三年).
    let periodFromPoint: WordTable<Bool>
    /// 期限届满: a cue before one of these names a point in time, not a period.
    let periodEndPoint: WordTable<Bool>
    /// 2025.9.1—2026.8.31: a dash between two dates joins them like 至.
    let periodRangeSeparators: WordTable<Bool>
    /// 开工日期 → start, 竣工日期 → end: cues whose dates are a period's two ends.
    let periodMilestones: [String: String]
    let termKinds: [String]
    let termKindByCategory: [String: String]
    let periodValidWords: WordTable<Bool>
    let deadlinePeriodActions: WordTable<String>
    /// Action words that make a period only at the start of the action (验收 in 货到后3日内验收).
    let deadlinePeriodActionsLeading: WordTable<String>
    /// Anchor events a notice period is given for (termination); `noticeStandalone` leads need none.
    let noticeFor: Set<String>
    let noticeStandalone: WordTable<Bool>
    /// 免费维护费用: a cue followed by one of these names no period.
    let notPeriodAfter: WordTable<Bool>
    /// Per category, a cue kind read as another (labor: service_term → other, the training bond).
    let periodKindByCategory: [String: [String: String]]
    /// 离职后两年内不得披露: restriction or validity periods, with their kind by sentence words.
    let restrictionWords: WordTable<Bool>
    let restrictionKinds: WordTable<String>
    /// 本条规定在…五年内持续有效: words that refer the restriction back to the sentence before.
    let restrictionRefers: WordTable<Bool>
    /// 为 before each duration of a list after a period cue and a colon.
    let periodListLink: WordTable<Bool>
    let noticeLead: WordTable<Bool>
    let noticeWords: WordTable<Bool>
    let periodLinkBefore: WordTable<Bool>

    // MARK: penalties.yaml
    let penaltyWords: WordTable<Bool>
    let depositWords: WordTable<Bool>
    let depositRules: WordTable<Bool>
    let periodic: WordTable<String>
    let mutual: WordTable<Bool>
    let triggers: WordTable<Bool>
    let capWords: WordTable<Bool>
    let capAfterWords: WordTable<Bool>
    let statutoryPayments: WordTable<Bool>
    let explicitPenalty: WordTable<Bool>
    let agreedPenaltyWords: WordTable<Bool>
    let penaltyWording: PenaltyWording
    let baseIntroducers: WordTable<Bool>
    /// penalties.yaml `baseVerbs`: a payment verb right before the base of a rate (支付合同总价款30%的违约金).
    let baseVerbs: WordTable<Bool>
    let rateCues: WordTable<String>
    /// penalties.yaml `rateMarkups`: a percentage after one raises a rate (上浮50%), it is no rate.
    let rateMarkups: WordTable<Bool>
    let ratePeriods: [String: String]

    // MARK: disputes.yaml
    let arbitrationWords: WordTable<Bool>
    let litigationWords: WordTable<Bool>
    let notAChoice: WordTable<Bool>
    let appealWords: WordTable<Bool>
    let negotiationWords: WordTable<Bool>
    let disputeWords: WordTable<Bool>
    let bodySuffixes: WordTable<Bool>
    let bodyStarts: WordTable<Bool>
    let lawIntroducers: WordTable<Bool>
    let lawEnd: WordTable<Bool>

    // MARK: schedule.yaml
    let schedule: ScheduleFile
    let scheduleVerbs: WordTable<Bool>
    let scheduleCumulative: WordTable<Bool>
    let scheduleRepaymentVerbs: WordTable<Bool>
    let scheduleOtherBases: WordTable<Bool>
    /// schedule.yaml `totalRows`: the first cell of a table's closing total row (合计).
    let scheduleTotalRows: WordTable<Bool>
    /// schedule.yaml `refundVerbs` and `alreadyPaid`: a sentence with both refunds what was paid.
    let scheduleRefundVerbs: WordTable<Bool>
    let scheduleAlreadyPaid: WordTable<Bool>

    init(directory: String) throws(QiyueError) {
        let p: PartiesFile = try EntityData.load(directory, "facts/parties.yaml")
        let a: AmountsFile = try EntityData.load(directory, "facts/amounts.yaml")
        let d: DeadlinesFile = try EntityData.load(directory, "facts/deadlines.yaml")
        let r: PeriodsFile = try EntityData.load(directory, "facts/periods.yaml")
        let n: PenaltiesFile = try EntityData.load(directory, "facts/penalties.yaml")
        // An older Rules directory has neither file: no dispute or schedule facts then.
        let x: DisputesFile = try EntityData.load(directory, "facts/disputes.yaml", ifMissing: .empty)
        schedule = try EntityData.load(directory, "facts/schedule.yaml", ifMissing: .empty)
        scheduleVerbs = table(schedule.verbs)
        scheduleCumulative = table(schedule.cumulative ?? [])
        scheduleRepaymentVerbs = table(schedule.repaymentVerbs ?? [])
        scheduleOtherBases = table(schedule.otherBases ?? [])
        scheduleTotalRows = table(schedule.totalRows ?? [])
        scheduleRefundVerbs = table(schedule.refundVerbs ?? [])
        scheduleAlreadyPaid = table(schedule.alreadyPaid ?? [])
        func table(_ words: [String]) -> WordTable<Bool> { WordTable(words.map { (EntityData.norm($0), true) }) }
        func inverted(_ m: [String: [String]]) -> WordTable<String> {
            WordTable(m.sorted { $0.key < $1.key }.flatMap { k, ws in ws.map { (EntityData.norm($0), k) } })
        }
        parties = p
        roles = WordTable(p.roles.map { (EntityData.norm($0.key), $0.value) })
        readWords = table(p.roles.keys.sorted() + MoneyExtractor.wordsRead)
        fieldLabels = inverted(p.fields)
        signatureWords = table(p.signatureWords)
        organizationSuffixes = p.organizationSuffixes
        objectMarkers = ScalarSet(p.objectMarkers.joined())
        sideComplements = p.complements ?? [:]
        modals = table(p.modals ?? [])
        modalFillers = ScalarSet((p.modalFillers ?? []).joined())
        agentMarkers = ScalarSet((p.agentMarkers ?? []).joined())
        conditionMarkers = table(p.conditionMarkers ?? [])
        conditionNonMarkers = table(p.conditionNonMarkers ?? [])
        jointSubjects = table(p.jointSubjects ?? [])
        anyPartySubjects = table(p.anyPartySubjects ?? [])
        bankWords = table(p.bankWords ?? [])
        detailHeadings = table(p.detailHeadings ?? [])
        foreignContacts = table(p.foreignContacts ?? [])
        signingOnlyRoles = Set(p.signingOnlyRoles ?? [])
        aliasJoiners = ScalarSet((p.aliasJoiners ?? []).joined())
        partyJoiners = ScalarSet((p.partyJoiners ?? []).joined())
        jointJoiners = ScalarSet((p.jointJoiners ?? []).joined())
        placeholderBrackets = (p.placeholderBrackets ?? []).compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
        placeholderNames = Set(p.placeholders ?? [])
        definedLabelEndings = p.definedLabelEndings ?? []
        sideCues = p.sideCues.flatMap { cue in
            cue.verbs.map { v in
                SideCue(pieces: v.components(separatedBy: "…").map { $0.unicodeScalars.map(\.value) }, sides: cue.sides)
            }
        }
        purposeCues = inverted(a.purposes)
        purposeBreakers = table(a.breakers)
        afterIntroducers = table(a.afterIntroducers)
        explicitIntroducers = table(a.explicitIntroducers)
        amounts = a
        unitRateLeads = table(a.unitRate?.leads ?? [])
        unitRateNotUnits = table(a.unitRate?.notUnits ?? [])
        unitRateNotWith = table(a.unitRate?.notWith ?? [])
        anchors = inverted(d.anchors)
        weakAnchors = Set(d.weakAnchors)
        beforeMarkers = table(d.beforeMarkers)
        sameDay = table(d.sameDay)
        sameDayBreakers = table(d.sameDayBreakers)
        sameDayNeedsPreposition = Set(d.sameDayNeedsPreposition)
        prepositions = table(d.prepositions)
        notDeadlineAfter = table(d.notDeadlineAfter)
        blankDurationUnits = WordTable(d.blankDurationUnits.map { ($0.key, $0.value) })
        blankDurationBounds = WordTable(d.blankDurationBounds.map { ($0.key, $0.value) })
        dateBefore = table(d.dateBefore ?? [])
        dateFromLead = table(d.dateFromLead ?? [])
        dateFrom = table(d.dateFrom ?? [])
        sameDayDue = table(d.sameDayDue ?? [])
        recurringLead = table(d.recurringLead ?? [])
        recurringDue = table(d.recurringDue ?? [])
        dueOn = table(d.dueOn ?? [])
        dueBy = table(d.dueBy ?? [])
        tableLeadReferences = table(d.tableLeadReferences ?? [])
        receiptCues = Dictionary((d.receiptCues ?? [:]).map { (EntityData.norm($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        localStart = table(d.localStart ?? [])
        dateListJoiners = table(d.dateListJoiners ?? [])
        receiptObjects = inverted(d.receiptObjects ?? [:])
        receiptDocuments = table(d.receiptDocuments ?? [])
        deliveringSides = Set(d.deliveringSides ?? [])
        followingEvents = Set(d.followingEvents ?? [])
        occurrenceHeads = table(d.occurrenceHeads ?? [])
        notDeadlineWithin = table(d.notDeadlineWithin ?? [])
        dateFromNotBefore = table(d.dateFromNotBefore ?? [])
        permissionWords = table(d.permissionWords ?? [])
        limitNouns = table(d.limitNouns ?? [])
        limitLinks = table(d.limitLinks ?? [])
        endDateLead = table(d.endDateLead ?? [])
        completionWords = table(d.completionWords ?? [])
        eventJoiners = table(d.eventJoiners ?? [])
        signedDocuments = table(d.signedDocuments ?? [])
        negations = table(d.negations ?? [])
        receiptElided = table(d.receiptElided ?? [])
        approvalLead = table(d.approvalLead ?? [])
        approvalWords = table(d.approvalWords ?? [])
        beforeNoticeEvents = Set(d.beforeNoticeEvents ?? [])
        failedTalks = table(d.failedTalks ?? [])
        dateBeforeQualifies = table(d.dateBeforeQualifies ?? [])
        firstPeriodFollowers = table(d.firstPeriodFollowers ?? [])
        anchorClauseActs = table(d.anchorClauseActs ?? [])
        payActs = table(d.payActs ?? [])
        payerSides = Set(d.payerSides ?? [])
        performActs = table(d.performActs ?? [])
        performerSides = Set(d.performerSides ?? [])
        settlingCues = table(d.settlingCues ?? [])
        endEvents = Set(d.endEvents ?? [])
        conditionLeads = table(d.conditionLeads ?? [])
        alternativeJoiners = table(d.alternativeJoiners ?? [])
        alternativeCover = Set(d.alternativeCover ?? [])
        sameDateRefs = WordTable((d.sameDateRefs ?? [:]).map { (EntityData.norm($0.key), $0.value) })
        dutyHeadings = table(d.dutyHeadings ?? [])
        agreedPenaltyWords = table(n.agreedPenaltyWords)
        penaltyWording = try PenaltyWording(directory: directory)
        periodKinds = inverted(r.kinds)
        genericPeriodCues = Set((r.genericCues ?? []).map(EntityData.norm))
        noticeLead = table(r.noticeLead ?? [])
        noticeWords = table(r.noticeWords ?? [])
        periodLinkBefore = table(r.linkBefore ?? [])
        termKinds = r.termKinds ?? ["contract_term"]
        periodValidWords = table(r.validWords ?? [])
        genericPeriodOf = table(r.genericOf ?? [])
        validUntil = table(r.validUntil ?? [])
        periodAfterBreakers = table(r.afterBreakers ?? [])
        periodFromPoint = table(r.fromPoint ?? [])
        periodEndPoint = table(r.endPoint ?? [])
        periodRangeSeparators = table(r.rangeSeparators ?? [])
        periodMilestones = Dictionary((r.milestones ?? [:]).map { (EntityData.norm($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        termKindByCategory = r.termKindByCategory ?? [:]
        contractWords = table(r.contractWords ?? [])
        deadlinePeriodActions = inverted(r.deadlineActions ?? [:])
        deadlinePeriodActionsLeading = inverted(r.deadlineActionsLeading ?? [:])
        noticeFor = Set(r.noticeFor ?? [])
        noticeStandalone = table(r.noticeStandalone ?? [])
        notPeriodAfter = table(r.notPeriodAfter ?? [])
        periodKindByCategory = r.kindByCategory ?? [:]
        restrictionWords = table(r.restrictionWords ?? [])
        restrictionKinds = inverted(r.restrictionKinds ?? [:])
        restrictionRefers = table(r.restrictionRefers ?? [])
        periodListLink = table(r.listLink ?? [])
        periodFrom = table(r.from)
        periodTo = table(r.to)
        openEnded = table(r.openEnded)
        penaltyWords = table(n.penaltyWords)
        depositWords = table(n.depositWords)
        depositRules = table(n.depositRules)
        periodic = WordTable((n.periodic.map { ($0.key, $0.value) } + (n.periodicDelays?.words ?? [])).map { (EntityData.norm($0.0), $0.1) })
        mutual = table(n.mutual)
        triggers = table(n.triggers)
        capWords = table(n.capWords)
        baseIntroducers = table(n.baseIntroducers)
        baseVerbs = table(n.baseVerbs ?? [])
        rateCues = inverted(n.rates)
        rateMarkups = table(n.rateMarkups ?? [])
        ratePeriods = n.ratePeriods
        arbitrationWords = table(x.arbitration)
        litigationWords = table(x.litigation)
        notAChoice = table(x.notAChoice)
        appealWords = table(x.appeal ?? [])
        negotiationWords = table(x.negotiation)
        disputeWords = table(x.disputeWords ?? [])
        bodySuffixes = table(x.bodySuffixes)
        bodyStarts = table(x.bodyStarts)
        lawIntroducers = table(x.lawIntroducers)
        lawEnd = table(x.lawEnd)
        statutoryPayments = table(n.statutory ?? [])
        capAfterWords = table(n.capAfterWords ?? [])
        explicitPenalty = table(n.explicitPenalty ?? [])
    }
}
