import Testing
import QiyueIngest

/// The seeded noise model: the same seed gives the same variant; the repairs undo its confusions in figures.
@Suite struct OCRNoiseTests {
    static let text = "第一条 总价款为人民币壹佰捌拾伍万元整（¥1,850,000.00），乙方应于2024年3月15日前付清。\n第二条 定金为人民币伍万元整（¥50,000.00）。"

    @Test func sameSeedSameVariant() {
        var a = OCRNoise(seed: 42), b = OCRNoise(seed: 42), c = OCRNoise(seed: 43)
        let va = (0..<20).map { _ in a.apply(Self.text) }
        #expect(va == (0..<20).map { _ in b.apply(Self.text) })
        #expect(va != (0..<20).map { _ in c.apply(Self.text) })
        #expect(Set(va).count > 1)
    }

    @Test func repairsUndoFigureConfusions() {
        var rates = OCRNoise.Rates.only("currency")!
        rates.currency = 1
        var noise = OCRNoise(seed: 1, rates: rates)
        let noisy = noise.apply(Self.text)
        #expect(!noisy.contains("¥"))
        #expect(OCRRepairer().repair(noisy).text == Self.text)
        var digits = OCRNoise.Rates.only("digit")!
        digits.digitLetter = 0.5
        var n2 = OCRNoise(seed: 3, rates: digits)
        let v = n2.apply(Self.text)
        #expect(v != Self.text)
        #expect(OCRRepairer().repair(v).text == Self.text)
    }
}
