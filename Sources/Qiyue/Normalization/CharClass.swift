/// Character classes used by normalization and segmentation, on scalar values.
enum CharClass {
    @inline(__always) static func isHan(_ c: UInt32) -> Bool {
        (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF)
            || (c >= 0x20000 && c <= 0x3134F) || c == 0x3007  // 〇
    }
    @inline(__always) static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isLatin(_ c: UInt32) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
    @inline(__always) static func isSpace(_ c: UInt32) -> Bool { c == 0x20 || c == 0x09 || c == 0x3000 || c == 0xA0 }
    @inline(__always) static func isNewline(_ c: UInt32) -> Bool { c == 0x0A }
    /// Sentence-final punctuation: 。！？；and their ASCII forms.
    @inline(__always) static func isSentenceEnd(_ c: UInt32) -> Bool {
        c == 0x3002 || c == 0x21 || c == 0x3F || c == 0x3B || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B
    }
    /// Punctuation (ASCII and CJK) that may sit next to spaced-out characters.
    @inline(__always) static func isPunct(_ c: UInt32) -> Bool {
        switch c {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        case 0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F, 0xFF01...0xFF0F, 0xFF1A...0xFF20: return true
        case 0x2010...0x2027, 0x00B7: return true
        default: return false
        }
    }
    /// The offset after the bracket that closes the `(` or `[` at `k` (brackets are ASCII once
    /// normalized), when it closes within `length` characters and no scalar inside is refused.
    static func bracketEnd(_ t: [UInt32], at k: Int, length: Int, refusing refused: (UInt32) -> Bool = { _ in false }) -> Int? {
        guard k < t.count, t[k] == 0x28 || t[k] == 0x5B else { return nil }
        let close: UInt32 = t[k] == 0x28 ? 0x29 : 0x5D
        var j = k + 1
        while j < t.count && j - k <= length {
            if t[j] == close { return j + 1 }
            if refused(t[j]) { return nil }
            j += 1
        }
        return nil
    }
    /// Han or CJK punctuation: the characters a spaced-out line consists of.
    @inline(__always) static func isCJKish(_ c: UInt32) -> Bool { isHan(c) || isPunct(c) }
    /// Placeholder characters of template blanks.
}
