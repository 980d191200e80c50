import Qiyue

/// A word of a recognized page (OCR, hOCR, ALTO): its text, where it lies in the text every span
/// indexes, its box on the page, and the engine's confidence.
public struct RecognizedWord: Sendable, Hashable {
    /// The word as recognized.
    public var text: String
    /// Its scalars in the document's text.
    public var span: TextSpan
    /// The page, from 1.
    public var page: Int
    /// The line of the page it is on, from 0 (words of one line are merged into one box when a fact covers many).
    public var line: Int
    /// x1, y1, x2, y2 in page pixels, origin top left.
    public var box: [Double]
    /// Confidence 0–100, when the engine gives one.
    public var confidence: Double?

    /// Creates a word.
    public init(text: String, span: TextSpan, page: Int, line: Int, box: [Double], confidence: Double?) {
        self.text = text
        self.span = span
        self.page = page
        self.line = line
        self.box = box
        self.confidence = confidence
    }
}
