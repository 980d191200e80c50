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

    @Test func aRecurringDateAfterAPreposition() {
        #expect(deadlines("甲方于每月25日以银行转账形式支付乙方报酬。") == ["date:---25|on|甲方"])
    }
}
