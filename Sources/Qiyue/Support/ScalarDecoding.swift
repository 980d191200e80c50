/// Conversions between Strings and scalar-value arrays, without Character-level work.
enum ScalarDecoding {
    static func scalars(of text: String) -> [UInt32] {
        var s = text
        // A String's UTF-8 is always valid, so the strict decoder cannot fail here.
        return s.withUTF8 { UTF8Validator.scalars($0) ?? [] }
    }

    /// The UTF-16 code units of scalar values (what ICU reads) and, only when some scalar needs a
    /// surrogate pair, the UTF-16 offset of each scalar plus the total at the end.
    static func utf16(_ t: [UInt32]) -> (units: [UInt16], starts: [Int32]?) {
        if !t.contains(where: { $0 > 0xFFFF }) {
            let units = [UInt16](unsafeUninitializedCapacity: t.count) { b, count in
                t.withUnsafeBufferPointer { tb in
                    for i in 0..<tb.count { b[i] = UInt16(truncatingIfNeeded: tb[i]) }
                }
                count = t.count
            }
            return (units, nil)
        }
        var units: [UInt16] = []
        units.reserveCapacity(t.count + t.count / 8)
        var starts: [Int32] = []
        starts.reserveCapacity(t.count + 1)
        for c in t {
            starts.append(Int32(units.count))
            if c > 0xFFFF {
                let v = c - 0x10000
                units.append(UInt16(0xD800 + (v >> 10)))
                units.append(UInt16(0xDC00 + (v & 0x3FF)))
            } else {
                units.append(UInt16(truncatingIfNeeded: c))
            }
        }
        starts.append(Int32(units.count))
        return (units, starts)
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
