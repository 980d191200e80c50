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

    /// A recognized word not yet added (``addRecognizedPage(_:)``).
    public struct PendingWord: Sendable {
        /// The word.
        public var text: String
        /// x1, y1, x2, y2 in page pixels.
        public var box: [Double]
        /// Confidence 0–100.
        public var confidence: Double?
        /// Whether it starts a line.
        public var lineStart: Bool

        /// Creates a word.
        public init(text: String, box: [Double], confidence: Double?, lineStart: Bool) {
            self.text = text
            self.box = box
            self.confidence = confidence
            self.lineStart = lineStart
        }
    }

    /// Adds the recognized words of the page begun last, joining lines that only wrap: a line that
    /// reaches the page's right margin and does not end a sentence runs on into the next one unless
    /// that is indented or starts a clause (第…条), a list item or a `label：` line; a gap of a line
    /// height or more between two lines becomes an empty line.
    public mutating func addRecognizedPage(_ words: [PendingWord]) {
        var lines: [[PendingWord]] = []
        for w in words where !w.text.trimmingWhitespace.isEmpty {
            if w.lineStart || lines.isEmpty { lines.append([w]) } else { lines[lines.count - 1].append(w) }
        }
        guard !lines.isEmpty else { return }
        let extents = lines.map { l in (l.map { $0.box[0] }.min() ?? 0, l.map { $0.box[2] }.max() ?? 0) }
        let widths = words.compactMap { w -> Double? in
            let n = w.text.unicodeScalars.count
            return n > 0 && w.box[2] > w.box[0] ? (w.box[2] - w.box[0]) / Double(n) : nil
        }.sorted()
        let char = widths.isEmpty ? 20 : widths[widths.count / 2]
        let right = extents.map(\.1).max() ?? 0, left = extents.map(\.0).min() ?? 0
        let tops = lines.map { l in l.map { $0.box[1] }.min() ?? 0 }, bottoms = lines.map { l in l.map { $0.box[3] }.max() ?? 0 }
        let heights = zip(tops, bottoms).map { $1 - $0 }.sorted()
        let lineHeight = heights[heights.count / 2]
        for (k, line) in lines.enumerated() {
            var joined = false
            if k > 0 {
                let prev = lines[k - 1]
                let last = prev.last?.text.unicodeScalars.last
                let ends = last.map { "。；！？：:;!?".unicodeScalars.contains($0) } ?? true
                let full = extents[k - 1].1 >= right - 2 * char
                let indented = extents[k].0 > left + 1.5 * char
                let text = line.map(\.text).joined()
                let starts = text.hasPrefix("第") || text.prefix(10).contains("：") || text.prefix(10).contains(":")
                    || Self.startsListItem(text)
                joined = full && !ends && !indented && !starts
            }
            // A gap of a line or more between two lines ends a paragraph: an empty line, as typed text has.
            if k > 0, !joined, tops[k] - bottoms[k - 1] > lineHeight, count > pageStart { append("\n") }
            for (i, w) in line.enumerated() {
                addWord(w.text, box: w.box, confidence: w.confidence, lineStart: i == 0 && !joined)
            }
        }
    }

    /// 一、 · （一） · 1. · 1、 · (1)
    static func startsListItem(_ t: String) -> Bool {
        let s = Array(t.unicodeScalars.prefix(6))
        guard let f = s.first else { return false }
        if f == "(" || f == "（" { return true }
        var k = 0
        while k < s.count, ("0"..."9").contains(s[k]) || "一二三四五六七八九十".unicodeScalars.contains(s[k]) { k += 1 }
        return k > 0 && k < s.count && "、.．)）".unicodeScalars.contains(s[k])
    }

    /// Ends the page begun last, of this size in `unit` (`pt` or `px`).
    public mutating func endPage(width: Double, height: Double, unit: String, ocr: Bool) {
        let mean = confidenceCount > 0 ? (confidenceSum / Double(confidenceCount) * 10).rounded() / 10 : nil
        pages.append(PageInfo(number: pages.count + 1, span: TextSpan(pageStart, count), width: width, height: height,
                              unit: unit, ocr: ocr, confidence: mean))
    }

    /// Whether the text holds anything but white space.
    public var hasText: Bool { text.unicodeScalars.contains { !$0.isWhiteSpace } }

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
        guard let a = s.firstIndex(where: { !$0.isWhiteSpace }),
              let b = s.lastIndex(where: { !$0.isWhiteSpace }) else { return "" }
        return String(s[a...b])
    }
}
