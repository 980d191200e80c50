import Foundation
import Testing
@testable import Qiyue

/// classification.contractType: the typical contract, from cue words in the title and the text.
@Suite struct ContractTypeTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    @Test(arguments: [
        ("融资租赁合同\n出租人（甲方）：某某融资租赁有限公司\n承租人（乙方）：某某制造有限公司\n甲方根据乙方的选择购买租赁物并出租给乙方。", "lease", "financial_lease"),
        ("房屋租赁合同\n出租方（甲方）：张三\n承租方（乙方）：李四\n月租金3000元。", "lease", "lease"),
        ("建 设 工 程 施 工 合 同\n发包人：某某公司\n承包人：某某建筑公司\n工期为120日历天。", "other_contract", "construction"),
        ("软件开发合同\n甲方：某某公司\n乙方：某某科技公司\n乙方为甲方开发订单管理系统。", "service", "technology_development"),
        ("仓 储 保 管 合 同\n存货人（甲方）：某某公司\n保管人（乙方）：某某物流公司\n仓储费按每托盘每日3.5元计。", "service", "warehousing"),
        ("股权转让协议\n转让方（甲方）：张三\n受让方（乙方）：李四\n甲方将其持有的某某公司30%股权转让给乙方。", "other_contract", "equity_transfer"),
        ("保密协议\n甲方：某某公司\n乙方：王五\n乙方对甲方的商业秘密负有保密义务。", "labor", "nda"),
        ("汽车销售合同\n出卖人：某某汽车销售服务有限公司\n买受人：赵六\n车辆识别代号（VIN）：LSVAU2180N2123456，交车时办理上牌。", "vehicle_sale", "vehicle_sale"),
        ("合作协议\n甲方：张三\n乙方：李四\n双方就某事合作。", "other_contract", "other"),
        ("机动车维修服务合同\n托修方（甲方）：陈某\n承修方（乙方）：某某汽车维修服务有限公司\n乙方对甲方车辆进行事故维修。", "other_contract", "work_contracting"),
        ("醫療器材區域經銷協議書\n甲方：某某醫療器材股份有限公司\n乙方（經銷商）：某某醫療用品有限公司\n乙方向甲方購買產品並自行轉售。", "sale_of_goods", "sale"),
        // Supervision of a construction project is an entrustment; a labour subcontract is construction.
        ("建设工程监理合同\n委托人（甲方）：某某置业有限公司\n监理人（乙方）：某某工程监理有限公司\n乙方对工程施工质量进行监理。", "service", "entrustment"),
        ("建设工程劳务分包合同\n承包人（甲方）：某某建工集团有限公司\n劳务分包人（乙方）：某某建筑劳务有限公司\n乙方提供施工劳务。", "other_contract", "construction"),
        ("城市集中供热用热合同\n供热人（甲方）：某某热力有限公司\n用热人（乙方）：张三\n采暖期为每年11月1日至次年3月31日。", "other_contract", "utilities_supply"),
        ("藝術品委託寄售合約書\n甲方：張三\n乙方：某某畫廊有限公司\n乙方以自己名義出售甲方作品。", "other_contract", "commission_agency"),
        ("高級人才獵聘服務合約\n甲方：某某投資有限公司\n乙方：某某人才顧問有限公司\n候選人於試用期內離職的，乙方免費推薦替補人選。", "service", "intermediary"),
        ("宠物寄养服务合同\n甲方：张三\n乙方：某某宠物服务有限公司\n甲方将犬只一只交乙方寄养。", "service", "custody"),
        // Staff welfare words (试用期, 社会保险) in a service contract make it no labour contract.
        ("写字楼保洁外包服务合同\n甲方：某某物业管理有限公司\n乙方：某某保洁服务有限公司\n乙方应为其保洁员缴纳社会保险，试用期内的人员不得单独上岗。", "service", "other"),
    ])
    func contractType(_ c: (String, String, String)) {
        let r = pipeline.report(text: c.0, category: c.1).0
        #expect(r.classification.contractType == c.2)
    }

    @Test func notForNonContracts() {
        let r = pipeline.report(text: "合同管理部年度工作总结\n今年我部审核合同三百余份。").0
        #expect(!r.classification.isContract)
        #expect(r.classification.contractType == nil)
    }
}

@Suite struct ContractTypeTitleTests {
    @Test(arguments: [
        ("二手房买卖合同\n出卖人（甲方）：张三\n买受人（乙方）：李四\n甲方将房屋出卖给乙方，买受人支付价款。", "house_sale", "house_sale"),
        ("存量房买卖居间合同\n出卖人：张三\n买受人：李四\n居间人：某某房产经纪有限公司，居间费为总价的2%。", "house_sale", "house_sale"),
        ("進出口貨物委託報關代理協議\n委託方（甲方）：某某公司\n受託方（乙方）：某某報關行", "service", "entrustment"),
        ("設備買賣合約書\n立合約書人：\n買方：某某公司\n賣方：某某機械公司", "sale_of_goods", "sale"),
        ("合作经营协议\n甲方：张三\n乙方：李四\n双方共同出资经营餐馆，按出资比例分配利润。", "other_contract", "partnership"),
        ("品牌加盟合約書\n加盟總部：某某餐飲股份有限公司（以下簡稱「甲方」）\n加盟者：王某（以下簡稱「乙方」）\n乙方應於簽約時支付加盟金。", "other_contract", "franchise"),
    ])
    func theTitleDecides(_ c: (String, String, String)) throws {
        let r = try Pipeline().report(text: c.0, category: c.1).0
        #expect(r.classification.contractType == c.2)
    }
}

/// contract-types.yaml `category`: a title naming a type that is always one category settles the
/// category, whatever wording the classifier weighs.
@Suite struct TitleCategoryTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    @Test func aSubcontractIsAConstructionContract() {
        let text = "幕墙工程专业分包合同\n承包人（以下简称甲方）：广州某某建设集团有限公司\n分包人（以下简称乙方）：广东某某幕墙工程有限公司\n第一条 乙方为甲方提供幕墙深化设计、供货及安装服务，服务费用按月结算。\n第二条 乙方应按甲方要求提供技术服务，甲方应于每月25日前支付服务费。\n"
        let c = pipeline.report(text: text).0.classification
        #expect(c.category == "other_contract" && c.contractType == "construction")
    }

    @Test func anExpropriationAgreementIsNoHouseSale() {
        let text = "国有土地上房屋征收补偿协议\n\n房屋征收部门：某某区房屋征收管理办公室\n被征收人：陈某\n\n根据《国有土地上房屋征收与补偿条例》，双方经协商一致，订立本协议。\n第一条 被征收房屋位于某某路58号，建筑面积62平方米。\n第二条 房屋价值补偿款为人民币2,368,400元，房屋征收部门应于本协议签订之日起15日内支付。\n第三条 被征收人应于收到补偿款后30日内腾空房屋；逾期交房的，每逾期一日按500元支付违约金。\n第四条 本协议自双方签字盖章之日起生效。\n\n房屋征收部门（盖章）：\n被征收人（签字）：\n"
        let c = pipeline.report(text: text).0.classification
        #expect(c.category == "other_contract" && c.contractType == "other")
    }

    /// Kinds the typical contracts do not name: assigning a claim, running a shop for a fee, a venue
    /// and rooms booked, a copyright licence (an IP licence, not a service like SaaS).
    @Test(arguments: [
        ("债权转让协议\n转让方（甲方）：某某建材有限公司\n受让方（乙方）：某某资产管理有限公司\n甲方将其对债务人享有的货款债权转让给乙方。", "other_contract", "other"),
        ("店铺承包经营合同\n发包方（甲方）：某某商贸有限公司\n承包方（乙方）：张三\n乙方按月向甲方交纳承包费。", "other_contract", "other"),
        ("会议场地及客房预订合同\n甲方：某某科技有限公司\n乙方：某某酒店管理有限公司\n乙方为甲方提供会场及客房。", "service", "other"),
        ("计算机软件著作权许可使用合同\n许可方（甲方）：某某软件有限公司\n被许可方（乙方）：某某制造有限公司\n甲方许可乙方使用其软件。", "other_contract", "software_licence"),
        ("網路影集聯合投資合約書\n甲方：某某影業股份有限公司\n乙方：某某數位股份有限公司\n各方按比例出資並分配收益。", "other_contract", "partnership"),
    ])
    func kindsOutsideTheTypicalContracts(_ c: (String, String, String)) {
        let r = pipeline.report(text: c.0).0.classification
        #expect(r.category == c.1 && r.contractType == c.2, "\(r.category) \(r.contractType ?? "-")")
    }

    @Test func aCallersCategoryStands() {
        let text = "幕墙工程专业分包合同\n甲方：某某公司\n乙方：某某幕墙公司\n"
        #expect(pipeline.report(text: text, category: "service").0.classification.category == "service")
    }
}
