/// Which normalizations run. All are on by default.
public struct NormalizationOptions: Sendable, Hashable {
    /// Convert Traditional characters to Simplified (ICU `Traditional-Simplified`).
    public var traditionalToSimplified: Bool
    /// Remove the spaces of spaced-out lines ("客 户 资 料" → "客户资料").
    public var collapseSpacedCJK: Bool
    /// Join hard line breaks inside a sentence (OCR and typesetting wraps).
    public var joinWrappedLines: Bool
    /// Remove the spaces web editors, generators and OCR put around figures
    /// ("自 2025 年 9 月 1 日起", "生效后 45 日内", "总金额 735000 元", "30日 前").
    public var collapseFigureSpaces: Bool
    /// Remove the marks of generator-style Markdown (## headings, **bold**, > quotes) and the spaces
    /// inside a short form label before its colon ("供   方：", "地    址："), and read tables as rows
    /// of tab-separated cells: pipe and box-drawing tables, and tables exported one cell per line.
    public var stripMarkup: Bool

    /// Creates options.
    public init(traditionalToSimplified: Bool = true, collapseSpacedCJK: Bool = true, joinWrappedLines: Bool = true,
                collapseFigureSpaces: Bool = true, stripMarkup: Bool = true) {
        self.traditionalToSimplified = traditionalToSimplified
        self.collapseSpacedCJK = collapseSpacedCJK
        self.joinWrappedLines = joinWrappedLines
        self.collapseFigureSpaces = collapseFigureSpaces
        self.stripMarkup = stripMarkup
    }
}
