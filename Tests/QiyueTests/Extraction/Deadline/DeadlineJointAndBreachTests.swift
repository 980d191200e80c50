import Foundation
import Testing
@testable import Qiyue

/// A joint subject right after a deadline acts jointly; a negated notice is a breach, not a deadline.
@Suite struct DeadlineJointAndBreachTests: DeadlineSuite {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    @Test func aJointSubjectAfterTheDeadline() {
        #expect(deadlines("服务期满前两个月，双方协商续约事宜。") == ["expiry|2|month|before|both"])
    }

    @Test func aNegatedNoticeIsABreach() {
        #expect(deadlines("乙方未提前30日通知即离职的，应向甲方支付违约金。", category: "labor").isEmpty)
    }
}
