import Foundation
import Testing
@testable import Qiyue

/// Splitting pages into documents and classifying them: the Corpus targets, and tricky cases.
@Suite struct ClassificationTests {
    static let corpus = TestSupport.root.appendingPathComponent("Corpus").path

    // MARK: Corpus targets

    @Test func corpusTargets() throws {
        let report = try SplitEvaluation.run(corpus: Self.corpus, analyzer: try TestSupport.analyzer())
        let text = report.renderText()
        #expect(report.goldDocuments >= 70, "\(text)")
        #expect(report.classified >= 120, "\(text)")
        #expect(report.boundaryRecall >= 0.95, "\(text)")
        #expect(report.spuriousRate <= 0.05, "\(text)")
        #expect(report.contractAccuracy >= 0.97, "\(text)")
        #expect(report.categoryAccuracy >= 0.9, "\(text)")
        // Every category and genre is represented in the evaluation.
        for label in ClassifierData.categories + ClassifierData.genres {
            #expect(report.confusion[label] != nil, "no gold document labelled \(label)")
        }
    }

    // MARK: Classification

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var isContract: Bool
        var label: String
        var testDescription: String { String(text.prefix(12)) + " → " + label }
    }

    static let cases: [Case] = [
        Case(text: """
            合同管理员岗位职责

            1、负责公司各类合同的起草、审核和签订工作，确保合同条款合法有效。
            2、负责合同台账的登记和归档，跟踪合同履行情况，对违约情况及时报告。
            3、协助处理合同纠纷，配合律师做好诉讼、仲裁相关工作。
            4、完成领导交办的其他工作。
            """, isContract: false, label: "job_duties"),
        Case(text: """
            二手车买卖合同

            卖方（甲方）：__________  身份证号：__________
            买方（乙方）：__________  身份证号：__________

            一、甲方将车牌号为________的小型轿车一辆出售给乙方，车架号________，发动机号________。
            二、车辆价款人民币________元，乙方于本合同签订当日一次性付清。
            三、甲方于收到车款后三日内交付车辆及行驶证、登记证书，并协助乙方办理过户手续。
            四、任何一方违约的，应向对方支付车款总额20%的违约金。
            五、本合同一式两份，双方签字后生效。

            甲方（签字）：          乙方（签字）：
            """, isContract: true, label: "vehicle_sale"),
        Case(text: """
            房屋租赁合同

            出租方（甲方）：__________
            承租方（乙方）：__________

            第一条 甲方将位于________的房屋出租给乙方居住使用，建筑面积____平方米。
            第二条 租赁期限为一年，自____年__月__日起至____年__月__日止。
            第三条 月租金人民币________元，乙方应于每月5日前支付；乙方另向甲方交纳押金________元。
            第四条 乙方不得擅自转租。乙方逾期支付租金超过十五日的，甲方有权解除本合同。
            第五条 本合同一式两份，自双方签字之日起生效。

            甲方（签字）：          乙方（签字）：
            """, isContract: true, label: "lease"),
        Case(text: """
            房屋买卖合同

            出卖人（甲方）：__________
            买受人（乙方）：__________

            第一条 甲方将其所有的位于________的房屋出售给乙方，建筑面积____平方米，产权证号________。
            第二条 房屋总价款人民币________元。乙方于本合同签订之日支付定金________元，余款于过户当日付清。
            第三条 甲方应于收到全部房款后七日内交房，并配合乙方办理产权过户手续。
            第四条 甲方逾期交房的，每逾期一日按房款的万分之五向乙方支付违约金。
            第五条 本合同自双方签字之日起生效。

            出卖人（签字）：        买受人（签字）：
            """, isContract: true, label: "house_sale"),
        Case(text: """
            借款合同

            出借人（甲方）：__________
            借款人（乙方）：__________

            一、乙方向甲方借款人民币________元，借款期限自____年__月__日至____年__月__日。
            二、借款年利率为____%，乙方应于借款到期日一次性归还本金及利息。
            三、乙方逾期还款的，应按逾期金额每日万分之五支付逾期利息。
            四、本合同自双方签字之日起生效。

            甲方（签字）：          乙方（签字）：
            """, isContract: true, label: "loan"),
        Case(text: """
            劳动合同书

            甲方（用人单位）：__________
            乙方（劳动者）：__________

            第一条 本合同期限为三年，其中试用期两个月。
            第二条 乙方同意在甲方从事销售工作，工作地点为________。
            第三条 甲方每月15日前以货币形式支付乙方工资，月工资________元。
            第四条 甲方依法为乙方缴纳社会保险。
            第五条 本合同一式两份，经双方签字盖章后生效。

            甲方（盖章）：          乙方（签字）：
            """, isContract: true, label: "labor"),
        Case(text: """
            合同管理工作总结

            今年以来，我们在公司领导的正确领导下，认真做好合同管理各项工作，全年共审核合同二百余份，
            其中采购合同、销售合同、租赁合同均按照规定程序审批。我们建立了合同台账，回顾一年来的工作，
            取得了一定成绩，也存在一些不足，例如部分合同归档不及时。明年我们将进一步加强合同履行的跟踪管理。
            """, isContract: false, label: "work_summary"),
        Case(text: """
            过户合同篇3

            关键词:政企客户;网上营业厅;网络营销

            随着移动互联网的发展，政企客户对网上营业厅的需求越来越多。本文分析了政企网厅的现状及背景，
            研究其角色定位和功能定位，并提出了规划与建设的思路。我们认为，政企网厅建设的重点在于客户价值的提升。
            """, isContract: false, label: "article"),
        // Advertising is a service; a factoring contract is no loan for its financing words.
        Case(text: """
            户外广告发布合同

            甲方（广告主）：杭州青柚餐饮管理有限公司
            乙方（发布方）：杭州城联传媒有限公司

            第一条 乙方为甲方在地铁站内灯箱发布广告，发布期限自2026年11月1日起至2027年1月31日止。
            第二条 广告发布费共计人民币12,000元，甲方应于本合同签订后五日内支付。
            第三条 乙方未按约定发布的，应按未发布天数退还相应费用。
            第四条 本合同自双方签字盖章之日起生效。

            甲方（盖章）：          乙方（盖章）：
            """, isContract: true, label: "service"),
        Case(text: """
            有追索权保理合同

            保理人（甲方）：上海恒信商业保理有限公司
            债权人（乙方）：苏州宏达机械制造有限公司

            第一条 乙方将其对买方的应收账款转让给甲方，甲方按应收账款金额的80%向乙方发放保理融资款。
            第二条 保理融资利息按年利率6%计算，乙方应于每月20日前支付利息。
            第三条 应收账款到期未获清偿的，甲方有权要求乙方回购应收账款。
            第四条 本合同自双方签字盖章之日起生效。

            甲方（盖章）：          乙方（盖章）：
            """, isContract: true, label: "other_contract"),
        // Repairing a car is a work contract, not a vehicle sale; an internship is labour.
        Case(text: """
            机动车维修服务合同

            托修方（甲方）：陈某某
            承修方（乙方）：某某汽车维修服务有限公司

            第一条 甲方委托乙方对其所有的车辆进行事故维修，车牌号苏A·12345，车架号LSVAU2180N2123456。
            第二条 维修费用合计人民币8380元，甲方应于交车时付清。
            第三条 维修质量保证期为三个月或行驶5000公里。
            第四条 本合同自双方签字盖章之日起生效。

            甲方（签字）：          乙方（盖章）：
            """, isContract: true, label: "other_contract"),
        Case(text: """
            大学生实习协议

            甲方（实习单位）：某某智能科技有限公司
            乙方（实习生）：苏某某

            第一条 乙方在甲方软件部实习，实习期自2026年7月1日起至2026年8月31日止。
            第二条 甲方每月向乙方发放实习补贴人民币3000元，并为乙方购买意外伤害保险。
            第三条 乙方应遵守甲方的规章制度和保密规定。
            第四条 本协议自双方签字之日起生效。

            甲方（盖章）：          乙方（签字）：
            """, isContract: true, label: "labor"),
        // A package tour names vehicles, insurance and accidents, but it is a service.
        Case(text: """
            团队境内旅游合同

            旅游者（甲方）：陈某某
            旅行社（乙方）：某某国际旅行社有限公司

            第一条 乙方组织甲方参加云南六日游，行程以《行程单》为准，旅游车辆由乙方安排。
            第二条 甲方应于出发前7日付清团费人民币13960元。
            第三条 乙方应为甲方投保旅行社责任保险；因交通事故造成甲方损失的，乙方应协助索赔。
            第四条 本合同自双方签字盖章之日起生效。

            甲方（签字）：          乙方（盖章）：
            """, isContract: true, label: "service"),
        // Supervising construction is a service (an entrustment); a labour subcontract, the supply of
        // heat and a consignment for sale (寄售, 行纪) are other contracts.
        Case(text: """
            建设工程监理合同

            委托人（甲方）：某某置业有限公司
            监理人（乙方）：某某工程监理有限公司

            第一条 甲方委托乙方对某某花园二期住宅工程的施工阶段进行监理。
            第二条 监理期限自开工之日起至竣工验收合格之日止。
            第三条 监理酬金为人民币叁拾陆万元，甲方按季度支付。
            第四条 乙方未履行监理职责给甲方造成损失的，应当赔偿甲方的损失。
            第五条 本合同自双方签字盖章之日起生效。

            甲方（盖章）：          乙方（盖章）：
            """, isContract: true, label: "service"),
        Case(text: """
            建设工程劳务分包合同

            承包人（甲方）：某某建工集团有限公司
            劳务分包人（乙方）：某某建筑劳务有限公司

            第一条 甲方将某某大厦主体结构工程的木工、钢筋工劳务分包给乙方。
            第二条 劳务分包工期为245日历天。
            第三条 劳务报酬按建筑面积每平方米人民币180元计算，甲方按月支付已完工程劳务款的80%。
            第四条 乙方应为其施工人员缴纳工伤保险，并按时足额支付劳务人员工资。
            第五条 本合同自双方签字盖章之日起生效。

            甲方（盖章）：          乙方（盖章）：
            """, isContract: true, label: "other_contract"),
        Case(text: """
            城市集中供热用热合同

            供热人（甲方）：某某热力有限责任公司
            用热人（乙方）：张三

            第一条 甲方向乙方位于某某小区3号楼2单元501室的住宅供热，供热面积98平方米。
            第二条 采暖期为每年11月1日至次年3月31日，室内温度不低于18℃。
            第三条 热费按每平方米每采暖期人民币26元计收，乙方应于10月31日前交清。
            第四条 乙方逾期交纳热费的，每逾期一日按应交热费的千分之一支付违约金。
            第五条 本合同自双方签字之日起生效。

            甲方（盖章）：          乙方（签字）：
            """, isContract: true, label: "other_contract"),
        Case(text: """
            藝術品委託寄售合約書

            委託人（甲方）：張三
            受託人（乙方）：某某畫廊有限公司

            第一條 甲方委託乙方以乙方名義出售甲方創作之油畫作品五件，底價詳列於附表。
            第二條 寄售期間自民國116年3月1日起至民國116年8月31日止。
            第三條 作品售出後，乙方得按成交價之百分之二十收取報酬，餘款於售出後十日內匯付甲方。
            第四條 乙方逾期匯付價金者，應按逾期金額依週年利率百分之五加付遲延利息。
            第五條 本合約自雙方簽章之日起生效。

            甲方（簽章）：          乙方（簽章）：
            """, isContract: true, label: "other_contract"),
    ]

    @Test(arguments: cases)
    func classifies(_ c: Case) throws {
        let analyzer = try TestSupport.analyzer()
        let classifier = try DocumentClassifier(knowledge: analyzer.knowledge)
        let result = classifier.classify(analyzer.analyze(text: c.text))
        #expect(result.isContract == c.isContract, "\(result)")
        #expect((c.isContract ? result.category : result.genre) == c.label, "\(result)")
        #expect(c.isContract ? result.genre == nil : result.category == nil)
        #expect(result.confidence > 0 && result.confidence <= 1)
        #expect(!result.features.isEmpty)
        // Strongest first.
        let weights = result.features.map { abs($0.weight) }
        #expect(weights == weights.sorted(by: >))
    }

    @Test func titleSayingContractIsNotEnough() throws {
        let analyzer = try TestSupport.analyzer()
        let classifier = try DocumentClassifier(knowledge: analyzer.knowledge)
        let text = "客户合同管理职责\n\n1、负责客户合同的登记和归档。\n2、协助部门经理跟踪合同履行。\n3、完成领导交办的其他工作。\n"
        let result = classifier.classify(analyzer.analyze(text: text))
        #expect(!result.isContract)
        #expect(result.genre == "job_duties")
        #expect(result.features.contains { $0.name == "title.non_contract_genre" && $0.weight < 0 })
    }

    @Test func classifiesAPartOfAPage() throws {
        let analyzer = try TestSupport.analyzer()
        let classifier = try DocumentClassifier(knowledge: analyzer.knowledge)
        let page = try analyzer.analyze(contentsOf: Self.corpus + "/pages/000_d915155119d6f3bb.txt")
        let parts = try DocumentSplitter(knowledge: analyzer.knowledge).split(page)
        let car = try #require(parts.first { $0.startLine == 107 })
        let c = classifier.classify(page, range: car.range)
        #expect(c.isContract && c.category == "vehicle_sale")
        let essay = try #require(parts.first { $0.startLine == 173 })
        #expect(!classifier.classify(page, range: essay.range).isContract)
    }

    @Test func rejectsMisspelledFeatureKeys() throws {
        // `scope` is optional, so only the strict key check notices the typo.
        let dir = try TestSupport.rulesCopy(editing: "classification/features.yaml") { yaml in
            #expect(yaml.contains("    scope: title\n    words: [合同,"))
            return yaml.replacingOccurrences(of: "    scope: title\n    words: [合同,", with: "    scpoe: title\n    words: [合同,")
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: QiyueError.self) { try KnowledgeBase(directory: dir.path) }
    }

    // MARK: Splitting

    static func split(_ text: String) throws -> (Document, [DocumentPart]) {
        let analyzer = try TestSupport.analyzer()
        let doc = analyzer.analyze(text: text)
        return (doc, try DocumentSplitter(knowledge: analyzer.knowledge).split(doc))
    }

    @Test func numberedSeriesWithFrontMatter() throws {
        let text = """
            客户合同范例3篇

            时间:2024-01-02

            客户合同范文1

            甲方:          乙方:

            一、乙方自合同签订之日起使用甲方提供的服务。

            客户合同范文2

            甲方:          乙方:

            一、本协议一式两份。

            客户合同范文3

            随着市场竞争的加剧，客户关系管理越来越重要。
            """
        let (doc, parts) = try Self.split(text)
        #expect(parts.map(\.startLine) == [5, 11, 17])
        #expect(parts.map(\.title) == ["客户合同范文1", "客户合同范文2", "客户合同范文3"])
        // Parts are contiguous, start at their title line, and the last one runs to the end.
        let lines = text.components(separatedBy: "\n")
        let lineStart = lines.prefix(4).map { $0.unicodeScalars.count + 1 }.reduce(0, +)
        #expect(parts[0].span.start == lineStart)
        #expect(parts[0].span.end == parts[1].span.start)
        #expect(parts[2].span.end == doc.originalScalars.count)
        #expect(doc.originalText(parts[1].span).hasPrefix("客户合同范文2"))
        #expect(doc.normalizedText(parts[2].range).hasPrefix("客户合同范文3"))
    }

    @Test func groupHeadingsStartNoDocument() throws {
        let text = """
            过户合同篇1

            房屋买卖合同范文一

            甲方:   乙方:   经双方协商一致，订立本合同。

            房屋买卖合同范文二

            甲方:   乙方:   经双方协商一致，订立本合同。

            过户合同篇2

            买车合同协议书范文1出售方(简称甲方):

            一、甲方将车辆出售给乙方。

            买车合同协议书范文2甲方(售车方):

            一、甲方将车辆出售给乙方。

            过户合同篇3

            政企客户的网上营业厅建设需要从客户的角度出发。
            """
        let (_, parts) = try Self.split(text)
        #expect(parts.map(\.startLine) == [3, 7, 13, 17, 21])
        #expect(parts[2].title == "买车合同协议书范文1")
        #expect(parts[3].title == "买车合同协议书范文2")
        #expect(parts[4].title == "过户合同篇3")
    }

    @Test func singleDocumentIsOnePart() throws {
        let text = "房屋租赁合同\n\n出租方(甲方):张三\n承租方(乙方):李四\n\n第一条 租赁期限一年。\n\n补充协议\n\n双方另行约定的事项以本合同为准，本合同未尽事宜双方协商解决。\n"
        let (doc, parts) = try Self.split(text)
        #expect(parts.count == 1)
        #expect(parts[0].startLine == 1)
        #expect(parts[0].title == "房屋租赁合同")
        #expect(parts[0].range == 0..<doc.normalized.count)
        #expect(parts[0].span == TextSpan(0, doc.originalScalars.count))
    }

    @Test func subheadingsDoNotSplitADocument() throws {
        let para = String(repeating: "今年我们认真完成了合同审核、台账登记和归档工作，取得了较好的成绩，也存在一些不足。", count: 3)
        let text = "2024年合同管理工作总结\n\n\(para)\n\n下一步工作计划\n\n\(para)\n"
        let (_, parts) = try Self.split(text)
        #expect(parts.count == 1)
        #expect(parts.first?.title == "2024年合同管理工作总结")
    }

    @Test func listingWithoutNumbering() throws {
        // Titles repeated and followed by text, no blank lines: a document-preview listing.
        let body = String(repeating: "随着市场竞争的加剧，集团客户的管理越来越重要，银行需要建立完善的客户管理体系。", count: 4)
        let text = """
            (客户管理)关于集团客户部的一些建议
            浅谈客户经营
            浅谈客户经营
            \(body)
            客户经理工作总结
            客户经理工作总结
            \(body)
            公司客户管理制度
            \(body)
            """
        let (_, parts) = try Self.split(text)
        #expect(parts.map(\.startLine) == [2, 5, 8])
        #expect(parts.map(\.title) == ["浅谈客户经营", "客户经理工作总结", "公司客户管理制度"])
    }

    @Test(arguments: [
        ("过户合同篇3", "篇:过户合同"), ("客户合同范文2", "范文:客户合同"), ("范文一", "范文:"),
        ("客户部 第4篇", "第N篇"), ("第1篇:对公司未来发展的几点建议", "第N篇"), ("公司客户管理制度「篇一」", "篇:公司客户管理制度"),
    ])
    func recognizesNumberedHeadings(_ line: String, _ series: String) throws {
        let splitter = try DocumentSplitter(knowledge: TestSupport.analyzer().knowledge)
        let cue = splitter.cue(line.unicodeScalars.map(\.value))
        #expect(cue?.series == series)
    }

    @Test(arguments: ["过户合同十篇", "客户合同范例6篇", "一、价款", "本合同一式两份,双方各执一份。", "详见范文1中的约定,双方应当遵守。"])
    func rejectsNonHeadings(_ line: String) throws {
        let splitter = try DocumentSplitter(knowledge: TestSupport.analyzer().knowledge)
        #expect(splitter.cue(line.unicodeScalars.map(\.value)) == nil)
    }
}
