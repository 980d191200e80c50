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

    /// 任何一方 as the subject: the duty of whichever party it falls to names no obligor, though a
    /// party acted in the sentence before; a party with a modal after it still acts.
    @Test func anyPartyAsTheSubjectNamesNoObligor() {
        #expect(deadlines("5.1 甲方负责缴纳专利年费。5.2 任何一方知悉第三方侵权行为的，应在 10 日内书面通知对方。") == ["occurrence|10|day|within|∅"])
        #expect(deadlines("乙方应按时付款。甲乙任何一方提前解除本协议的，应提前 60 日书面通知对方。") == ["termination|60|day|before|∅"])
        #expect(deadlines("任何一方违约的，违约方应在收到通知后 5 日内纠正，甲方应在 3 日内书面确认。").last?.hasSuffix("|3|day|within|甲方") == true)
    }

    @Test func aNegatedNoticeIsABreach() {
        #expect(deadlines("乙方未提前30日通知即离职的，应向甲方支付违约金。", category: "labor").isEmpty)
    }
}
