import Foundation
import Testing
@testable import Qiyue

/// Texts about contracts (court judgments, news of a case, review checklists) quote contract
/// wording but are no contracts; service and construction contracts by their titles.
@Suite struct AboutContractsTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    @Test(arguments: [
        "广东省佛山市禅城区人民法院\n民事判决书\n原告：张某。被告：李某。原告向本院提出诉讼请求：判令被告支付租金及违约金。经审理查明，双方于2023年签订《房屋租赁合同》，约定月租金5000元，逾期支付的按日万分之五支付违约金。本院认为，被告应当支付。判决如下：被告于本判决生效之日起十日内支付租金。审判长 王某 书记员 赵某",
        "租客欠租三个月被判腾房\n本报讯（记者 刘某 通讯员 陈某）近日，某区法院审理了一起房屋租赁合同纠纷。双方签订的租赁合同约定，承租人应按月支付租金，逾期的应支付违约金。法院判决承租人支付欠付租金并承担违约责任。",
        "采购合同审查要点清单\n一、主体：核对甲方、乙方名称与营业执照是否一致。\n二、价款：合同价款、支付方式、违约金比例是否明确。\n三、争议解决：仲裁或诉讼只能选一种。\n四、签字盖章：法定代表人签字并加盖公章。",
    ])
    func notAContract(_ text: String) {
        #expect(!pipeline.report(text: text).0.classification.isContract)
    }

    @Test(arguments: [
        ("系统开发合同\n甲方（委托开发方）：某某连锁超市有限公司\n乙方（研究开发方）：某某软件有限公司\n乙方按甲方的需求开发收银系统，交付产品并经甲方验收合格。货款按期支付。本合同一式两份。违约责任：逾期交付的按日支付违约金。", "service"),
        ("仓储保管合同\n存货人（甲方）：某某食品有限公司\n保管人（乙方）：某某物流有限公司\n货物入库验收，包装完好，规格、数量以入库单为准。仓储费按月结算。本合同一式两份。违约的应赔偿损失。", "service"),
        ("建设工程施工合同\n发包人：某某置业有限公司\n承包人：某某建设集团有限公司\n工程内容：住宅楼施工。工期365日历天。本合同一式四份。逾期竣工的按日支付违约金。", "other_contract"),
    ])
    func category(_ c: (String, String)) {
        let r = pipeline.report(text: c.0).0
        #expect(r.classification.isContract)
        #expect(r.classification.category == c.1)
    }

    @Test(arguments: [
        ("家庭居室装饰装修工程施工合同\n发包方（甲方）：王五\n承包方（乙方）：某某装饰工程有限公司\n", "work_contracting"),
        ("借款契約書\n貸與人：王五（以下簡稱甲方）\n借用人：趙六（以下簡稱乙方）\n", "loan"),
        ("企业宣传册设计服务合同\n甲方（委托方）：某某茶业有限公司\n乙方（服务方）：某某设计工作室\n", "work_contracting"),
    ])
    func contractType(_ c: (String, String)) {
        #expect(pipeline.report(text: c.0, category: "service").0.classification.contractType == c.1)
    }
}
