import CICUBridge

/// Single-code-point NFKC through ICU (unorm2).
enum ICUNFKC {
    /// Whether NFKC leaves `cp` unchanged and it never combines with its neighbours.
    static func isInert(_ cp: UInt32) -> Bool { qy_nfkc_is_inert(cp) != 0 }

    /// The NFKC form of one code point, as scalars.
    static func normalize(_ cp: UInt32) -> [UInt32] {
        var out = [UInt16](repeating: 0, count: 32)
        let n = out.withUnsafeMutableBufferPointer { qy_nfkc_codepoint(cp, $0.baseAddress, 32) }
        guard n > 0 else { return [cp] }
        return String(decoding: out[0..<Int(n)], as: UTF16.self).unicodeScalars.map(\.value)
    }
}
