import Testing
@testable import Qiyue

/// An amount written in words with its figures (rule money.words-figures): the words decide, as is
/// customary, unless they were only partly read.
@Suite struct WordsAndFiguresTests {
    func amount(_ text: String) throws -> EntityValue? {
        let kb = try KnowledgeBase()
        let doc = try Analyzer(knowledge: kb).analyze(text: text)
        return EntityExtractor(knowledge: kb).extract(doc, dims: [.money]).first { $0.rule == "money.words-figures" }?.value
    }

    @Test func theWordsDecideAMismatch() throws {
        let v = try #require(try amount("成交价为人民币叁佰贰拾万元整（¥3,230,000.00）。"))
        #expect(v.value == 3_200_000)
        #expect(v.words?.value == 3_200_000 && v.figures?.value == 3_230_000)
    }

    /// OCR misread two numerals (叁佰贰拾 → 会佰乱拾): only 拾万元整 parses, right after a numeral
    /// and one unreadable character. Those words are no reading; the figures decide.
    @Test(arguments: ["人民币会佰乱拾万元整(¥3,230,000.00)", "人民币过佰融拾万元整(¥1,200,000.00)"])
    func wordsReadOnlyInPartGiveWayToTheFigures(_ text: String) throws {
        let v = try #require(try amount(text))
        #expect(v.value == v.figures?.value)
        #expect(v.words == nil)
    }

    @Test func wordsThatAgreeStay() throws {
        let v = try #require(try amount("首付款人民币陆拾伍万元整（¥650,000.00）"))
        #expect(v.value == 650_000 && v.words?.value == 650_000)
    }
}
