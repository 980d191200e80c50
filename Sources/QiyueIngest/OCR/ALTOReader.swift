import Foundation
import Qiyue

/// Reads ALTO XML (Library of Congress; written by Tesseract, ABBYY, Transkribus …): each `Page`'s
/// `String` elements in order, a line break at each `TextLine`, each word's box from HPOS, VPOS,
/// WIDTH, HEIGHT and its confidence from WC (0–1, reported as 0–100).
///
/// ```swift
/// let paged = try ALTOReader.read(bytes, path: "scan.alto.xml")
/// ```
public enum ALTOReader {
    /// Whether the bytes look like ALTO (an `alto` root element near the start).
    public static func looksLikeALTO(_ bytes: [UInt8]) -> Bool {
        guard OCRMarkup.opensAsMarkup(bytes) else { return false }
        return OCRMarkup.contains(bytes, "<alto", within: 4096) || OCRMarkup.contains(bytes, ":alto ", within: 4096)
            || OCRMarkup.contains(bytes, "www.loc.gov/standards/alto", within: 4096)
    }

    /// Reads ALTO; `path` names it in errors.
    public static func read(_ bytes: [UInt8], path: String) throws(QiyueError) -> PagedText {
        try OCRMarkup.read(bytes, handler: Handler(), part: "ALTO", path: path, noWords: "no String element with CONTENT")
    }

    final class Handler: SAXHandler, OCRPageCollector {
        enum Name: Int32, CaseIterable { case Page, TextLine, String, MeasurementUnit }
        override class var names: CStrings { cachedNames }
        private static let cachedNames = CStrings(Name.caseNames)

        var out = PagedText()
        var pending: [PagedText.PendingWord] = []
        var inPage = false
        var pageSize: (Double, Double) = (0, 0)
        var lineStart = false
        var unit = "px"
        var unitText: [UInt8] = []
        var inUnit = false

        override func start(_ id: Int32, _ ns: XMLNamespace, _ a: SAXAttributes) -> Bool {
            switch Name(rawValue: id) {
            case .Page:
                if inPage { endPage() }
                pageSize = (Self.number(a["WIDTH"]) ?? 0, Self.number(a["HEIGHT"]) ?? 0)
                out.beginPage()
                inPage = true
            case .TextLine:
                lineStart = true
            case .String:
                guard let content = a["CONTENT"] else { return true }
                if !inPage { out.beginPage(); inPage = true }
                let x = Self.number(a["HPOS"]) ?? 0, y = Self.number(a["VPOS"]) ?? 0
                let w = Self.number(a["WIDTH"]) ?? 0, h = Self.number(a["HEIGHT"]) ?? 0
                let wc = Self.number(a["WC"]).map { ($0 * 1000).rounded() / 10 }
                if !content.trimmingWhitespace.isEmpty {
                    pending.append(PagedText.PendingWord(text: content, box: [x, y, x + w, y + h], confidence: wc, lineStart: lineStart))
                    lineStart = false
                }
                return true
            case .MeasurementUnit:
                inUnit = true
                unitText = []
            case nil: break
            }
            return false
        }

        override func end(_ id: Int32, _ ns: XMLNamespace) {
            switch Name(rawValue: id) {
            case .Page: endPage()
            case .MeasurementUnit:
                inUnit = false
                let u = String(decoding: unitText, as: UTF8.self).trimmingWhitespace
                unit = u == "pixel" || u.isEmpty ? "px" : u
            default: break
            }
        }

        override func text(_ utf8: UnsafeBufferPointer<UInt8>) {
            if inUnit { unitText.append(contentsOf: utf8) }
        }

        func endPage() {
            out.addRecognizedPage(pending)
            pending = []
            out.endPage(width: pageSize.0, height: pageSize.1, unit: unit, ocr: true)
            inPage = false
        }

        static func number(_ s: String?) -> Double? { s.flatMap { Double($0) } }
    }
}
