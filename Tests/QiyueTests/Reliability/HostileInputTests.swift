import Foundation
import Testing
@testable import Qiyue

/// The hostile inputs found so far, each a class with its regression test.
@Suite struct HostileInputTests {
    // MARK: YAML

    static let aliasBomb = """
    id: bomb
    severity: low
    title: x
    message: x
    params:
      a: &a ["x","x","x","x","x","x","x","x","x"]
      b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
      c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
      d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
      e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
      f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
      g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
      h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
      i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
    when:
      text: x
    """

    @Test func aliasBombRuleFileIsRefusedBeforeExpanding() throws {
        let parsed = RiskRuleParser.parse(yaml: Self.aliasBomb, path: "bomb.yaml")
        #expect(parsed.rule == nil)
        #expect(parsed.diagnostics.contains { $0.message.contains("alias bomb") })
    }

    @Test func aliasBombDataFileIsACodedError() throws {
        #expect(throws: QiyueError.self) { try BoundedYAML.load(Self.aliasBomb, path: "x.yaml") }
        do { _ = try BoundedYAML.load(Self.aliasBomb, path: "x.yaml") } catch { #expect(error.code == .badRuleData) }
    }

    @Test func deepNestingIsRefusedBeforeComposing() throws {
        let deep = "x: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        #expect(throws: BoundedYAML.Problem.self) { try BoundedYAML.precheck(deep) }
        let parsed = RiskRuleParser.parse(yaml: "id: deep\nwhen:\n  " + deep, path: "deep.yaml")
        #expect(parsed.rule == nil)
        #expect(parsed.diagnostics.contains { $0.message.contains("deeper") })
    }

    @Test func ordinaryAnchorsStillWork() throws {
        let yaml = "base: &b {a: 1}\nuse: *b\nlist: [*b, *b]\n"
        let root = try #require(try BoundedYAML.load(yaml, path: "ok.yaml") as? [String: Any])
        #expect((root["use"] as? [String: Any])?["a"] as? Int == 1)
        #expect((root["list"] as? [Any])?.count == 2)
    }

    // MARK: Decoding

    @Test(arguments: [("UTF-32LE", [UInt8]([0xFF, 0xFE, 0x00, 0x00])), ("UTF-32BE", [UInt8]([0x00, 0x00, 0xFE, 0xFF]))])
    func utf32WithByteOrderMark(_ c: (String, [UInt8])) throws {
        let text = "租赁合同\n甲方：王建国"
        let body = try #require(ICUCharset.fromUTF16(Array(text.utf16), charset: c.0))
        let decoded = try TextDecoder().decode(c.1 + body, name: "x.txt")
        #expect(decoded.text == text)
        #expect(decoded.encoding == c.0)
    }

    @Test func deeplyNestedHTMLKeepsAllItsTextAndSaysHow() throws {
        let depth = 2_000
        let html = "<html><body><p>甲方：王建国</p>" + String(repeating: "<div>", count: depth) + "乙方：李晓明，违约金五千元"
            + String(repeating: "</div>", count: depth) + "<p>尾部文字 &amp; 结束</p></body></html>"
        let decoded = try TextDecoder().decode(Array(html.utf8), name: "deep.html")
        #expect(decoded.text.contains("甲方：王建国"))
        #expect(decoded.text.contains("乙方：李晓明，违约金五千元"))
        #expect(decoded.text.contains("尾部文字 & 结束"))
        #expect(decoded.warnings.map(\.code) == [QiyueError.Code.markupFallback.rawValue])
        let pipeline = try Pipeline()
        let report = pipeline.report(decoded, source: SourceInfo(path: "deep.html", format: .html))
        #expect(report.warnings?.map(\.code) == ["Q107"])
    }

    @Test func shallowHTMLHasNoWarning() throws {
        let decoded = try TextDecoder().decode(Array("<html><body><div><p>甲方：王建国</p></div></body></html>".utf8), name: "a.html")
        #expect(decoded.warnings.isEmpty)
        #expect(decoded.text.contains("王建国"))
    }

    @Test func fifoAndDevicesAreRefusedAtOnce() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for path in [fifo, "/dev/zero"] {
            do {
                _ = try TextDecoder().decode(contentsOf: path)
                Issue.record("\(path) was read")
            } catch {
                #expect(error.code == .unreadable)
                #expect(error.message.contains("not a regular file"))
            }
        }
    }

    @Test func fileNameThatIsNotUTF8IsFoundAndShownEscaped() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let raw = Array(dir.path.utf8) + Array("/合同-".utf8) + [0xFF, 0xFE] + Array(".txt".utf8)
        let fd = open(raw.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT, 0o600)
        #expect(fd >= 0)
        let body = Array("甲方：王建国\n".utf8)
        _ = body.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let decoded = try TextDecoder().decode(contentsOfRawPath: raw)
        #expect(decoded.text == "甲方：王建国\n")
        #expect(FileReader.displayName(raw).hasSuffix("/合同-\\xFF\\xFE.txt"))
        do {
            _ = try TextDecoder().decode(contentsOfRawPath: raw.dropLast(4) + Array(".doc".utf8))
            Issue.record("a missing file was read")
        } catch {
            #expect(error.message == "no such file")
            #expect(error.path?.contains("\\xFF\\xFE") == true)
        }
    }

    // MARK: Budgets

    @Test func characterBudgetIsAWarningWithTheSpanLeftOut() throws {
        var limits = AnalysisLimits()
        limits.maxCharacters = 40
        let pipeline = try Pipeline(limits: limits)
        let text = "房屋租赁合同\n出租方（甲方）：王建国\n承租方（乙方）：李晓明\n第一条 月租金人民币3000元，乙方应于每月5日前支付。\n第二条 押金6000元。"
        let (report, doc) = pipeline.report(text: text, category: "lease")
        let w = try #require(report.warnings?.first { $0.code == "Q600" })
        let span = try #require(w.span)
        #expect(span.start == 40 && span.end == text.unicodeScalars.count)
        #expect(doc.normalizedText.unicodeScalars.count == 40)
        #expect(report.amounts.allSatisfy { $0.span.end <= 40 })
        let json = try JSONEncoder().encode(report)
        #expect(String(decoding: json, as: UTF8.self).contains("\"warnings\""))
    }

    @Test func noWarningsKeyWithoutWarnings() throws {
        let (report, _) = try Pipeline().report(text: "房屋租赁合同\n出租方（甲方）：王建国\n月租金3000元。", category: "lease")
        #expect(report.warnings == nil)
        #expect(!String(decoding: try JSONEncoder().encode(report), as: UTF8.self).contains("warnings"))
    }

    // MARK: Numbering

    @Test func seriesNumbersPast999() throws {
        #expect(HeadingScanner.chineseNumber(Array("一千零一".unicodeScalars.map(\.value)), 0, 4)?.value == 1001)
        #expect(HeadingScanner.chineseNumber(Array("一万二千三百".unicodeScalars.map(\.value)), 0, 6)?.value == 12300)
        #expect(DocumentSplitter.number(Array("1234篇".unicodeScalars.map(\.value)), 0)?.value == 1234)
        // Clause markers keep three digits, so that a year is no heading.
        #expect(HeadingScanner.match(Array("2023.".unicodeScalars.map(\.value)), at: 0, limit: 5) == nil)
    }
}

/// Page splitting and the per-match regex limit, seen from the whole pipeline.
@Suite struct HostilePipelineTests {
    @Test func pageSeriesNumberedPast999IsSplitThroughout() throws {
        var text = "客户合同范文大全\n\n"
        for n in [998, 999, 1000, 1001, 1002] {
            text += "客户合同范文\(n)\n\n甲方:          乙方:\n\n一、乙方自合同签订之日起使用甲方提供的服务。\n\n"
        }
        let (_, parts) = try ClassificationTests.split(text)
        #expect(parts.map(\.title) == [998, 999, 1000, 1001, 1002].map { "客户合同范文\($0)" })
    }

    @Test func regexTimeLimitReachesTheReportAsQ202() throws {
        let evil = RiskFixtures.ruleYAML(id: "evil", when: "  text: '(a+)+$'")
        let pipeline = try Pipeline(risks: .engine(try RiskFixtures.engine([evil], timeLimit: 50)))
        let text = "借款合同\n甲方：张三\n乙方：李四\n" + String(repeating: "a", count: 60) + "!\n第一条 借款金额人民币10000元。"
        let (report, _) = pipeline.report(text: text, category: "loan")
        let w = try #require(report.warnings?.first)
        #expect(w.code == "Q202")
        #expect(w.message.contains("rule 'evil'"))
    }
}
