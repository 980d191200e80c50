import Qiyue

/// The text of a paged input (PDF, image, hOCR, ALTO), page after page, with each page's span, the
/// recognized words with their boxes, and the warnings met while reading it.
///
/// Pages follow each other one line break apart; a recognized page's words are joined into lines
/// (no space between CJK words, one between Latin words), its lines by line breaks.
/// ```swift
/// var b = PagedText()
/// b.beginPage()
/// b.addWord("甲方", box: [10, 10, 60, 30], confidence: 91, lineStart: true)
/// b.endPage(width: 1200, height: 1600, unit: "px", ocr: true)
/// ```
public struct PagedText: Sendable {
    /// The text every span indexes.
    public private(set) var text = ""
    /// The pages, in order.
    public private(set) var pages: [PageInfo] = []
    /// The recognized words, in text order.
    public private(set) var words: [RecognizedWord] = []
    /// Problems met that did not stop reading (pages left unread, OCR timeouts).
    public var warnings: [ReportWarning] = []

    private var count = 0
    private var pageStart = 0
    private var line = -1
    private var lastScalar: Unicode.Scalar?
    private var pageWords = 0
    private var confidenceSum = 0.0
    private var confidenceCount = 0

    /// Creates empty text.
    public init() {}

    /// Starts a page (a line break after the previous one).
    public mutating func beginPage() {
        if !pages.isEmpty { append("\n") }
        pageStart = count
        line = -1
        lastScalar = nil
        pageWords = 0
        confidenceSum = 0
        confidenceCount = 0
    }

    /// Adds a line of a text layer (no words, no boxes are kept).
    public mutating func addLine(_ s: String) {
        if count > pageStart { append("\n") }
        append(s)
        line += 1
    }

    /// Adds a recognized word; `lineStart` starts a new line with it.
    public mutating func addWord(_ word: String, box: [Double], confidence: Double?, lineStart: Bool) {
        let w = word.trimmingWhitespace
        guard let first = w.unicodeScalars.first else { return }
        if lineStart || line < 0 {
            if count > pageStart { append("\n") }
            line += 1
        } else if let last = lastScalar, last.isLatinWordPart, first.isLatinWordPart {
            append(" ")
        }
        let start = count
        append(w)
        words.append(RecognizedWord(text: w, span: TextSpan(start, count), page: pages.count + 1, line: line,
                                    box: box, confidence: confidence))
        pageWords += 1
        if let confidence { confidenceSum += confidence; confidenceCount += 1 }
    }

    /// Ends the page begun last, of this size in `unit` (`pt` or `px`).
    public mutating func endPage(width: Double, height: Double, unit: String, ocr: Bool) {
        let mean = confidenceCount > 0 ? (confidenceSum / Double(confidenceCount) * 10).rounded() / 10 : nil
        pages.append(PageInfo(number: pages.count + 1, span: TextSpan(pageStart, count), width: width, height: height,
                              unit: unit, ocr: ocr, confidence: mean))
    }

    /// Whether the text holds anything but white space.
    public var hasText: Bool { text.unicodeScalars.contains { !$0.properties.isWhitespace } }

    private mutating func append(_ s: String) {
        text += s
        count += s.unicodeScalars.count
        if let l = s.unicodeScalars.last { lastScalar = l }
    }
}

extension Unicode.Scalar {
    /// ASCII letters and digits: words made of them are kept apart by a space.
    var isLatinWordPart: Bool { (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
}

extension String {
    var trimmingWhitespace: String {
        let s = unicodeScalars
        guard let a = s.firstIndex(where: { !$0.properties.isWhitespace }),
              let b = s.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(s[a...b])
    }
}
