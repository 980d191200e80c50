import Foundation
import Testing
@testable import Qiyue

/// Time limits named by a noun, and recurring dates after a preposition before their recurrence word.
@Suite struct DeadlineLimitTests: DeadlineSuite {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    @Test func aTimeLimitNounSetsDeadlines() {
        #expect(deadlines("乙方承运的货物，运输时限分别为3日、2日，自装车完毕时起算。") == ["other|3|day|within|乙方", "other|2|day|within|乙方"])
    }

    /// A time inside a condition (…7日内申请退学的，退还…) says when the condition holds, not a time to
    /// act; one with a duty (应于…内…的) or something left undone (7日内未提出异议的，视为…) still is.
    @Test func aTimeInsideAConditionIsNoDeadline() {
        #expect(deadlines("开课之日起7日内申请退学的，退还已付学费的80%。").isEmpty)
        #expect(deadlines("甲方在收到货物后7日内未提出书面异议的，视为验收合格。").count == 1)
        #expect(deadlines("乙方应在收到通知后3日内派员到场。").count == 1)
    }

    @Test func aRecurringDateAfterAPreposition() {
        #expect(deadlines("甲方于每月25日以银行转账形式支付乙方报酬。") == ["date:---25|on|甲方"])
    }
}
