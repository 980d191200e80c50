/// One character's Simplified and Traditional forms, through ICU's `Traditional-Simplified` and
/// `Simplified-Traditional` transliterators, cached. For OCR repair: a recognizer that reads with
/// both scripts' models (chi_sim+chi_tra) puts Traditional characters into Simplified text (王建國).
/// Not thread-safe: one per caller.
///
/// ```swift
/// let script = try ChineseScript()
/// script.simplified(of: "國")   // "国"
/// script.isSimplifiedOnly("国") // true
/// ```
public final class ChineseScript {
    private let toSimplified: ICUTransliterator
    private let toTraditional: ICUTransliterator
    private var simplifiedCache: [UInt32: UInt32?] = [:]
    private var simplifiedOnlyCache: [UInt32: Bool] = [:]

    /// Opens the transliterators (Q2xx when ICU lacks them).
    public init() throws {
        toSimplified = try ICUTransliterator(id: "Traditional-Simplified")
        toTraditional = try ICUTransliterator(id: "Simplified-Traditional")
    }

    /// The Simplified form of a Traditional-only character, when it is one character; nil for a
    /// character that is the same in both scripts, already Simplified, or not a Han character.
    public func simplified(of c: Unicode.Scalar) -> Unicode.Scalar? {
        guard CharClass.isHan(c.value) else { return nil }
        if let hit = simplifiedCache[c.value] { return hit.flatMap(Unicode.Scalar.init) }
        let out = toSimplified.transliterate(scalar: c.value)
        let value: UInt32? = out.count == 1 && out[0] != c.value ? out[0] : nil
        simplifiedCache[c.value] = value
        return value.flatMap(Unicode.Scalar.init)
    }

    /// Whether the character exists in Simplified writing only (its Traditional form differs).
    public func isSimplifiedOnly(_ c: Unicode.Scalar) -> Bool {
        guard CharClass.isHan(c.value) else { return false }
        if let hit = simplifiedOnlyCache[c.value] { return hit }
        let out = toTraditional.transliterate(scalar: c.value)
        let value = !(out.count == 1 && out[0] == c.value)
        simplifiedOnlyCache[c.value] = value
        return value
    }
}
