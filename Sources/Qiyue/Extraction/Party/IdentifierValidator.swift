/// Checksums of Chinese identifiers: the 18-digit resident identity number (GB 11643, ISO 7064
/// MOD 11-2) and the 18-character unified social credit code (GB 32100).
enum IdentifierValidator {
    /// Whether `s` is an 18-character resident ID with a valid check character.
    static func validResidentID(_ s: [UInt32]) -> Bool {
        guard s.count == 18 else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for i in 0..<17 {
            guard (0x30...0x39).contains(s[i]) else { return false }
            sum += Int(s[i] - 0x30) * weights[i]
        }
        let check: [UInt32] = Array("10X98765432".unicodeScalars.map(\.value))
        let last = s[17] == 0x78 ? 0x58 : s[17]
        return check[sum % 11] == last
    }

    /// Whether `s` is an 18-character unified social credit code with a valid check character.
    static func validCreditCode(_ s: [UInt32]) -> Bool {
        guard s.count == 18 else { return false }
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".unicodeScalars.map(\.value))
        var index: [UInt32: Int] = [:]
        for (i, c) in alphabet.enumerated() { index[c] = i }
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        var sum = 0
        for i in 0..<17 {
            guard let v = index[s[i]] else { return false }
            sum += v * weights[i]
        }
        let check = (31 - sum % 31) % 31
        return index[s[17]] == check
    }

    /// The identifier type a token looks like: resident_id, unified_social_credit_code, or nil.
    static func kind(_ s: [UInt32], label: String?) -> String? {
        guard s.count == 18 else { return nil }
        let digits17 = s.prefix(17).allSatisfy { (0x30...0x39).contains($0) }
        if label?.contains("信用代码") == true || label?.contains("营业执照") == true { return "unified_social_credit_code" }
        if digits17 && ((0x30...0x39).contains(s[17]) || s[17] == 0x58 || s[17] == 0x78) { return "resident_id" }
        return "unified_social_credit_code"
    }
}
