import Foundation
import Testing
@testable import Qiyue

@Suite struct TextDecoderTests {
    /// A contract in Traditional characters, so that Big5 can hold it too.
    static let contract = """
    房屋買賣合同
    出賣人(甲方)：王建國　身份證號：110105196803124518
    買受人(乙方)：李曉明
    第一條 總價款人民幣壹佰捌拾伍萬元整（1,850,000.00元）。
    第二條 乙方應於2025年3月15日前支付首付款，逾期每日按總價款的千分之五支付違約金。
    """

    static func encode(_ text: String, _ charset: String) -> [UInt8] {
        ICUCharset.fromUTF16(Array(text.utf16), charset: charset)!
    }

    @Test(arguments: ["UTF-8", "UTF-8-BOM", "UTF-16LE", "UTF-16BE", "GB18030", "Big5"])
    func sameTextInEveryEncoding(_ encoding: String) throws {
        let bytes: [UInt8]
        switch encoding {
        case "UTF-8": bytes = Array(Self.contract.utf8)
        case "UTF-8-BOM": bytes = [0xEF, 0xBB, 0xBF] + Array(Self.contract.utf8)
        case "UTF-16LE": bytes = [0xFF, 0xFE] + Self.encode(Self.contract, "UTF-16LE")
        case "UTF-16BE": bytes = [0xFE, 0xFF] + Self.encode(Self.contract, "UTF-16BE")
        default: bytes = Self.encode(Self.contract, encoding)
        }
        let decoded = try TextDecoder().decode(bytes, name: "contract.txt")
        #expect(decoded.text == Self.contract)
        let expected = encoding == "UTF-8-BOM" ? "UTF-8" : encoding
        #expect(decoded.encoding == expected)
    }

    @Test func shortGBKIsNotMistakenForKOI8R() throws {
        // ICU's detector alone reports a 15-byte GBK string as KOI8-R.
        let text = "甲方违约金五元"
        let bytes = Self.encode(text, "GB18030")
        #expect(bytes.count < 16)
        let decoded = try TextDecoder().decode(bytes)
        #expect(decoded.text == text)
        #expect(decoded.encoding == "GB18030")
    }

    @Test func simplifiedGBKText() throws {
        let text = "甲乙双方经协商一致，就房屋买卖事宜达成如下协议：总价款人民币壹佰万元整。"
        let decoded = try TextDecoder().decode(Self.encode(text, "GB18030"))
        #expect(decoded.text == text)
        #expect(decoded.encoding == "GB18030")
    }

    @Test func truncatedUTF8ReportsByteOffset() throws {
        var bytes = Array("甲方违约，应支付违约金人民币一万元整，乙方".utf8)
        bytes.removeLast()  // cut the last character's third byte
        let expectedOffset = bytes.count - 2
        #expect(throws: QiyueError.self) { try TextDecoder().decode(bytes, name: "cut.txt") }
        do {
            _ = try TextDecoder().decode(bytes, name: "cut.txt")
        } catch {
            #expect(error.code == .undecodable)
            #expect(error.path == "cut.txt")
            #expect(error.message.contains("byte offset \(expectedOffset)"))
        }
    }

    @Test func truncatedGB18030WithForcedEncodingReportsOffset() throws {
        var bytes = Self.encode("甲方违约金", "GB18030")
        bytes.removeLast()
        do {
            _ = try TextDecoder(options: DecodingOptions(encoding: "GB18030")).decode(bytes, name: "g.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .undecodable)
            #expect(error.message.contains("byte offset 8"))
        }
    }

    @Test func emptyBinaryAndOversizedInputsAreRefused() throws {
        #expect(throws: QiyueError(.empty, path: "e.txt", "file is empty")) { try TextDecoder().decode([], name: "e.txt") }
        do { _ = try TextDecoder().decode(Array("  \n ".utf8), name: "w.txt"); Issue.record("expected an error") }
        catch { #expect(error.code == .empty) }
        do { _ = try TextDecoder().decode([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00], name: "a.out"); Issue.record("expected an error") }
        catch { #expect(error.code == .binary) }
        do { _ = try TextDecoder(options: DecodingOptions(maxBytes: 10)).decode(Array("合同合同合同".utf8), name: "big.txt"); Issue.record("expected an error") }
        catch { #expect(error.code == .tooLarge) }
        do { _ = try TextDecoder(options: DecodingOptions(encoding: "NO-SUCH")).decode(Array("合同".utf8), name: "x.txt"); Issue.record("expected an error") }
        catch { #expect(error.code == .unknownEncoding) }
    }

    @Test func missingFileAndDirectory() throws {
        do { _ = try TextDecoder().decode(contentsOf: "/nonexistent/x.txt"); Issue.record("expected an error") }
        catch { #expect(error.code == .unreadable); #expect(error.path == "/nonexistent/x.txt") }
        do { _ = try TextDecoder().decode(contentsOf: "/tmp"); Issue.record("expected an error") }
        catch { #expect(error.code == .unreadable) }
    }

    @Test func htmlInputIsReducedToText() throws {
        let html = "<html><head><style>p{}</style><script>var a=1;</script></head><body><h1>借款合同</h1><p>借款金额：人民币<b>50,000</b>元。</p></body></html>"
        let decoded = try TextDecoder().decode(Array(html.utf8), name: "page.html")
        #expect(decoded.format == .html)
        #expect(decoded.text.contains("借款合同\n"))
        #expect(decoded.text.contains("借款金额：人民币50,000元。"))
        #expect(!decoded.text.contains("var a"))
    }

    @Test func xmlInputNeverLoadsExternalEntities() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><r>借款合同 甲方&xxe;</r>"
        let text = (try? TextDecoder().decode(Array(xml.utf8), name: "x.xml").text) ?? ""
        #expect(!text.contains("root:"))
        let html = "<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><html><body><p>借款合同&xxe;</p></body></html>"
        let htmlText = (try? TextDecoder().decode(Array(html.utf8), name: "x.html").text) ?? ""
        #expect(!htmlText.contains("root:"))
    }

    @Test func xmlBillionLaughsStaysSmall() throws {
        var dtd = "<!ENTITY a \"哈哈哈哈哈哈哈哈哈哈\">"
        for k in 1...9 {
            let name = Character(Unicode.Scalar(UInt8(0x61 + k))), prev = Character(Unicode.Scalar(UInt8(0x60 + k)))
            dtd += "<!ENTITY \(name) \"" + String(repeating: "&\(prev);", count: 10) + "\">"
        }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE r [\(dtd)]><r>借款合同&j;</r>"
        let start = Date()
        let text = (try? TextDecoder().decode(Array(xml.utf8), name: "laughs.xml").text) ?? ""
        #expect(text.unicodeScalars.count < 10_000)
        #expect(Date().timeIntervalSince(start) < 2)
    }
}
