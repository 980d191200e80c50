import Testing
@testable import Qiyue

/// The one-pass UTF-8 decoder accepts exactly what the strict validator accepts and yields the
/// standard library's scalars.
@Suite struct UTF8ScalarsTests {
    @Test(arguments: [
        "", "ascii only", "总价款人民币壹佰捌拾伍万元整（¥1,850,000.00元）", "𠀀𪚥 astral 😀", "é ñ ü ß",
        "\u{FEFF}BOM inside", "mixed 中文 and ＡＢＣ１２３",
    ])
    func validTextDecodesLikeTheStandardLibrary(_ s: String) {
        #expect(UTF8Validator.scalars(Array(s.utf8)) == s.unicodeScalars.map(\.value))
    }

    @Test func invalidBytesAreRejectedWhereTheValidatorRejectsThem() {
        var rng = SplitMix64(seed: 42)
        let seed = Array("甲方：张三，支付人民币5000元。".utf8)
        for _ in 0..<3_000 {
            var bytes = seed
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            let valid = UTF8Validator.validate(bytes[...]).errorOffset == nil
            let decoded = UTF8Validator.scalars(bytes)
            #expect((decoded != nil) == valid)
            if let decoded, let s = String(validating: bytes, as: UTF8.self) {
                #expect(decoded == s.unicodeScalars.map(\.value))
            }
        }
        // Overlong, surrogate, out of range, truncated.
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8]] {
            #expect(UTF8Validator.scalars(bad) == nil)
        }
    }
}
