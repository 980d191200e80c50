import Foundation
import Testing
@testable import Qiyue

/// Parties written by other hands: generator Markdown, spaced form labels, placeholders, one side
/// vocabulary per contract, guarantors, Hong Kong and Taiwan role words.
@Suite struct PartyFormTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func parties(_ text: String, _ category: String) -> [String] {
        pipeline.report(text: text, category: category).0.parties.map { "\($0.role)|\($0.side)|\($0.name ?? "∅")" }
    }

    @Test(arguments: [
        ("# 软件开发合同\n\n**甲方（委托方）**：成都锦程医疗器械有限公司\n**乙方（开发方）**：四川云栈软件科技有限公司\n", "service",
         ["甲方|client|成都锦程医疗器械有限公司", "乙方|provider|四川云栈软件科技有限公司"]),
        ("预拌混凝土买卖合同\n供   方：绍兴恒固商品混凝土有限公司\n需   方：杭州滨盛建设集团有限公司\n", "sale_of_goods",
         ["供方|seller|绍兴恒固商品混凝土有限公司", "需方|buyer|杭州滨盛建设集团有限公司"]),
        ("产品购销合同\n甲方（卖方）：{{ party_a }}\n乙方（买方）：${buyer}\n", "sale_of_goods", ["甲方|seller|∅", "乙方|buyer|∅"]),
        ("客户合同\n乙方(委托方):________________证券公司\n甲方:中国建设银行____________分行\n乙方委托甲方为客户提供证券保证金清算服务。", "service",
         ["乙方|client|∅", "甲方|provider|∅"]),
        ("房屋过户买卖合同\n甲方(转让方): 。 乙方(受让方): 。 甲乙双方就甲方所有的房屋转让事宜,达成协议如下:", "house_sale",
         ["甲方|transferor|∅", "乙方|transferee|∅"]),
        ("借款协议\n出借人(甲方)：张三\n借款人(乙方)：李四\n担保人(丙方)：王五\n", "loan",
         ["甲方|lender|张三", "乙方|borrower|李四", "丙方|guarantor|王五"]),
        ("租約\n業主：何志強\n租客：梁詠欣\n", "lease", ["業主|lessor|何志強", "租客|lessee|梁詠欣"]),
    ])
    func parties(_ c: (String, String, [String])) {
        #expect(parties(c.0, c.1) == c.2)
    }

    @Test func markdownMarksLeaveTheOriginalIntact() throws {
        let text = "## 第一条 价款\n本合同总价款为人民币 **486,000.00元**。"
        let (r, doc) = pipeline.report(text: "服务合同\n甲方：张三\n乙方：李四\n" + text, category: "service")
        let a = try #require(r.amounts.first)
        #expect(a.value == 486000)
        #expect(doc.originalText(a.span).contains("486,000.00元"))
        #expect(r.clauses.contains { $0.number == "第一条" || $0.number == "1" })
    }
}

@Suite struct PartyDetailTests {
    @Test func bankAccountsTaxIdsAndContactsFromFormsAndSignatureBlocks() throws {
        let text = """
            技术服务合同
            甲方：宁波港湾冷链物流有限公司
            纳税人识别号：91330206MA2H3XYZ1K
            电子邮箱：finance@ngcold.example.cn
            传    真：0574-8688 2131
            邮政编码：315800
            乙方：杭州数衡信息技术有限公司
            第一条 乙方为甲方提供服务。

            乙方（盖章）：杭州数衡信息技术有限公司
            联系电话：0571-8751 0629
            开户银行：招商银行杭州文三支行
            账    号：5719 0843 2210 601

            甲方收款账户：
            - 户名：宁波港湾冷链物流有限公司
            - 开户行：中国建设银行宁波北仑支行
            - 账号：3310 1985 0000 5201 1234
            """
        let r = try Pipeline().report(text: text, category: "service").0
        let a = try #require(r.parties.first { $0.role == "甲方" })
        let b = try #require(r.parties.first { $0.role == "乙方" })
        #expect(a.taxId == "91330206MA2H3XYZ1K")
        #expect(a.email == "finance@ngcold.example.cn")
        #expect(a.postcode == "315800")
        #expect(a.fax != nil)
        #expect(a.bankAccounts?.first?.bank == "中国建设银行宁波北仑支行")
        #expect(a.bankAccounts?.first?.account == "3310 1985 0000 5201 1234")
        #expect(a.bankAccounts?.first?.holder == "宁波港湾冷链物流有限公司")
        #expect(b.phones.contains { $0.contains("8751") })
        #expect(b.bankAccounts?.first?.bank == "招商银行杭州文三支行")
        #expect(b.bankAccounts?.first?.account == "5719 0843 2210 601")
    }
}

@Suite struct RegionalIDTests {
    @Test(arguments: [("F228604175", true), ("H127058366", true), ("A123456789", true), ("A123456788", false), ("F328604175", false)])
    func taiwanIDChecksum(_ c: (String, Bool)) {
        #expect(IdentifierValidator.validTaiwanID(c.0.unicodeScalars.map(\.value)) == c.1)
    }

    @Test(arguments: [("K3826155", true), ("Y6041289", true), ("K3826154", false), ("Y6041288", false)])
    func hongKongIDChecksum(_ c: (String, Bool)) {
        #expect(IdentifierValidator.validHongKongID(c.0.unicodeScalars.map(\.value)) == c.1)
    }

    @Test func taiwanAndHongKongIDsOfParties() throws {
        let p = try Pipeline()
        let tw = p.report(text: "房屋租賃契約書\n出租人（甲方）：林美惠\n身分證字號：F228604175\n承租人（乙方）：陳冠宇\n身分證字號：H127058365\n", category: "lease").0
        #expect(tw.parties.first?.ids.first.map { "\($0.type) \($0.value) \($0.valid)" } == "taiwan_id F228604175 true")
        #expect(tw.parties.last?.ids.first?.valid == false, "a wrong check digit is reported, not dropped")
        let hk = p.report(text: "租約\n業主：何志強（香港身份證號碼：K382615(5)）\n租客：梁詠欣（香港身份證號碼：Y604128(9)）\n", category: "lease").0
        #expect(hk.parties.map { $0.ids.first?.value ?? "∅" } == ["K382615(5)", "Y604128(9)"])
        #expect(hk.parties.allSatisfy { $0.ids.first?.valid == true })
        #expect(hk.parties.map(\.name) == ["何志強", "梁詠欣"])
    }
}

@Suite struct TitleTests {
    @Test func aTitleNeverIncludesAPartyLabel() throws {
        let p = try Pipeline()
        let r = p.report(text: "买车不过户合同协议书范文1出售方(简称甲方): 张三\n购买方(简称乙方): 李四\n一、甲方将车辆出售给乙方。", category: "vehicle_sale").0
        #expect(r.document.title == "买车不过户合同协议书范文1")
        let bare = p.report(text: "甲方：张三\n乙方：李四\n一、甲方将车辆出售给乙方。", category: "vehicle_sale").0
        #expect(bare.document.title == nil, "a party line is no title")
    }
}
