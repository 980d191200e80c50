/// One document found in a page by ``DocumentSplitter``.
///
/// ```swift
/// let parts = try DocumentSplitter(knowledge: .shared()).split(page)
/// parts[0].title      // "房屋过户买卖合同范文一"
/// parts[0].startLine  // 11
/// ```
public struct DocumentPart: Sendable, Hashable, Codable {
    /// The document's title as found (normalized text; empty when the document has none).
    public var title: String
    /// The document's range in the normalized text, from its title line to the next document.
    public var range: Range<Int>
    /// The same extent in the original text (Unicode scalar offsets).
    public var span: TextSpan
    /// The 1-based line of the original text where the document starts (its title line).
    public var startLine: Int

    /// Creates a part.
    public init(title: String, range: Range<Int>, span: TextSpan, startLine: Int) {
        self.title = title
        self.range = range
        self.span = span
        self.startLine = startLine
    }
}
