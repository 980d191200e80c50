import Foundation
import Qiyue
import ZIPFoundation

/// Writes minimal Word documents: a plain text saved as DOCX (one paragraph per line, in runs as
/// Word writes them), or a package of given parts. For tests and `qiyue bench --docx`; Qiyue never
/// writes next to its inputs.
///
/// ```swift
/// let bytes = try DocxWriter.docx(fromText: "第一条 标的\n第二条 价款", numbering: true)
/// try DocxReader().read(bytes, path: "x.docx").text   // "第一条 标的\n第二条 价款\n"
/// ```
public enum DocxWriter {
    /// The WordprocessingML namespace.
    public static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
    """
    static let rootRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
    """

    /// A zip package with the given entries (name, bytes), deflated, in this order.
    public static func zip(_ entries: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return [UInt8](data)
    }

    /// A DOCX of the given parts: `body` is the content of `w:body`; the other parts are whole XML
    /// documents. `extra` entries are added as they are (e.g. hostile names, for tests).
    public static func package(body: String, numbering: String? = nil, styles: String? = nil,
                               headers: [String] = [], footers: [String] = [],
                               extra: [(String, [UInt8])] = []) throws -> [UInt8] {
        let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(w)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>\(body)<w:sectPr/></w:body></w:document>
        """
        var entries: [(String, [UInt8])] = [("[Content_Types].xml", Array(contentTypes.utf8)), ("_rels/.rels", Array(rootRels.utf8)),
                                            ("word/document.xml", Array(document.utf8))]
        if let numbering { entries.append(("word/numbering.xml", Array(numbering.utf8))) }
        if let styles { entries.append(("word/styles.xml", Array(styles.utf8))) }
        for (i, h) in headers.enumerated() { entries.append(("word/header\(i + 1).xml", Array(part("hdr", h).utf8))) }
        for (i, f) in footers.enumerated() { entries.append(("word/footer\(i + 1).xml", Array(part("ftr", f).utf8))) }
        return try zip(entries + extra)
    }

    /// A header or footer part holding `body` (paragraph XML).
    static func part(_ root: String, _ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:\(root) xmlns:w=\"\(w)\">\(body)</w:\(root)>"
    }

    /// numbering.xml with one list: level 0 is 第%1条 (chineseCounting, no suffix), level 1 is
    /// %2. (decimal), level 2 is （%3） (chineseCounting).
    public static let articleNumbering = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:numbering xmlns:w="\(w)"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>\
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="第%1条"/><w:lvlJc w:val="left"/></w:lvl>\
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%2."/></w:lvl>\
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%3）"/></w:lvl>\
    </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
    """

    /// Escapes text for XML character data; a tab becomes `<w:tab/>` when `tabs` is set.
    public static func escape(_ s: Substring) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            default:
                // Characters XML 1.0 cannot hold are left out.
                if u.value < 0x20 && u != "\t" && u != "\n" { continue }
                if u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Run properties as Word writes them for a contract typed in 宋体 小四.
    static let runProperties = "<w:rPr><w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"宋体\" w:hint=\"eastAsia\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr>"

    /// Runs as Word writes them: a new run wherever the script changes (Han and full-width text vs
    /// ASCII letters and digits), each with its full run properties, and a tab as its own run.
    static func runs(_ text: Substring) -> String {
        var xml = ""
        func emit(_ piece: Substring) {
            guard !piece.isEmpty else { return }
            xml += "<w:r w:rsidRPr=\"00A1B2C3\">\(runProperties)<w:t xml:space=\"preserve\">\(escape(piece))</w:t></w:r>"
        }
        var start = text.startIndex
        var i = text.startIndex
        var ascii: Bool?
        while i < text.endIndex {
            let c = text[i]
            if c == "\t" {
                emit(text[start..<i])
                xml += "<w:r>\(runProperties)<w:tab/></w:r>"
                start = text.index(after: i)
                ascii = nil
            } else {
                let isASCII = c.isASCII && c != " "
                if let a = ascii, a != isASCII, c != " " {
                    emit(text[start..<i])
                    start = i
                }
                if c != " " { ascii = isASCII }
            }
            i = text.index(after: i)
        }
        emit(text[start..<text.endIndex])
        return xml
    }

    /// `text` saved as a DOCX: one paragraph per line, with the paragraph and run properties Word
    /// writes (spacing, indent, fonts, size, language; a run per script change). With `numbering`, a line that starts with the
    /// next article number (第一条, 第二条 …, counting from 一) gets it from Word's automatic
    /// numbering instead of as typed, so reading it back gives the same text.
    /// How much markup the writer puts around the text.
    public enum Style: String, Sendable, CaseIterable {
        /// As Word writes a typed contract: paragraph and run properties, a run per script change
        /// (document.xml about 20× the text).
        case word
        /// Bare paragraphs and one run each, as simple generators write (about 3× the text).
        case plain
    }

    public static func docx(fromText text: String, numbering: Bool = false, style: Style = .word) throws -> [UInt8] {
        var body = ""
        body.reserveCapacity(text.utf8.count * 3)
        var next = 1
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for (n, line) in lines.enumerated() {
            var rest = line
            var numPr = ""
            if numbering {
                let marker = "第" + NumberFormat.render(next, format: "chineseCounting") + "条"
                if rest.hasPrefix(marker) {
                    numPr = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"
                    rest = rest.dropFirst(marker.count)
                    next += 1
                }
            }
            if style == .plain {
                let pPr = numPr.isEmpty ? "" : "<w:pPr>\(numPr)</w:pPr>"
                body += "<w:p>\(pPr)" + (rest.isEmpty ? "" : "<w:r><w:t xml:space=\"preserve\">\(escape(rest))</w:t></w:r>") + "</w:p>"
                continue
            }
            let rsid = String(format: "00%06X", n & 0xFFFFFF)
            body += "<w:p w:rsidR=\"\(rsid)\" w:rsidRDefault=\"\(rsid)\" w:rsidP=\"00D4E5F6\"><w:pPr>\(numPr)"
                + "<w:spacing w:line=\"360\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/>\(runProperties)</w:pPr>"
                + runs(rest) + "</w:p>"
        }
        return try package(body: body, numbering: numbering ? articleNumbering : nil)
    }
}
