import Foundation
import Qiyue

/// Reads hOCR (the HTML Tesseract and other engines write): the words of each `ocr_page` in
/// document order, a line break at each `ocr_line`, each word's `bbox` and `x_wconf`.
///
/// ```swift
/// let paged = try HOCRReader.read(bytes, path: "scan.hocr")
/// paged.words.first   // RecognizedWord(text: "出", box: [47, 110, 127, 135], confidence: 93, …)
/// ```
public enum HOCRReader {
    /// Whether the bytes look like hOCR (an `ocr_page` near the start of HTML or XHTML).
    public static func looksLikeHOCR(_ bytes: [UInt8]) -> Bool {
        guard OCRMarkup.opensAsMarkup(bytes) else { return false }
        return OCRMarkup.contains(bytes, "ocr_page", within: 8192)
            && (OCRMarkup.contains(bytes, "<html", within: 8192) || OCRMarkup.contains(bytes, "<div", within: 8192)
                || OCRMarkup.contains(bytes, "<?xml", within: 8192))
    }

    /// Reads hOCR; `path` names it in errors.
    public static func read(_ bytes: [UInt8], path: String) throws(QiyueError) -> PagedText {
        try OCRMarkup.read(bytes, handler: Handler(), part: "hOCR", path: path, noWords: "no ocrx_word element")
    }

    /// The properties of an hOCR `title` attribute (`bbox 47 110 127 135; x_wconf 93`).
    static func properties(_ title: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for part in title.split(separator: ";") {
            let fields = part.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let key = fields.first else { continue }
            out[key] = Array(fields.dropFirst())
        }
        return out
    }

    static func box(_ p: [String: [String]]) -> [Double]? {
        guard let b = p["bbox"], b.count == 4 else { return nil }
        let v = b.compactMap(Double.init)
        return v.count == 4 ? v : nil
    }

    final class Handler: SAXHandler, OCRPageCollector {
        enum Name: Int32, CaseIterable { case div, span, p }
        override class var names: CStrings { cachedNames }
        private static let cachedNames = CStrings(Name.caseNames)

        enum Role { case page, line, word, other }
        var out = PagedText()
        var pending: [PagedText.PendingWord] = []
        var stack: [Role] = []
        var inPage = false
        var pageSize: (Double, Double) = (0, 0)
        var lineStart = false
        var word: [UInt8] = []
        var wordBox: [Double] = [0, 0, 0, 0]
        var wordConfidence: Double?

        override func start(_ id: Int32, _ ns: XMLNamespace, _ attributes: SAXAttributes) -> Bool {
            let classes = (attributes["class"] ?? "").split(separator: " ")
            let title = attributes["title"] ?? ""
            if classes.contains("ocr_page") {
                if inPage { endPage() }
                let p = HOCRReader.properties(title)
                let b = HOCRReader.box(p) ?? [0, 0, 0, 0]
                pageSize = (b[2] - b[0], b[3] - b[1])
                out.beginPage()
                inPage = true
                stack.append(.page)
            } else if classes.contains(where: { $0 == "ocr_line" || $0 == "ocr_textfloat" || $0 == "ocr_header" || $0 == "ocr_caption" }) {
                lineStart = true
                stack.append(.line)
            } else if classes.contains("ocrx_word") {
                let p = HOCRReader.properties(title)
                wordBox = HOCRReader.box(p) ?? [0, 0, 0, 0]
                wordConfidence = p["x_wconf"]?.first.flatMap(Double.init)
                word = []
                stack.append(.word)
            } else {
                stack.append(.other)
            }
            return false
        }

        override func end(_ id: Int32, _ ns: XMLNamespace) {
            guard let role = stack.popLast() else { return }
            switch role {
            case .word:
                if !inPage { out.beginPage(); inPage = true }
                let text = String(decoding: word, as: UTF8.self)
                if !text.trimmingWhitespace.isEmpty {
                    pending.append(PagedText.PendingWord(text: text, box: wordBox, confidence: wordConfidence, lineStart: lineStart))
                    lineStart = false
                }
            case .page: endPage()
            case .line, .other: break
            }
        }

        override func text(_ utf8: UnsafeBufferPointer<UInt8>) {
            if stack.contains(.word) { word.append(contentsOf: utf8) }
        }

        func endPage() {
            out.addRecognizedPage(pending)
            pending = []
            out.endPage(width: pageSize.0, height: pageSize.1, unit: "px", ocr: true)
            inPage = false
        }
    }
}
