/// Which normalizations run. All are on by default.
public struct NormalizationOptions: Sendable, Hashable {
    /// Convert Traditional characters to Simplified (ICU `Traditional-Simplified`).
    public var traditionalToSimplified: Bool
    /// Remove the spaces of spaced-out lines ("客 户 资 料" → "客户资料").
    public var collapseSpacedCJK: Bool
    /// Join hard line breaks inside a sentence (OCR and typesetting wraps).
    public var joinWrappedLines: Bool

    /// Creates options.
    public init(traditionalToSimplified: Bool = true, collapseSpacedCJK: Bool = true, joinWrappedLines: Bool = true) {
        self.traditionalToSimplified = traditionalToSimplified
        self.collapseSpacedCJK = collapseSpacedCJK
        self.joinWrappedLines = joinWrappedLines
    }
}
