/// Checksums of Chinese identifiers: the 18-digit resident identity number (GB 11643, ISO 7064
/// MOD 11-2), the 18-character unified social credit code (GB 32100), the Taiwan 身分證字號 (a letter
/// and nine digits) and the Hong Kong identity card number (one or two letters, six digits and a
/// check digit, written K382615(5)).
public enum IdentifierValidator {
    /// Whether `s` is a Taiwan national ID (A123456789) with a valid check digit.
    static func validTaiwanID(_ s: [UInt32]) -> Bool {
        guard s.count == 10, let first = Unicode.Scalar(s[0]), first.properties.isASCIIHexDigit || (0x41...0x5A).contains(s[0]) else { return false }
        // The letter's two-digit code, as the 內政部 table assigns it (I, O, W … out of order).
        let codes: [UInt32: Int] = [
            0x41: 10, 0x42: 11, 0x43: 12, 0x44: 13, 0x45: 14, 0x46: 15, 0x47: 16, 0x48: 17, 0x49: 34, 0x4A: 18,
            0x4B: 19, 0x4C: 20, 0x4D: 21, 0x4E: 22, 0x4F: 35, 0x50: 23, 0x51: 24, 0x52: 25, 0x53: 26, 0x54: 27,
            0x55: 28, 0x56: 29, 0x57: 32, 0x58: 30, 0x59: 31, 0x5A: 33,
        ]
        guard let code = codes[s[0]], s[1] == 0x31 || s[1] == 0x32 || s[1] == 0x38 || s[1] == 0x39 else { return false }
        var sum = code / 10 + (code % 10) * 9
        let weights = [8, 7, 6, 5, 4, 3, 2, 1, 1]
        for i in 1..<10 {
            guard (0x30...0x39).contains(s[i]) else { return false }
            sum += Int(s[i] - 0x30) * weights[i - 1]
        }
        return sum % 10 == 0
    }

    /// Whether `s` (the characters without the parentheses: K3826155) is a Hong Kong identity card
    /// number with a valid check digit (0–9 or A).
    static func validHongKongID(_ s: [UInt32]) -> Bool {
        guard s.count == 8 || s.count == 9 else { return false }
        let letters = s.count - 7
        func letterValue(_ c: UInt32) -> Int? { (0x41...0x5A).contains(c) ? Int(c - 0x41) + 10 : nil }
        var values: [Int] = letters == 1 ? [36] : []
        for i in 0..<letters {
            guard let v = letterValue(s[i]) else { return false }
            values.append(v)
        }
        for i in letters..<(letters + 6) {
            guard (0x30...0x39).contains(s[i]) else { return false }
            values.append(Int(s[i] - 0x30))
        }
        var sum = 0
        for (k, v) in values.enumerated() { sum += v * (9 - k) }
        let check = (11 - sum % 11) % 11
        let last = s[s.count - 1]
        return check == 10 ? last == 0x41 : last == UInt32(0x30 + check)
    }

    /// Whether `s` is an 18-character resident ID with a valid check character.
    public static func validResidentID(_ s: [UInt32]) -> Bool {
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
    public static func validCreditCode(_ s: [UInt32]) -> Bool {
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

    /// A Taiwan business number (統一編號, 8 digits): digits weighted 1,2,1,2,1,2,4,1, the digits of
    /// each product summed, the total divisible by 5 (by 10 before 2023, a subset of these); when the
    /// seventh digit is 7, its product 28 may count as 10 or 1.
    static func validTaiwanBusinessID(_ s: [UInt32]) -> Bool {
        guard s.count == 8, s.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        let weights = [1, 2, 1, 2, 1, 2, 4, 1]
        var sum = 0
        for i in 0..<8 {
            let p = Int(s[i] - 0x30) * weights[i]
            sum += p / 10 + p % 10
        }
        return sum % 5 == 0 || (s[6] == 0x37 && (sum + 1) % 5 == 0)
    }

    /// The identifier type a token looks like: resident_id, unified_social_credit_code, or nil.
    /// Whether a label names a company number (信用代码, 营业执照), compared by scalars: this runs
    /// for every 18-character run under a label.
    private static func namesCompany(_ label: String) -> Bool {
        let l = Array(label.unicodeScalars.map(\.value))
        return companyLabelWords.contains { w in
            w.count <= l.count && (0...(l.count - w.count)).contains { i in l[i..<(i + w.count)].elementsEqual(w) }
        }
    }
    private static let companyLabelWords: [[UInt32]] = ["信用代码", "营业执照"].map { $0.unicodeScalars.map(\.value) }

    static func kind(_ s: [UInt32], label: String?) -> String? {
        guard s.count == 18 else { return nil }
        let digits17 = s.prefix(17).allSatisfy { (0x30...0x39).contains($0) }
        if let label, Self.namesCompany(label) { return "unified_social_credit_code" }
        if digits17 && ((0x30...0x39).contains(s[17]) || s[17] == 0x58 || s[17] == 0x78) { return "resident_id" }
        return "unified_social_credit_code"
    }
}
