/// Fast conversion of a String to its scalar values (UTF-8 decoded directly, no intermediate Character work).
enum ScalarDecoding {
    static func scalars(of text: String) -> [UInt32] {
        var s = text
        return s.withUTF8 { b -> [UInt32] in
            var out = [UInt32]()
            out.reserveCapacity(b.count)
            var i = 0
            let n = b.count
            while i < n {
                let c0 = UInt32(b[i])
                if c0 < 0x80 { out.append(c0); i += 1 }
                else if c0 < 0xE0 { out.append((c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)); i += 2 }
                else if c0 < 0xF0 {
                    out.append((c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)); i += 3
                } else {
                    out.append((c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                               | UInt32(b[i + 3] & 0x3F)); i += 4
                }
            }
            return out
        }
    }

    static func string(_ t: [UInt32], _ s: Int, _ e: Int) -> String {
        var v = String.UnicodeScalarView()
        for i in s..<e { if let u = Unicode.Scalar(t[i]) { v.append(u) } }
        return String(v)
    }
}
