import Foundation
import Testing
@testable import Qiyue

/// Who acts in list items and continued clauses: a heading that names a party, the main clause of
/// the clause a semicolon continues, and 按甲方… as an object; the day a work must be complete.
@Suite struct DeadlineObligorLayoutTests: DeadlineSuite {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    /// A row of a payment table pays for the party the header's act belongs to, not the subject of
    /// the sentence above the table nor a role that only confirms (经甲方确认后).
    @Test func aPaymentRowIsThePayersWhateverCameBefore() {
        let text = "3. 乙方完成设计任务后，应向甲方提交全部设计文件。\n序号\t付费阶段\t支付比例\t支付时间\n1\t方案设计\t30%\t方案设计文件经甲方确认后10个工作日内\n2\t施工图设计\t70%\t施工图审查合格后10个工作日内\n"
        #expect(deadlines(text).suffix(2) == ["other|10|workday|within|甲方", "other|10|workday|within|甲方"], "\(deadlines(text))")
    }

    @Test func aHeadingNamesTheSubjectOfItsItems() {
        #expect(deadlines("第五条　乙方的义务\n1. 按甲方统一标准装修门店，并于本合同签订之日起45日内开业；\n2. 按时缴纳管理费。")
            == ["signing|45|day|within|乙方"])
    }

    /// 5.2 … / 5.3 …: decimal-numbered items chain back to the item that names the payer.
    @Test func decimalItemsShareTheirSubject() {
        #expect(deadlines("5.2 进度款：甲方应在收到乙方付款申请后28日内支付已完工程量价款的75%。\n5.3 竣工结算：工程竣工验收合格后30日内，支付至结算价款的97%。", category: "other_contract")
            == ["other|28|day|within|甲方", "acceptance|30|day|within|甲方"])
    }

    @Test func aContinuedClauseKeepsItsMainSubject() {
        #expect(deadlines("甲方交车当日，乙方支付车款二万元；余款五千元于过户手续办理完毕后五日内付清。").last == "transfer|5|day|within|乙方")
    }

    @Test func theDayAWorkMustBeComplete() {
        #expect(deadlines("乙方应自2025年3月1日开工，至2025年6月30日竣工。", category: "other_contract") == ["date:2025-06-30|on|乙方"])
        #expect(deadlines("租赁期限自2025年3月1日起至2026年2月28日止。", category: "lease").isEmpty)
    }

    /// A repayment plan listed after a colon: each date that opens a piece, an act right after it,
    /// is due on that day, and the borrower repays.
    @Test func aRepaymentPlanByDates() {
        #expect(deadlines("借款本金按下列计划归还：2027年7月20日归还人民币50万元；2028年1月20日归还人民币50万元。", category: "loan")
            == ["date:2027-07-20|on|乙方", "date:2028-01-20|on|乙方"])
        // A date that only says when something happened is no deadline.
        #expect(deadlines("2025年1月1日，双方签订本合同。", category: "loan").isEmpty)
    }

    /// Two roles joined before a modal act together (乙方与甲方应于…共同办理); a role after 向 is no subject.
    @Test func twoRolesJoinedActTogether() {
        #expect(deadlines("乙方与甲方应于本合同签订之日起10个工作日内共同办理抵押登记。", category: "loan") == ["signing|10|workday|within|both"])
        #expect(deadlines("乙方应于本合同签订之日起10个工作日内向甲方与丙方提交资料。", category: "loan") == ["signing|10|workday|within|乙方"])
    }

    /// A deadline counted from the start of works (开工日期7天前) counts from that, not from 签约 in the
    /// price's name before it.
    @Test func theStartOfWorksIsItsOwnEvent() {
        #expect(deadlines("预付款为签约合同价的10%，发包人应在开工日期7天前支付给承包人。", category: "other_contract") == ["other|7|day|before|发包人"])
    }
}
