import CICUBridge

/// Charset detection and strict conversion through ICU (ucsdet, ucnv).
enum ICUCharset {
    /// Candidate charsets for `bytes`, best first, with ICU's confidence (0...100).
    static func detect(_ bytes: [UInt8], max: Int = 8) -> [(name: String, confidence: Int)] {
        guard !bytes.isEmpty else { return [] }
        var names = [(CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar)](
            repeating: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), count: max)
        var conf = [Int32](repeating: 0, count: max)
        let sample = bytes.count > 65536 ? Array(bytes[0..<65536]) : bytes
        let n = sample.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { cb in
                qy_detect_charsets(cb.baseAddress, Int32(cb.count), &names, &conf, Int32(max))
            }
        }
        guard n > 0 else { return [] }
        var out: [(String, Int)] = []
        for i in 0..<Int(n) {
            let name = withUnsafeBytes(of: names[i]) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            out.append((name, Int(conf[i])))
        }
        return out
    }

    /// The outcome of a strict conversion.
    enum Result {
        case text([UInt16])
        case invalid(byteOffset: Int)
        case unknownCharset
    }

    /// Converts `bytes` (a slice of the file) in `charset` to UTF-16, stopping at the first invalid sequence.
    static func toUTF16(_ bytes: ArraySlice<UInt8>, charset: String) -> Result {
        var errorOffset: Int32 = -1
        var status: Int32 = 0
        // Every supported charset yields at most one UTF-16 unit per byte, plus a little slack.
        var out = [UInt16](repeating: 0, count: bytes.count + 16)
        let n = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { cb in
                out.withUnsafeMutableBufferPointer { ob in
                    qy_convert_to_utf16(charset, cb.baseAddress, Int32(cb.count), ob.baseAddress,
                                        Int32(ob.count), &errorOffset, &status)
                }
            }
        }
        if n == -1 { return .invalid(byteOffset: Int(errorOffset)) }
        if n < 0 { return .unknownCharset }
        out.removeSubrange(Int(n)...)
        return .text(out)
    }

    /// Converts UTF-16 text to bytes in `charset` (strict); nil if a character cannot be represented.
    static func fromUTF16(_ text: [UInt16], charset: String) -> [UInt8]? {
        var status: Int32 = 0
        var out = [UInt8](repeating: 0, count: text.count * 4 + 16)
        let n = text.withUnsafeBufferPointer { tb in
            out.withUnsafeMutableBufferPointer { ob in
                ob.withMemoryRebound(to: CChar.self) { cb in
                    qy_convert_from_utf16(charset, tb.baseAddress, Int32(tb.count), cb.baseAddress,
                                          Int32(cb.count), &status)
                }
            }
        }
        guard n >= 0, status <= 0 else { return nil }
        out.removeSubrange(Int(n)...)
        return out
    }
}
