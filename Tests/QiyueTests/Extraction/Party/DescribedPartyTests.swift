import Foundation
import Testing
@testable import Qiyue

/// Parties introduced by a descriptor the role list lacks: a header line `加盟總部：NAME（以下簡稱「甲方」）`
/// with its details below, and a party table whose columns are headed `保理人（甲方）`.
@Suite struct DescribedPartyTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func parties(_ text: String, _ category: String) -> [String] {
        pipeline.report(text: text, category: category).0.parties.map { "\($0.role)|\($0.name ?? "∅")" }
    }

    func details(_ text: String, _ category: String) -> [String] {
        pipeline.report(text: text, category: category).0.parties.flatMap(FactEvaluation.detailKeys).sorted()
    }

    static let clauses = "\n第一条 合作内容\n甲方同意乙方在约定区域内开展合作，乙方应按约定向甲方支付费用。\n第二条 争议解决\n协商不成的，向甲方所在地人民法院起诉。\n"

    @Test func descriptorHeaderWithItsAliasAndDetails() {
        let text = "合作经营合同\n\n立合同人\n运营总部：北京远帆餐饮管理有限公司（以下简称“甲方”）\n统一社会信用代码：91110105MA01C2XB4K\n代表人：周立新\n电话：010-6512 3388\n\n合作门店：王晓雯（以下简称“乙方”）\n身份证号：110101199003074514\n手机：13911112222\n" + Self.clauses
            + "\n甲方：北京远帆餐饮管理有限公司　代表人：周立新\n乙方：王晓雯\n"
        #expect(parties(text, "other_contract") == ["甲方|北京远帆餐饮管理有限公司", "乙方|王晓雯"])
        let d = details(text, "other_contract")
        #expect(d.contains("甲方|id|91110105MA01C2XB4K") && d.contains("甲方|phone|01065123388"), "\(d)")
        #expect(d.contains("乙方|id|110101199003074514") && d.contains("乙方|phone|13911112222"), "\(d)")
    }

    @Test func aFieldLabelIsNoDescriptor() {
        // 地址：… with an alias in it defines nobody.
        let text = "服务合同\n\n甲方：上海青禾信息技术有限公司\n地址：上海市徐汇区漕溪北路（以下简称“乙方”办公地）88号\n乙方：杭州云岫数据服务有限公司\n" + Self.clauses
        #expect(parties(text, "service") == ["甲方|上海青禾信息技术有限公司", "乙方|杭州云岫数据服务有限公司"])
    }

    /// A role word heading a longer word in a remark (业主委员会代章) is no alias of the party.
    @Test func aRoleInsideARemarkWordIsNoAlias() throws {
        let text = "物业服务合同\n\n委托方（甲方）：翠苑小区业主大会\n受托方（乙方）：杭州溪岸物业服务有限公司\n\n第一条 业主应于每季度首月15日前交纳物业服务费；业主逾期交纳的，每逾期一日按欠费金额的万分之三向乙方支付滞纳金。\n\n甲方：翠苑小区业主大会（业主委员会代章）\n乙方：杭州溪岸物业服务有限公司（盖章）\n"
        let r = pipeline.report(text: text, category: "service").0
        #expect(try #require(r.parties.first { $0.role == "甲方" }).aliases == ["委托方"])
        #expect(r.penalties.map { $0.payer } == ["业主"])
    }

    /// A recital line with an alias is no party header; an alias joined by 或 stays an alias.
    @Test func recitalsAndJoinedAliases() throws {
        let recital = "保证合同\n\n债权人（甲方）：马俊杰\n保证人（乙方）：刘佳宁\n\n主合同：债权人与成都某某商贸有限公司（以下简称“债务人”）签订的《借款合同》。\n" + Self.clauses
        #expect(parties(recital, "loan") == ["甲方|马俊杰", "乙方|刘佳宁"])
        let joined = "房屋买卖合同\n\n出卖人：张三（以下简称甲方或卖方）\n买受人：李四（以下简称乙方或买方）\n" + Self.clauses
        let r = pipeline.report(text: joined, category: "house_sale").0
        #expect(try #require(r.parties.first { $0.name == "张三" }).role == "甲方")
    }

    @Test func tableColumnsHeadedByADescriptorAndTheRole() {
        let text = "应收账款保理合同\n\n| 项目 | 保理人（甲方） | 债权人（乙方） |\n| --- | --- | --- |\n| 名称 | 上海恒信商业保理有限公司 | 苏州宏达机械制造有限公司 |\n| 统一社会信用代码 | 91310101MA1G83TE2N | 91320506MA1NB6L49W |\n| 联系电话 | 021-6330 5182 | 0512-6651 2039 |\n" + Self.clauses
        #expect(parties(text, "other_contract") == ["甲方|上海恒信商业保理有限公司", "乙方|苏州宏达机械制造有限公司"])
        let d = details(text, "other_contract")
        #expect(d.contains("乙方|phone|051266512039") && d.contains("甲方|phone|02163305182"), "\(d)")
    }
}
