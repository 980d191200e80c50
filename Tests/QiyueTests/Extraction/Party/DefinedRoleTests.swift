import Foundation
import Testing
@testable import Qiyue

/// Role labels a contract defines in its party block when parties.yaml lacks them
/// (``DefinedRoles``): their mentions name the parties, who must act and who pays.
@Suite struct DefinedRoleTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    @Test func labelsOfAnAdministrativeAgreementNameTheParties() throws {
        let text = """
        房屋征收补偿协议

        征收实施单位：宁波市海曙区房屋征收服务中心
        统一社会信用代码：12330203MB1A25XY3K
        联系电话：0574-8730 1122

        被补偿人：郑桂兰
        身份证号码：330203195806120025
        联系电话：139 5740 8821

        第一条 征收实施单位应于本协议签订之日起15日内向被补偿人支付补偿款人民币 860 000 元。
        第二条 被补偿人应于收到补偿款后30日内腾空房屋并交付征收实施单位。被补偿人逾期交房的，每逾期一日按500元向征收实施单位支付违约金。
        """
        let r = pipeline.report(text: text, category: "other_contract").0
        #expect(Set(r.parties.map { "\($0.role)|\($0.name ?? "∅")" }) == ["征收实施单位|宁波市海曙区房屋征收服务中心", "被补偿人|郑桂兰"])
        let payee = try #require(r.parties.first { $0.role == "被补偿人" })
        #expect(payee.phones == ["13957408821"])
        #expect(payee.ids.map(\.value) == ["330203195806120025"])
        #expect(Set(r.deadlines.compactMap(\.obligor)) == ["征收实施单位", "被补偿人"], "\(r.deadlines.map { $0.obligor ?? "∅" })")
        #expect(r.penalties.map { $0.payer } == ["被补偿人"])
    }

    @Test func anAliasDefinedInAHeaderOutranksAFieldLabel() throws {
        // 代理人 is a contact-person field in a party block; defined as a party's alias it is the party.
        let text = """
        区域代理合同

        委托人：杭州青木厨具有限公司（以下简称"委托人"）
        统一社会信用代码：91330106MA2H1Q8U5E
        委托代理人：沈佳怡

        代理人：合肥远川商贸有限公司（以下简称"代理人"）
        统一社会信用代码：91340100MA8N3K6L2T
        电话：0551-6321 7788

        第一条 代理人应于每月5日前向委托人提交上月销售报表。
        """
        let r = pipeline.report(text: text, category: "service").0
        let agent = try #require(r.parties.first { $0.role == "代理人" })
        #expect(agent.name == "合肥远川商贸有限公司")
        #expect(agent.side == "provider")
        #expect(agent.ids.map(\.value) == ["91340100MA8N3K6L2T"])
        let client = try #require(r.parties.first { $0.role == "委托人" })
        // 委托代理人 (a contact field ending in the defined label) stays the client's contact.
        #expect(client.ids.map(\.value) == ["91330106MA2H1Q8U5E"] && client.contact == "沈佳怡")
        #expect(r.parties.count == 2)
        #expect(r.deadlines.map { $0.obligor } == ["代理人"])
    }

    /// parties.yaml `counterpartSides`: beside a 分包人 the 承包人 lets the work, so it is the client.
    @Test func theContractorOfASubcontractIsTheClient() throws {
        let text = """
        幕墙工程专业分包合同

        承包人（以下简称甲方）：广州某某建设集团有限公司
        分包人（以下简称乙方）：广东某某幕墙工程有限公司

        第一条 乙方应于开工令发出之日起270日历天内完成分包工程。
        """
        let r = pipeline.report(text: text, category: "other_contract").0
        #expect(try #require(r.parties.first { $0.role == "甲方" }).side == "client")
        #expect(try #require(r.parties.first { $0.role == "乙方" }).side == "provider")
        // Without a subcontractor the 承包人 stays the provider.
        let main = "建设工程施工合同\n\n发包人（甲方）：某某置业有限公司\n承包人（乙方）：某某建设集团有限公司\n\n第一条 乙方应按期竣工。\n"
        let m = pipeline.report(text: main, category: "other_contract").0
        #expect(try #require(m.parties.first { $0.role == "乙方" }).side == "provider")
    }

    @Test func listedPartiesKeepTheirReading() {
        // Two listed labels in the block: a recital's alias (合作项目) and a described line define nobody.
        let text = """
        保密协议

        甲方：北京澜舟数据科技有限公司
        乙方：南京禾川软件有限公司
        技术负责人：王立新

        鉴于：双方拟就“智能客服系统”项目开展合作（以下简称“合作项目”）。
        第一条 技术负责人应于每周一提交进度。乙方应于收到资料后3日内确认。
        """
        let r = pipeline.report(text: text, category: "service").0
        #expect(r.parties.map(\.role) == ["甲方", "乙方"])
    }
}
