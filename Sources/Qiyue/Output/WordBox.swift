/// A recognized word under a fact: its box on the page and the engine's confidence.
///
/// ```json
/// {"text": "¥1,850,000.00", "page": 1, "box": [412, 655, 690, 689], "confidence": 91.2}
/// ```
public struct WordBox: Codable, Sendable, Hashable {
    /// The word as recognized.
    public var text: String
    /// The page, from 1.
    public var page: Int
    /// x1, y1, x2, y2 in the page's unit (image pixels for OCR, as hOCR gives them), origin top left.
    public var box: [Double]
    /// The engine's confidence, 0–100 (nil for a text layer).
    public var confidence: Double?

    /// Creates a word box.
    public init(text: String, page: Int, box: [Double], confidence: Double?) {
        self.text = text
        self.page = page
        self.box = box
        self.confidence = confidence
    }
}
