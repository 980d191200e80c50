import Testing
import Qiyue

/// The White_Space test without property tables agrees with Swift's for every scalar.
struct WhiteSpaceTests {
    @Test func agreesWithTheUnicodePropertyForEveryScalar() {
        var disagree: [UInt32] = []
        var spaces = 0
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            if u.isWhiteSpace != u.properties.isWhitespace { disagree.append(v) }
            if u.isWhiteSpace { spaces += 1 }
        }
        #expect(disagree.isEmpty, "disagree at \(disagree.prefix(10).map { String($0, radix: 16) })")
        #expect(spaces == 25)
    }
}
