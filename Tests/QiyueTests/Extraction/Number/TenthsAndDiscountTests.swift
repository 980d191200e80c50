import Testing
@testable import Qiyue

/// 成 and 折 read in hundredths: values are exact (the double nearest the decimal, as JSON prints
/// it), and Chinese decimals, 十成 and 成半 read whole.
struct TenthsAndDiscountTests {
    @Test(arguments: [("八五折", 0.85), ("九五折", 0.95), ("七五折", 0.75), ("六五折", 0.65), ("8.5折", 0.85),
                      ("九点五折", 0.95), ("三点一折", 0.31), ("八点五成", 0.85), ("七成五", 0.75), ("三成半", 0.35),
                      ("十成", 1.0), ("10成", 1.0), ("3成", 0.3), ("85折", 0.85)])
    func exactValues(_ text: String, _ value: Double) throws {
        let analyzer = try TestSupport.analyzer()
        let found = EntityExtractor(knowledge: analyzer.knowledge)
            .extract(analyzer.analyze(text: "按\(text)计"), dims: [.percentage])
        let e = try #require(found.first { $0.text == text }, "\(found.map(\.text))")
        #expect(e.value?.value == value)
        #expect("\(e.value?.value ?? 0)" == "\(value)")
    }

    @Test(arguments: ["一百二十成", "成本", "完成", "三成半个月", "十折", "10折"])
    func notTenthsAsWritten(_ text: String) throws {
        let analyzer = try TestSupport.analyzer()
        let found = EntityExtractor(knowledge: analyzer.knowledge).extract(analyzer.analyze(text: text), dims: [.percentage])
        #expect(!found.contains { $0.text == text })
    }
}
