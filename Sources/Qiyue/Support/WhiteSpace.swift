extension Unicode.Scalar {
    /// Whether the scalar has Unicode's White_Space property, tested against the 25 code points
    /// of that set instead of Swift's property tables (`isWhiteSpace` looks each scalar
    /// up in a table: about a tenth of reading a PDF's text layer went to it). `WhiteSpaceTests`
    /// checks it against `isWhiteSpace` for every scalar.
    ///
    /// ```swift
    /// Unicode.Scalar(0x3000)!.isWhiteSpace  // true (ideographic space)
    /// ("甲" as Unicode.Scalar).isWhiteSpace  // false
    /// ```
    @inlinable public var isWhiteSpace: Bool {
        let v = value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v < 0x1680 { return v == 0x85 || v == 0xA0 }
        switch v {
        case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
