import Foundation
import Testing
@testable import Qiyue

@Suite struct TokenizerTests {
    /// Terms that must be single tokens with correct original spans, on sentences from the seeds.
    @Test(arguments: [
        ("五、甲乙双方如有一方违约,按房款的百分之十赔付给对方。", "百分之十"),
        ("房款", "房款"),
        ("总价款人民币 元整(¥ 元)。", "总价款"),
        ("违约金", "违约金"),
        ("定金", "定金"),
        ("甲方", "甲方"),
        ("1%", "1%"),
        ("¥10000.00", "¥10000.00"),
        ("2014年", "2014年"),
    ])
    func seedTermsAreTokens(_ needle: String, _ token: String) throws {
        let line = try #require(TestSupport.seedLine(containing: needle), "no seed line contains \(needle)")
        let doc = try TestSupport.analyzer().analyze(text: line)
        let found = doc.tokens.first { doc.normalizedText(of: $0) == token }
        let t = try #require(found, "\(token) is not a token in: \(line)")
        let span = doc.originalSpan(of: t)
        let offset = try #require(TestSupport.scalarOffset(of: token, in: line))
        #expect(span == TextSpan(offset, offset + token.unicodeScalars.count))
        #expect(doc.originalText(span) == token)
    }

    /// ICU's zh dictionary alone splits these terms; the lexicon overlay must join them.
    @Test(arguments: [("甲方", "甲方自愿将房屋卖给乙方"), ("违约金", "乙方应支付违约金"), ("人民币", "总价款人民币壹佰万元"),
                      ("总价款", "总价款人民币壹佰万元"), ("过户", "甲方保证在该楼过户时积极提供协助")])
    func lexiconFixesICUSplits(_ term: String, _ sentence: String) throws {
        let breaker = try ICUWordBreaker()
        let units = Array(sentence.utf16)
        let (offsets, _) = breaker.boundaries(units)
        let start = try #require(TestSupport.scalarOffset(of: term, in: sentence))
        let end = start + term.count
        let inner = offsets.map(Int.init).filter { $0 > start && $0 < end }
        #expect(!inner.isEmpty, "ICU no longer splits \(term); the test premise changed")
        let doc = try TestSupport.analyzer().analyze(text: sentence)
        #expect(doc.tokens.contains { doc.normalizedText(of: $0) == term && $0.isTerm })
    }

    @Test func seedSentencesKeepDomainTerms() throws {
        let line = try #require(TestSupport.seedLine(containing: "总价款人民币"))
        let doc = try TestSupport.analyzer().analyze(text: line)
        let texts = doc.tokens.map { doc.normalizedText(of: $0) }
        #expect(texts.contains("总价款"))
        #expect(texts.contains("人民币"))
        #expect(doc.tokens.contains { $0.kind == .blank })
    }

    @Test(arguments: ["1,850,000.00", "3.5万", "壹佰捌拾伍万", "二〇二五", "千分之五", "30%", "三万五", "1.2亿", "万分之五"])
    func numbersStayWhole(_ number: String) throws {
        let doc = try TestSupport.analyzer().analyze(text: "金额为\(number)元")
        #expect(doc.tokens.contains { doc.normalizedText(of: $0) == number && $0.kind == .number })
    }

    @Test(arguments: ["双方一致同意", "统一社会信用代码", "十分满意", "五角大楼", "任何一方"])
    func numeralWordsAreNotNumbers(_ text: String) throws {
        let doc = try TestSupport.analyzer().analyze(text: text)
        #expect(!doc.tokens.contains { $0.kind == .number })
    }

    @Test func spacedCharactersTokenizeWithSpacedSpans() throws {
        let text = "客 户 资 料"
        let doc = try TestSupport.analyzer().analyze(text: text)
        let t = try #require(doc.tokens.first)
        #expect(doc.normalizedText(of: t) == "客户")
        #expect(doc.originalText(of: t) == "客 户")
        #expect(doc.originalSpan(of: t) == TextSpan(0, 3))
    }

    @Test func blanksAreTokens() throws {
        let doc = try TestSupport.analyzer().analyze(text: "总价款人民币 元整(¥ 元)。乙方:_________\n日期:【】")
        let blanks = doc.tokens.filter { $0.kind == .blank }.map { doc.originalText(of: $0) }
        #expect(blanks == [" ", " ", "_________", "【】"])
    }

    @Test func tokenKinds() throws {
        let doc = try TestSupport.analyzer().analyze(text: "甲方ABC,¥")
        #expect(doc.tokens.map(\.kind) == [.word, .latin, .punctuation, .symbol])
    }

    @Test func everySeedFileSegments() throws {
        let analyzer = try TestSupport.analyzer()
        #expect(TestSupport.seedFiles.count >= 5)
        for f in TestSupport.seedFiles {
            let doc = try analyzer.analyze(contentsOf: f)
            #expect(doc.tokens.count > 1000)
            // Tokens are ordered and within the text.
            var last: Int32 = 0
            for t in doc.tokens {
                #expect(t.start >= last && t.end > t.start)
                last = t.end
            }
        }
    }
}

@Suite struct StructureTests {
    let text = """
    房屋买卖合同
    第一条 价款
    一、总价款人民币壹佰万元。
    二、付款方式：
    (1)首付款三十万元；
    (2)余款七十万元。
    第二条 违约责任
    乙方逾期付款的，每日按千分之五支付违约金。甲方逾期交房的，应双倍返还定金！
    """

    @Test func clauseTree() throws {
        let doc = try TestSupport.analyzer().analyze(text: text)
        #expect(doc.clauses.map(\.number) == ["第一条", "一、", "二、", "(1)", "(2)", "第二条"])
        #expect(doc.clauses.map(\.depth) == [0, 1, 1, 2, 2, 0])
        #expect(doc.clauses[0].title == "价款")
        #expect(doc.clauses[5].title == "违约责任")
        #expect(doc.clauses[3].parent == 2)
        let first = doc.originalText(doc.originalSpan(doc.clauses[0].range))
        #expect(first.hasPrefix("第一条 价款") && first.hasSuffix("余款七十万元。"))
    }

    @Test func sentencesKnowTheirClause() throws {
        let doc = try TestSupport.analyzer().analyze(text: text)
        let texts = doc.sentences.map { doc.normalizedText($0.range) }
        #expect(texts.contains("乙方逾期付款的,每日按千分之五支付违约金。"))
        #expect(texts.contains("甲方逾期交房的,应双倍返还定金!"))
        let s = try #require(doc.sentences.first { doc.normalizedText($0.range).hasPrefix("甲方逾期交房") })
        #expect(s.clause.map { doc.clauses[$0].number } == "第二条")
    }

    /// Numeral handling is data: a quantity word added to Rules/entities/numerals.yaml makes a lone
    /// numeral before it a number token, with no code change.
    @Test func numeralDataDrivesNumberTokens() throws {
        let dir = try TestSupport.rulesCopy(editing: "entities/numerals.yaml") { yaml in
            #expect(yaml.contains("quantityWords: [个,"))
            return yaml.replacingOccurrences(of: "quantityWords: [个,", with: "quantityWords: [把, 个,")
        }
        defer { try? FileManager.default.removeItem(at: dir) }

        let text = "交付一把钥匙和一个门卡"
        func numbers(_ analyzer: Analyzer) -> [String] {
            let doc = analyzer.analyze(text: text)
            return doc.tokens.filter { $0.kind == .number }.map { doc.normalizedText(of: $0) }
        }
        #expect(numbers(try TestSupport.analyzer()) == ["一"])     // 一个 only
        #expect(numbers(try Analyzer(knowledge: KnowledgeBase(directory: dir.path))) == ["一", "一"])
    }

    /// A Rules directory from before the numeral classes were data (no `capitals`, `quantityWords` …)
    /// still loads, and tokenizes as the shipped data does.
    @Test func olderNumeralDataStillLoads() throws {
        let dir = try TestSupport.rulesCopy(editing: "entities/numerals.yaml") { yaml in
            let cut = try #require(yaml.range(of: "\ncapitals:"))
            return String(yaml[..<cut.lowerBound]) + "\n"
        }
        defer { try? FileManager.default.removeItem(at: dir) }

        let text = "参加会议，价款参佰陆拾万元整，交付一个门卡，第三条，百分之十，统一办理"
        func tokens(_ analyzer: Analyzer) -> [String] {
            let doc = analyzer.analyze(text: text)
            return doc.tokens.map { "\(doc.normalizedText(of: $0))/\($0.kind)" }
        }
        let old = try Analyzer(knowledge: KnowledgeBase(directory: dir.path))
        #expect(tokens(old) == tokens(try TestSupport.analyzer()))
        #expect(tokens(old).contains("参佰陆拾万/number") && !tokens(old).contains("参/number"))
    }
}
