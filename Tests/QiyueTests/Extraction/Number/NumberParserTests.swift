import Testing
@testable import Qiyue

/// Arabic figures are read without building strings; the values must equal `Double(String)`.
@Suite struct NumberParserTests {
    let parser: NumberParser

    init() throws { parser = NumberParser(data: try KnowledgeBase.shared().entities) }

    func parse(_ s: String) -> (value: Double, isRate: Bool)? {
        let t = s.unicodeScalars.map(\.value)
        return parser.parse(t, 0, t.count)
    }

    @Test(arguments: ["0", "7", "1850000", "1,850,000.00", "0.1", "3.14159", "12345678.9", "0.000001",
                      "999999999999999", "1234567890123456789", "123456789012.345678", "1."])
    func figuresEqualTheStandardLibrary(_ s: String) {
        let expected = Double(s.replacingOccurrences(of: ",", with: ""))
        #expect(parse(s)?.value == expected)
    }

    @Test(arguments: [("3.5万", 35_000.0, false), ("30%", 0.3, true), ("5‰", 0.005, true), ("百分之十", 0.1, true),
                      ("千分之五", 0.005, true), ("壹佰捌拾伍万", 1_850_000.0, false), ("三万五", 35_000.0, false),
                      ("二〇二五", 2025.0, false)])
    func forms(_ s: String, _ value: Double, _ isRate: Bool) {
        let r = parse(s)
        #expect(r != nil)
        #expect(abs((r?.value ?? -1) - value) < 1e-9 && r?.isRate == isRate)
    }

    @Test(arguments: ["1.2.3", ",", "."]) func malformed(_ s: String) {
        #expect(parse(s) == nil)
    }
}
