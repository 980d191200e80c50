import Foundation
import Testing
@testable import Qiyue

/// Deadlines around the end of the term and lengths of time: settling accounts after the end counts
/// from the end, alternatives (终止或期满) from the one that covers the others, a time limit from no
/// earlier deadline's event, the day a date falls due is no expiry; acts that are no acceptance.
@Suite struct DeadlineEndAndLimitTests: DeadlineSuite {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    @Test func settlingAfterTheEndCountsFromTheEnd() {
        #expect(deadlines("租赁期满且乙方结清全部费用后10日内，甲方无息退还押金。", category: "lease") == ["expiry|10|day|within|甲方"])
    }

    @Test func alternativesCountFromTheCoveringOrFirstEvent() {
        #expect(deadlines("本合同终止或期满后，乙方应于10日内搬离。", category: "lease") == ["termination|10|day|within|乙方"])
        #expect(deadlines("合同期满或终止时，甲方应于30日内退还保证金。", category: "lease") == ["termination|30|day|within|甲方"])
    }

    @Test func aTimeLimitCountsFromNoEarlierEvent() {
        #expect(deadlines("乙方应在接到甲方通知之日起24小时内派车，运输时限为3日，自装车完毕时起算。", category: "other_contract")
            == ["notice|24|hour|within|乙方", "other|3|day|within|乙方"])
    }

    @Test func theDayADateFallsDueIsNoExpiry() {
        #expect(deadlines("出卖人应当在交付日期届满前10日书面通知买受人。", category: "house_sale") == ["other|10|day|before|出卖人"])
    }

    @Test func handingInAndPassingATest() {
        #expect(deadlines("乙方提交上线版本后，甲方应在10个工作日内组织验收。") == ["delivery|10|workday|within|甲方"])
        #expect(deadlines("样机通过甲方测试之日起10个工作日内，甲方支付40%。") == ["acceptance|10|workday|within|甲方"])
        // Installing is an act, not acceptance.
        #expect(deadlines("安装调试完成后，甲方应于15个工作日内组织验收。", category: "sale_of_goods") == ["other|15|workday|within|甲方"])
    }
}
