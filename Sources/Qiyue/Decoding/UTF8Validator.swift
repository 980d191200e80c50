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
}
