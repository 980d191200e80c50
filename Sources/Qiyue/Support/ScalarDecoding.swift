/// Fast conversion of a String to its scalar values (UTF-8 decoded directly, no intermediate Character work).
enum ScalarDecoding {
    static func scalars(of text: String) -> [UInt32] {
        var s = text
        return s.withUTF8 { b -> [UInt32] in
            // Count first (every byte that is not a continuation byte starts a scalar), then fill
            // an array of exactly that size: no growth, no over-allocation for CJK text.
            var count = 0
            for byte in b where byte & 0xC0 != 0x80 { count += 1 }
            let n = b.count
            return [UInt32](unsafeUninitializedCapacity: count) { out, initialized in
                var i = 0, w = 0
                while i < n && w < count {
                    let c0 = UInt32(b[i])
                    if c0 < 0x80 { out[w] = c0; i += 1 }
                    else if c0 < 0xE0 { out[w] = (c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2 }
                    else if c0 < 0xF0 {
                        out[w] = (c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); i += 3
                    } else {
                        out[w] = (c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                            | UInt32(b[i + 3] & 0x3F)
                        i += 4
                    }
                    w += 1
                }
                initialized = w
            }
        }
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
