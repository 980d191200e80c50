/// Conversions between Strings and scalar-value arrays, without Character-level work.
enum ScalarDecoding {
    static func scalars(of text: String) -> [UInt32] {
        var s = text
        // A String's UTF-8 is always valid, so the strict decoder cannot fail here.
        return s.withUTF8 { UTF8Validator.scalars($0) ?? [] }
    }

    /// The text of scalars `s..<e` (values that are not scalars are skipped), encoded in one pass.
    static func string(_ t: [UInt32], _ s: Int, _ e: Int) -> String {
        guard s < e else { return "" }
        return String(unsafeUninitializedCapacity: (e - s) * 4) { buf in
            var w = 0
            for i in s..<e {
                let c = t[i]
                if c < 0x80 {
                    buf[w] = UInt8(c); w += 1
                } else if c < 0x800 {
                    buf[w] = UInt8(0xC0 | c >> 6); buf[w + 1] = UInt8(0x80 | c & 0x3F); w += 2
                } else if c < 0x10000 {
                    if c >= 0xD800 && c <= 0xDFFF { continue }
                    buf[w] = UInt8(0xE0 | c >> 12); buf[w + 1] = UInt8(0x80 | c >> 6 & 0x3F)
                    buf[w + 2] = UInt8(0x80 | c & 0x3F); w += 3
                } else if c <= 0x10FFFF {
                    buf[w] = UInt8(0xF0 | c >> 18); buf[w + 1] = UInt8(0x80 | c >> 12 & 0x3F)
                    buf[w + 2] = UInt8(0x80 | c >> 6 & 0x3F); buf[w + 3] = UInt8(0x80 | c & 0x3F); w += 4
                }
            }
            return w
        }
    }
}
