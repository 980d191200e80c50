/// One page of a paged input (PDF, image, hOCR, ALTO) and where its text lies in the text every
/// span indexes.
///
/// ```json
/// {"number": 2, "span": [812, 1630], "width": 595, "height": 842, "unit": "pt", "ocr": false}
/// ```
public struct PageInfo: Codable, Sendable, Hashable {
    /// The page number, from 1.
    public var number: Int
    /// The page's text in the document's text (pages follow each other, one line break apart).
    public var span: TextSpan
    /// The page's width, in ``unit``.
    public var width: Double
    /// The page's height, in ``unit``.
    public var height: Double
    /// `pt` (PDF points, 1/72 inch) for a text layer, `px` (image pixels) for OCR; word boxes use it.
    public var unit: String
    /// Whether the page's text was recognized (OCR, hOCR, ALTO) rather than read from a text layer.
    public var ocr: Bool
    /// The mean word confidence of a recognized page (0–100), when known.
    public var confidence: Double? = nil

    /// Creates a page.
    public init(number: Int, span: TextSpan, width: Double, height: Double, unit: String, ocr: Bool, confidence: Double? = nil) {
        self.number = number
        self.span = span
        self.width = width
        self.height = height
        self.unit = unit
        self.ocr = ocr
        self.confidence = confidence
    }
}
