import Qiyue

/// A SAX handler that collects recognized pages (the hOCR and ALTO readers' handlers).
protocol OCRPageCollector: SAXHandler {
    var out: PagedText { get }
    var inPage: Bool { get }
    func endPage()
}

/// What the hOCR and ALTO readers share.
enum OCRMarkup {
    /// Parses OCR markup with `handler`; `part` names the format in messages and `noWords` says
    /// what a document without words lacks. Errors: Q114 for a DTD, else badOCRMarkup.
    static func read<H: OCRPageCollector>(_ bytes: [UInt8], handler: H, part: String, path: String, noWords: String) throws(QiyueError) -> PagedText {
        do {
            try SAXReader.parse(withoutPlainDoctype(bytes), handler: handler, part: part, path: path)
        } catch let e where e.code == .notDocx {
            throw QiyueError(.badOCRMarkup, path: path, e.message)
        }
        if handler.inPage { handler.endPage() }
        guard !handler.out.words.isEmpty else { throw QiyueError(.badOCRMarkup, path: path, "\(part) without words (\(noWords))") }
        return handler.out
    }

    /// Whether `needle` (UTF-8) occurs in the first `limit` bytes, by bytes (`String.contains`
    /// goes through Foundation's locale-aware search on Linux, which cost a fifth of reading a
    /// plain text file when sniffing ran it on every input).
    /// Whether the bytes open as markup: `<` first, after a UTF-8 byte-order mark and white space.
    /// hOCR and ALTO files always do, so plain text skips the searches for their markers.
    static func opensAsMarkup(_ bytes: [UInt8]) -> Bool {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 }
        return i < bytes.count && bytes[i] == 0x3C
    }

    static func contains(_ bytes: [UInt8], _ needle: String, within limit: Int) -> Bool {
        find(Array(needle.utf8), in: bytes[..<min(bytes.count, limit)]) != nil
    }
    /// The bytes without a document type declaration that only names an external DTD
    /// (`<!DOCTYPE html PUBLIC "…" "…">`, as Tesseract's hOCR has): nothing is loaded either way,
    /// but the XML reader refuses every DTD. A declaration with an internal subset (`[`), where
    /// entities could be declared, is kept, so the reader refuses it (Q114).
    static func withoutPlainDoctype(_ bytes: [UInt8]) -> [UInt8] {
        let marker = Array("<!DOCTYPE".utf8)
        let head = bytes.prefix(4096)
        guard let start = Self.find(marker, in: head) else { return bytes }
        var i = start + marker.count
        var quote: UInt8?
        while i < head.count {
            let c = bytes[i]
            if let q = quote { if c == q { quote = nil } }
            else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { quote = c }
            else if c == UInt8(ascii: "[") { return bytes }
            else if c == UInt8(ascii: ">") {
                var out = Array(bytes[..<start])
                out.append(contentsOf: bytes[(i + 1)...])
                return out
            }
            i += 1
        }
        return bytes
    }

    /// The first index of `needle` in `hay`, comparing bytes in place.
    static func find(_ needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, hay.count >= needle.count else { return nil }
        var i = hay.startIndex
        let last = hay.endIndex - needle.count
        while i <= last {
            if hay[i] == first && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
