/// Strict UTF-8 validation that reports where the bytes stop being UTF-8.
enum UTF8Validator {
    struct Report {
        /// Byte offset of the first invalid or truncated sequence, nil when all valid.
        var errorOffset: Int?
        /// Multi-byte sequences seen before the error (how strongly the prefix looks like UTF-8).
        var multiByteSequences: Int
    }

    static func validate(_ bytes: ArraySlice<UInt8>) -> Report {
        var i = bytes.startIndex
        let end = bytes.endIndex
        var multi = 0
        while i < end {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let need: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return Report(errorOffset: i - bytes.startIndex, multiByteSequences: multi)
            }
            guard i + need < end else {  // truncated sequence
                return Report(errorOffset: i - bytes.startIndex, multiByteSequences: multi)
            }
            let b1 = bytes[i + 1]
            guard b1 >= lo && b1 <= hi else { return Report(errorOffset: i - bytes.startIndex, multiByteSequences: multi) }
            for k in stride(from: 2, through: need, by: 1) {
                let b = bytes[i + k]
                guard b >= 0x80 && b <= 0xBF else { return Report(errorOffset: i - bytes.startIndex, multiByteSequences: multi) }
            }
            multi += 1
            i += need + 1
        }
        return Report(errorOffset: nil, multiByteSequences: multi)
    }

    /// The scalar values of strictly valid UTF-8, validated and decoded in one pass; nil when the
    /// bytes are not valid UTF-8 (``validate(_:)`` then says where).
    static func scalars(_ bytes: [UInt8]) -> [UInt32]? {
        bytes.withUnsafeBufferPointer { scalars($0) }
    }

    /// ``scalars(_:)`` over bytes in place (a String's UTF-8 storage, a file's buffer).
    static func scalars(_ b: UnsafeBufferPointer<UInt8>) -> [UInt32]? {
        // Every scalar has exactly one byte that is not a continuation byte.
        var count = 0
        for x in b where x & 0xC0 != 0x80 { count += 1 }
        var valid = true
        let out = [UInt32](unsafeUninitializedCapacity: count) { out, initialized in
            var i = 0, w = 0
            let n = b.count
            while i < n {
                let b0 = b[i]
                if b0 < 0x80 {
                    guard w < count else { valid = false; break }
                    out[w] = UInt32(b0); w += 1; i += 1
                    continue
                }
                // Fast path: the common three-byte sequences (most of CJK).
                if b0 >= 0xE1 && b0 != 0xED && b0 <= 0xEF && i + 2 < n && w < count {
                    let b1 = b[i + 1], b2 = b[i + 2]
                    if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 {
                        out[w] = UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
                        w += 1
                        i += 3
                        continue
                    }
                }
                let need: Int
                var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
                var v: UInt32
                switch b0 {
                case 0xC2...0xDF: need = 1; v = UInt32(b0 & 0x1F)
                case 0xE0: need = 2; lo = 0xA0; v = 0
                case 0xE1...0xEC, 0xEE...0xEF: need = 2; v = UInt32(b0 & 0x0F)
                case 0xED: need = 2; hi = 0x9F; v = 0x0D
                case 0xF0: need = 3; lo = 0x90; v = 0
                case 0xF1...0xF3: need = 3; v = UInt32(b0 & 0x07)
                case 0xF4: need = 3; hi = 0x8F; v = 4
                default: valid = false
                    initialized = w
                    return
                }
                guard i + need < n, w < count else { valid = false; break }
                let b1 = b[i + 1]
                guard b1 >= lo && b1 <= hi else { valid = false; break }
                v = v << 6 | UInt32(b1 & 0x3F)
                var k = 2
                while k <= need {
                    let x = b[i + k]
                    guard x & 0xC0 == 0x80 else { valid = false; break }
                    v = v << 6 | UInt32(x & 0x3F)
                    k += 1
                }
                guard valid else { break }
                out[w] = v; w += 1
                i += need + 1
            }
            initialized = w
        }
        return valid ? out : nil
    }
}
