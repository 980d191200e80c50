import Foundation
import Testing
@testable import Qiyue

/// Party blocks laid out in ways the header grammar alone does not read: values on the next line,
/// a role on a line of its own, glossed and emphasised labels, tables, unknown labels inside a
/// block, wrapped names, role words of Taiwan, Hong Kong and licensing contracts, foreign phones.
@Suite struct PartyLayoutTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func report(_ text: String, _ category: String) -> ContractReport {
        pipeline.report(text: text, category: category).0
    }

    func parties(_ text: String, _ category: String) -> [String] {
        report(text, category).parties.map { "\($0.role)|\($0.side)|\($0.name ?? "∅")" }
    }

    func details(_ text: String, _ category: String) -> [String] {
        report(text, category).parties.flatMap(FactEvaluation.detailKeys).sorted()
    }

    @Test func roleOnItsOwnLineAndValuesOnTheNextLine() {
        let text = "劳务合同\n\n委托方\n名称：\n杭州禾木文化传媒有限公司\n联系电话：\n0571-8612 3345\n\n受托方\n姓名：\n赵一鸣\n身份证号：\n11010519491231002X\n\n第一条 服务内容\n"
        #expect(parties(text, "service") == ["委托方|client|杭州禾木文化传媒有限公司", "受托方|provider|赵一鸣"])
        #expect(details(text, "service") == ["受托方|id|11010519491231002X", "委托方|phone|057186123345"])
    }

    @Test func unlistedRoleWordsNamedByTheGenericLabel() {
        let text = "合作协议\n披露方一（以下简称“甲方”）\n名称：宁夏沙湖旅游有限公司\n\n债权人（甲方）：银川富宁商贸有限公司\n"
        #expect(parties(text, "other_contract").first == "甲方|other|宁夏沙湖旅游有限公司")
    }

    @Test func letterSpacedRoleBeforeTheGenericLabelIsAnAlias() {
        let text = "运输合同\n托　运　方（甲方）　　　宁波禾丰食品有限公司\n统一社会信用代码：91330206MA2H3XYZ1K\n地址：宁波市鄞州区\n\n承运方（盖章）：宁波快达物流有限公司\n托运方（盖章）：宁波禾丰食品有限公司\n"
        let r = report(text, "service")
        #expect(r.parties.filter { $0.name == "宁波禾丰食品有限公司" }.count == 1)
        #expect(r.parties.first?.aliases.contains("托运方") == true)
        #expect(details(text, "service").contains("甲方|id|91330206MA2H3XYZ1K"))
    }

    @Test func glossedAndEmphasisedLabels() {
        let text = "服务合同\n甲方（Party A）：厦门海韵科技有限公司\n电话（Tel）：0592-611 2233\n**乙方**：林小雨\n**手机**：139 5011 2233\n"
        #expect(parties(text, "service") == ["甲方|client|厦门海韵科技有限公司", "乙方|provider|林小雨"])
        #expect(details(text, "service") == ["乙方|phone|13950112233", "甲方|phone|05926112233"])
        let bilingual = "服务合同\n甲方（Party A）：厦门海韵科技有限公司\nXiamen Haiyun Technology Co., Ltd.\n电话（Tel）：0592-611 2233\n"
        #expect(details(bilingual, "service") == ["甲方|phone|05926112233"])
    }

    @Test func unknownLabelsKeepTheBlockOpenAndForeignContactsAreSkipped() {
        let text = "聘用合同\n受聘方（乙方）：周雨桐\n学历：本科\n紧急联系人：周建（父亲）　电话：13800001111\n手机：13900002222\n"
        #expect(details(text, "labor") == ["乙方|phone|13900002222"])
        // A long licence label (15 characters) is a label too; an account field may name its bank first.
        let maintenance = "电梯维护保养合同\n乙方（维保单位）：青岛安迅电梯工程有限公司\n特种设备安装改造修理许可证编号：TS3437B01-2029\n24 小时救援电话：0532-6678 9110\n收款账户：青岛农商银行崂山支行　8161 0200 3512 0069 7\n"
        #expect(details(maintenance, "service") == ["乙方|account|81610200351200697", "乙方|phone|053266789110"])
        #expect(report(maintenance, "service").parties.first?.bankAccounts?.first?.bank == "青岛农商银行崂山支行")
    }

    @Test func markdownTableWithRolesAcrossTheTop() {
        let text = "买卖合同\n| 项目 | 卖方 | 买方 |\n| --- | --- | --- |\n| 名称 | 江门泰和五金有限公司 | 肇庆安达机电有限公司 |\n| 联系电话 | 0750-321 4455 | 0758-221 6677 |\n\n卖方应按期交货。\n"
        #expect(parties(text, "sale_of_goods") == ["卖方|seller|江门泰和五金有限公司", "买方|buyer|肇庆安达机电有限公司"])
        #expect(details(text, "sale_of_goods") == ["买方|phone|07582216677", "卖方|phone|07503214455"])
    }

    @Test func tabTableWithAPartyPerRow() {
        let text = "施工合同\n角色\t名称\t电话\n发包人\t南宁绿城置业有限公司\t0771-555 1234\n承包人\t广西八桂建设有限公司\t0771-666 4321\n\n账号\t开户银行\t户名\n发包人\t6222 0000 1111 2222\t工商银行南宁分行\t南宁绿城置业有限公司\n"
        #expect(parties(text, "other_contract").map { $0.split(separator: "|").last.map(String.init) ?? "" }
            == ["南宁绿城置业有限公司", "广西八桂建设有限公司"])
        #expect(details(text, "other_contract").contains("发包人|account|6222000011112222"))
        #expect(details(text, "other_contract").contains("承包人|phone|07716664321"))
    }

    @Test func namesWithParenthesesAndWrappedNames() {
        let text = "转让协议\n受让方：杭州云栖创投合伙企业（有限合伙）\n转让方：澳门新濠贸易（澳门）有限公司（以下简称甲方）\n"
        #expect(parties(text, "other_contract").contains("受让方|transferee|杭州云栖创投合伙企业（有限合伙）"))
        #expect(parties(text, "other_contract").contains { $0.hasSuffix("澳门新濠贸易（澳门）有限公司") })
        let wrapped = "运输合同\n托运人（甲方）：佛山市南海区联达塑料制品有限公\n司\n联系电话：0757-8123 4567\n"
        #expect(parties(wrapped, "service") == ["甲方|client|佛山市南海区联达塑料制品有限公司"])
        #expect(details(wrapped, "service") == ["甲方|phone|075781234567"])
    }

    @Test func licensingGiftAndFranchiseRoles() {
        #expect(parties("商标许可合同\n许可方：王五\n被许可方：赵六\n", "other_contract") == ["许可方|transferor|王五", "被许可方|transferee|赵六"])
        #expect(parties("赠与合同\n赠与人：王五\n受赠人：赵六\n", "other_contract") == ["赠与人|transferor|王五", "受赠人|transferee|赵六"])
        #expect(parties("加盟合同\n特许人：王五\n被特许人：赵六\n", "service") == ["特许人|provider|王五", "被特许人|client|赵六"])
    }

    @Test func taiwanAndHongKongNumbers() {
        let text = "買賣契約書\n賣方：台南精機股份有限公司\n統一編號：04595257\n電話：(06) 213-4567\n買方：陳小明\n電話：(852) 2111 3333\n"
        let d = details(text, "sale_of_goods")
        #expect(d.contains("賣方|id|04595257"))         // labels as written (Traditional)
        #expect(d.contains("賣方|phone|062134567"))
        #expect(d.contains("買方|phone|85221113333"))
        let id = report(text, "sale_of_goods").parties.first?.ids.first
        #expect(id?.type == "taiwan_business_id" && id?.valid == true)
    }

    @Test func accountsNamedInClausesAndNumbersWithoutColons() {
        let text = "借款合同\n出借人（甲方）：孙立\n借款人（乙方）：钱多多\n电话13712345678\n\n第二条 甲方应于签约后3日内将借款汇入乙方指定之账户：\n户名：钱多多\n开户行：建设银行昆明分行\n账号：6217 0000 8888 1234\n\n第三条 乙方应将利息支付至甲方收款账户：户名孙立，账号6222 1111 2222 3333。\n"
        let d = details(text, "loan")
        #expect(d.contains("乙方|account|6217000088881234"))
        #expect(d.contains("甲方|account|6222111122223333"))
        #expect(d.contains("乙方|phone|13712345678"))
    }

    @Test func partiesIntroducedInProse() {
        let text = "借款合同\n本合同由王小川（身份证号：110101199003074514，手机13600001111）与刘大海（身份证号：11010119900307677X，手机13600002222）签订。王小川以下称“出借人”，刘大海以下称“借款人”。\n"
        #expect(parties(text, "loan") == ["出借人|lender|王小川", "借款人|borrower|刘大海"])
        #expect(details(text, "loan").contains("出借人|phone|13600001111"))
        #expect(details(text, "loan").contains("借款人|id|11010119900307677X"))
    }

    @Test func namesMayHoldCharactersOfObligationWords() {
        #expect(parties("供货合同\n供货方：湖北楚禾农产品供应链有限公司\n", "sale_of_goods") == ["供货方|seller|湖北楚禾农产品供应链有限公司"])
    }

    @Test func aBrokerIsTheProviderOfABrokerageContractAndAThirdPartyBesideSellerAndBuyer() {
        #expect(parties("居间合同\n委托人：王五\n居间人：青岛安家房产经纪有限公司\n", "service").last == "居间人|provider|青岛安家房产经纪有限公司")
        #expect(parties("房屋买卖合同\n出卖人：王五\n买受人：赵六\n居间方：青岛安家房产经纪有限公司\n", "house_sale").last == "居间方|other|青岛安家房产经纪有限公司")
    }

    /// Role words of procurement and secured loans: 采购人/供应商 buy and sell, a 抵押人 gives security.
    @Test func procurementAndSecurityRoles() {
        let buy = "政府采购合同\n采购人（甲方）：某某市第一中学\n供应商（乙方）：某某教育装备有限公司\n第一条 乙方向甲方供应课桌椅。\n"
        #expect(parties(buy, "sale_of_goods") == ["甲方|buyer|某某市第一中学", "乙方|seller|某某教育装备有限公司"])
        let loan = "抵押借款合同\n贷款人（甲方）：某某小额贷款股份有限公司\n借款人（乙方）：某某食品有限公司\n抵押人（丙方）：张三\n第一条 甲方向乙方提供借款。\n"
        #expect(parties(loan, "loan").last == "丙方|guarantor|张三")
    }

    /// Role words of works design, labour dispatch and exhibitions: 设计人 serves the 发包人; the
    /// 派遣单位 employs the worker the 用工单位 uses, whatever the category says of 甲方/乙方.
    @Test func designDispatchAndExhibitionRoles() {
        let design = "建设工程设计合同\n发包人：某某置业有限公司\n设计人：某某建筑设计研究院有限公司\n第一条 设计人按约定完成设计。\n"
        #expect(parties(design, "service") == ["发包人|client|某某置业有限公司", "设计人|provider|某某建筑设计研究院有限公司"])
        let dispatch = "劳务派遣协议\n甲方（派遣单位）：某某人力资源服务有限公司\n乙方（用工单位）：某某物流有限公司\n丙方（被派遣劳动者）：陈某\n第一条 派遣岗位\n"
        #expect(parties(dispatch, "labor") == ["甲方|employer|某某人力资源服务有限公司", "乙方|client|某某物流有限公司", "丙方|employee|陈某"])
        let fair = "参展服务合同\n甲方（参展方）：某某科技有限公司\n乙方（主办方）：某某会展服务有限公司\n第一条 展位\n"
        #expect(parties(fair, "service") == ["甲方|client|某某科技有限公司", "乙方|provider|某某会展服务有限公司"])
    }

    /// Role words of tourism, domestic service and order farming: the 旅行社 and the 家政服务机构
    /// serve, the 收购方 buys what the 种植方 grows.
    @Test func tourismHomeServiceAndOrderFarmingRoles() {
        let tour = "团队境内旅游合同\n旅游者（甲方）：陈某\n旅行社（乙方）：某某国际旅行社有限公司\n第一条 旅游行程\n"
        #expect(parties(tour, "service") == ["甲方|client|陈某", "乙方|provider|某某国际旅行社有限公司"])
        // A party table with the parties as columns and alternative labels for one field (名称/姓名).
        let table = "团队境内旅游合同\n| 项目 | 旅游者（甲方） | 旅行社（乙方） |\n| --- | --- | --- |\n| 名称/姓名 | 陈某 | 某某国际旅行社有限公司 |\n| 证件号码 | 身份证 420106198305276728 | 统一社会信用代码 91420100MA4K6BY28U |\n| 电话 | 186 2741 5093 | 027-8577 3316 |\n\n第一条 旅游行程\n"
        #expect(parties(table, "service") == ["甲方|client|陈某", "乙方|provider|某某国际旅行社有限公司"])
        #expect(details(table, "service").contains("甲方|phone|18627415093"))
        // A remark after the name in a cell is dropped, as in running text.
        let remark = table.replacingOccurrences(of: "| 陈某 |", with: "| 陈某（代表同行 3 人） |")
        #expect(parties(remark, "service") == ["甲方|client|陈某", "乙方|provider|某某国际旅行社有限公司"])
        let repair = "机动车维修服务合同\n托修方（甲方）：陈某\n承修方（乙方）：某某汽车维修服务有限公司\n第一条 维修项目\n"
        #expect(parties(repair, "other_contract") == ["甲方|client|陈某", "乙方|provider|某某汽车维修服务有限公司"])
        let gym = "健身会员服务合同\n甲方（经营者）：某某健身管理有限公司\n乙方（会员）：王某\n第一条 会籍\n"
        #expect(parties(gym, "service") == ["甲方|provider|某某健身管理有限公司", "乙方|client|王某"])
        let farm = "加工番茄订单收购合同\n收购方（甲方）：某某番茄制品有限公司\n种植方（乙方）：马某\n第一条 种植面积\n"
        #expect(parties(farm, "sale_of_goods") == ["甲方|buyer|某某番茄制品有限公司", "乙方|seller|马某"])
    }

    /// An OCR-like block: an address cut by a hard wrap does not end the block, and an ID split by a
    /// space reads whole.
    @Test func aWrappedValueAndASpacedID() {
        let text = "借款合同\n\n出借人（甲方）：周某某\n身份证号：4403061978 11025825\n住址：深圳市福田区景田北路 1\n2 号景丽花园 6 栋\n联系电话：1 3 6 0 2 5 8 7 1 4 9\n\n第一条 借款金额\n"
        #expect(details(text, "loan") == ["甲方|id|440306197811025825", "甲方|phone|13602587149"])
    }

    /// Details written as running prose after the name (，统一社会信用代码…，住所…，联系电话…): labels after
    /// commas without colons, and a name cut before 男/女.
    @Test func detailsInRunningProse() {
        let text = "劳动合同\n用人单位（甲方）：上海某某科技股份有限公司，统一社会信用代码91310115MA1K4T6R20，住所上海市闵行区，联系电话021-6439 8150。\n劳动者（乙方）：陆某，男，居民身份证号码320502199006241530，户籍地址江苏省苏州市，手机139 1628 4407。\n第一条 合同期限\n"
        #expect(parties(text, "labor") == ["甲方|employer|上海某某科技股份有限公司", "乙方|employee|陆某"])
        #expect(details(text, "labor") == ["乙方|id|320502199006241530", "乙方|phone|13916284407",
                                           "甲方|id|91310115MA1K4T6R20", "甲方|phone|02164398150"])
    }

    /// A Hong Kong bank account named in a clause (存入甲方指定之銀行戶口：…，戶口號碼 …).
    @Test func aHongKongBankAccountInAClause() {
        let text = "住宅物業租賃合約\n出租人（甲方）：陳某某\n承租人（乙方）：李某某\n一、租金\n乙方須將租金存入甲方指定之銀行戶口：香港上海滙豐銀行，戶口號碼 004-512-306718-838，戶名陳某某。\n"
        #expect(details(text, "lease").contains("甲方|account|004512306718838"))
    }

    /// A Traditional text's role labels are reported as written (僱主, not the normalized 雇主), in the
    /// parties and in who must act.
    @Test func rolesAsWrittenInATraditionalText() {
        let text = "僱傭合約\n僱主：某某有限公司\n僱員：陳大文\n第一條 僱員須於收到通知後七天內到職。\n"
        let r = report(text, "labor")
        #expect(r.parties.map(\.role) == ["僱主", "僱員"])
        #expect(r.deadlines.map(\.obligor) == ["僱員"])
    }
}
