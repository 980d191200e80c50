import Foundation
import Qiyue

/// Reads a Word document (.docx, Office Open XML) into the text every span indexes.
///
/// The body (word/document.xml) becomes the text; headers and footers (word/header*.xml,
/// word/footer*.xml) are read apart into ``Result/headers`` and ``Result/footers``.
/// ```swift
/// let r = try DocxReader(options: IngestOptions()).read(bytes, path: "合同.docx")
/// r.text                // "房屋租赁合同\n第一条 …"
/// r.unacceptedChanges   // true when tracked changes were accepted while reading
/// ```
public struct DocxReader: Sendable {
    /// The result of reading a DOCX.
    public struct Result: Sendable {
        /// The body text.
        public var text: String
        /// Text of each distinct non-empty header part, in part order.
        public var headers: [String]
        /// Text of each distinct non-empty footer part, in part order.
        public var footers: [String]
        /// Whether the document holds tracked changes (read as accepted).
        public var unacceptedChanges: Bool
        /// The extent of each top-level table in ``text`` (its rows, one per line, cells tab-separated).
        public var tables: [TextSpan]
    }

    /// Limits in force.
    public var options: IngestOptions

    /// Creates a reader.
    public init(options: IngestOptions = IngestOptions()) { self.options = options }

    /// Reads the DOCX in `bytes`; `path` names it in errors.
    public func read(_ bytes: [UInt8], path: String) throws(QiyueError) -> Result {
        guard ZipParts.looksLikeZip(bytes) else { throw QiyueError(.notDocx, path: path, "not a zip archive, so not a DOCX") }
        var zip = try ZipParts(bytes: bytes, path: path, options: options)
        guard zip.contains("word/document.xml") else {
            let kind = zip.contains("mimetype") ? " (an OpenDocument file? save it as .docx)" : ""
            throw QiyueError(.notDocx, path: path, "zip archive without word/document.xml: not a Word document\(kind)")
        }
        guard zip.contains("[Content_Types].xml") else {
            throw QiyueError(.notDocx, path: path, "zip archive without [Content_Types].xml: not an Office Open XML package")
        }
        let numbering = try WordNumbering(numbering: try zip.read("word/numbering.xml"),
                                          styles: try zip.read("word/styles.xml"), path: path)
        let body = WordBodyReader(numbering: numbering)
        try SAXReader.parse(try zip.read("word/document.xml") ?? [], handler: body, part: "word/document.xml", path: path)
        var changes = body.sawChanges

        func parts(_ prefix: String) throws(QiyueError) -> [String] {
            var texts: [String] = []
            let names = zip.names.filter { Self.isNumberedPart($0, prefix: prefix) }.sorted { Self.partNumber($0) < Self.partNumber($1) }
            for name in names {
                // Each header or footer counts its own lists; its text never enters the body.
                let reader = WordBodyReader(numbering: WordNumbering(listsOf: numbering))
                try SAXReader.parse(try zip.read(name) ?? [], handler: reader, part: name, path: path)
                changes = changes || reader.sawChanges
                let text = String(decoding: reader.out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty && !texts.contains(text) { texts.append(text) }
            }
            return texts
        }
        let headers = try parts("word/header"), footers = try parts("word/footer")
        return Result(text: String(decoding: body.out, as: UTF8.self), headers: headers, footers: footers,
                      unacceptedChanges: changes, tables: body.tableSpans)
    }

    /// word/header1.xml, word/header12.xml … (not word/headerX.xml.rels or anything else).
    static func isNumberedPart(_ name: String, prefix: String) -> Bool {
        guard name.hasPrefix(prefix), name.hasSuffix(".xml") else { return false }
        let middle = name.dropFirst(prefix.count).dropLast(4)
        return middle.allSatisfy(\.isASCIIDigit)
    }

    static func partNumber(_ name: String) -> Int {
        Int(String(name.filter(\.isASCIIDigit))) ?? 0
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
