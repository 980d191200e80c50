/// Web addresses and e-mail addresses in a text (https://…/2024/05/01/…, www.…, name2024@163.com):
/// their figures are parts of an address, not dates, sums or rates, so the entity extractors leave
/// them alone.
enum WebAddresses {
    /// The ranges of the addresses in `t` (normalized text), in text order.
    static func ranges(_ t: [UInt32]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var k = 0
        while k < t.count {
            let c = t[k]
            // A scheme (http://, https://, ftp://) or www. not inside a Latin word.
            if (c == 0x68 || c == 0x48 || c == 0x66 || c == 0x46 || c == 0x77 || c == 0x57),
               k == 0 || !(CharClass.isLatin(t[k - 1]) || CharClass.isDigit(t[k - 1])), startsAddress(t, k) {
                let e = addressEnd(t, from: k)
                out.append(k..<e)
                k = e
                continue
            }
            if c == 0x40, let r = email(t, at: k), r.lowerBound >= (out.last?.upperBound ?? 0) {
                out.append(r)
                k = r.upperBound
                continue
            }
            k += 1
        }
        return out
    }

    private static func lower(_ c: UInt32) -> UInt32 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }

    private static func has(_ t: [UInt32], _ k: Int, _ word: String) -> Bool {
        var i = k
        for u in word.unicodeScalars {
            guard i < t.count, lower(t[i]) == u.value else { return false }
            i += 1
        }
        return true
    }

    private static func startsAddress(_ t: [UInt32], _ k: Int) -> Bool {
        has(t, k, "http://") || has(t, k, "https://") || has(t, k, "ftp://") || has(t, k, "www.")
    }

    /// Characters of a URL (RFC 3986 unreserved, reserved and %).
    private static func isAddressChar(_ c: UInt32) -> Bool {
        guard c > 0x20, c < 0x7F else { return false }
        switch c {
        case 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: return false  // " < > \ ^ ` { | }
        default: return true
        }
    }

    /// The end of the address starting at `k`, without closing punctuation (a full stop, a comma
    /// or a bracket the sentence puts after it).
    private static func addressEnd(_ t: [UInt32], from k: Int) -> Int {
        var e = k
        while e < t.count, isAddressChar(t[e]) { e += 1 }
        while e > k + 4, closing.contains(t[e - 1]) { e -= 1 }
        return e
    }

    /// Punctuation a sentence puts after an address: . , ; : ) ] ! ? '
    private static let closing = ScalarSet(".,;:)]!?'")

    private static func isLocalChar(_ c: UInt32) -> Bool {
        CharClass.isLatin(c) || CharClass.isDigit(c) || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == 0x2D
    }

    /// local@domain.tld around the @ at `at`.
    private static func email(_ t: [UInt32], at: Int) -> Range<Int>? {
        var s = at
        while s > 0, isLocalChar(t[s - 1]) { s -= 1 }
        guard s < at else { return nil }
        var e = at + 1
        var lastDot = -1
        while e < t.count, CharClass.isLatin(t[e]) || CharClass.isDigit(t[e]) || t[e] == 0x2D || t[e] == 0x2E {
            if t[e] == 0x2E { lastDot = e }
            e += 1
        }
        while e > at + 1, t[e - 1] == 0x2E { e -= 1 }
        guard lastDot > at + 1, lastDot + 2 < e || (lastDot + 2 == e && CharClass.isLatin(t[e - 1])),
              (lastDot + 1..<e).allSatisfy({ CharClass.isLatin(t[$0]) }) else { return nil }
        return s..<e
    }
}
