/// What the hOCR and ALTO readers share.
enum OCRMarkup {
    /// The bytes without a document type declaration that only names an external DTD
    /// (`<!DOCTYPE html PUBLIC "…" "…">`, as Tesseract's hOCR has): nothing is loaded either way,
    /// but the XML reader refuses every DTD. A declaration with an internal subset (`[`), where
    /// entities could be declared, is kept, so the reader refuses it (Q114).
    static func withoutPlainDoctype(_ bytes: [UInt8]) -> [UInt8] {
        let marker = Array("<!DOCTYPE".utf8)
        let head = bytes.prefix(4096)
        guard let start = Self.find(marker, in: Array(head)) else { return bytes }
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

    static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle {
            return i
        }
        return nil
    }
}
