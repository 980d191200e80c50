import Foundation
import CXMLBridge

/// Decodes input bytes to text: BOMs, strict UTF-8, then ICU detection with trial decoding as
/// GB18030 and Big5, and a language-aware choice between the candidates that decode.
///
/// ```swift
/// let decoded = try TextDecoder().decode(contentsOf: "合同.txt")
/// decoded.encoding   // "GB18030"
/// ```
public struct TextDecoder: Sendable {
    /// The options in force.
    public var options: DecodingOptions

    /// Creates a decoder.
    public init(options: DecodingOptions = DecodingOptions()) { self.options = options }

    /// Reads and decodes a file.
    public func decode(contentsOf path: String) throws(QiyueError) -> DecodedText {
        try decode(contentsOfRawPath: Array(path.utf8))
    }

    /// Reads and decodes a file named by the raw bytes of its path (which need not be UTF-8).
    public func decode(contentsOfRawPath raw: [UInt8]) throws(QiyueError) -> DecodedText {
        try decode(FileReader.read(path: raw, maxBytes: options.maxBytes), name: FileReader.displayName(raw))
    }

    /// Decodes bytes; `name` is used in errors and to guess the format from its extension.
    public func decode(_ bytes: [UInt8], name: String = "<input>") throws(QiyueError) -> DecodedText {
        guard bytes.count <= options.maxBytes else {
            throw QiyueError(.tooLarge, path: name,
                             "input is \(bytes.count) bytes, over the limit of \(options.maxBytes) bytes")
        }
        let decoded = try decodeText(bytes, name: name)
        let scalars = decoded.scalars
        if scalars.allSatisfy({ Unicode.Scalar($0)?.isWhiteSpace ?? false }) {
            throw QiyueError(.empty, path: name, "file is empty")
        }
        let format = options.format ?? Self.guessFormat(name: name, scalars: scalars)
        switch format {
        case .text:
            return decoded
        case .docx:
            throw QiyueError(.notDocx, path: name, "DOCX input is read by the QiyueIngest module (Ingestor), not by TextDecoder")
        case .pdf, .image, .hocr, .alto:
            throw QiyueError(.usage, path: name, "\(format.rawValue) input is read by the QiyueIngest and QiyueScan modules (Ingestor), not by TextDecoder")
        case .html, .xml:
            let (extracted, strippedFallback) = try Self.extractMarkupChecked(decoded.text, xml: format == .xml, name: name)
            var out = DecodedText(text: extracted, encoding: decoded.encoding, format: format)
            if strippedFallback {
                out.warnings.append(ReportWarning(.markupFallback, "HTML nesting is deeper than libxml2 reads; the whole text was taken by a plain tag stripper instead"))
            }
            return out
        }
    }

    // MARK: - Encoding

    private func decodeText(_ bytes: [UInt8], name: String) throws(QiyueError) -> DecodedText {
        func text(_ t: (String, String)) -> DecodedText { DecodedText(text: t.0, encoding: t.1, format: .text) }
        if bytes.isEmpty { throw QiyueError(.empty, path: name, "file is empty") }
        if let forced = options.encoding {
            return text(try convert(bytes[...], charset: forced, name: name, reportUnknown: true))
        }
        // Byte order marks.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = bytes[3...]
            if let offset = UTF8Validator.validate(body).errorOffset {
                throw QiyueError(.undecodable, path: name, "invalid UTF-8 byte sequence at byte offset \(offset + 3)")
            }
            return text((String(decoding: body, as: UTF8.self), "UTF-8"))
        }
        // UTF-32 first: its little-endian mark begins with UTF-16LE's.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return text(try convert(bytes[4...], charset: "UTF-32LE", name: name, offsetBase: 4)) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return text(try convert(bytes[4...], charset: "UTF-32BE", name: name, offsetBase: 4)) }
        if bytes.starts(with: [0xFF, 0xFE]) { return text(try convert(bytes[2...], charset: "UTF-16LE", name: name, offsetBase: 2)) }
        if bytes.starts(with: [0xFE, 0xFF]) { return text(try convert(bytes[2...], charset: "UTF-16BE", name: name, offsetBase: 2)) }

        if let nul = bytes.firstIndex(of: 0) {
            throw QiyueError(.binary, path: name, "looks binary: NUL byte at offset \(nul) (UTF-16 input needs a byte order mark, or --encoding)")
        }
        let control = bytes.prefix(8192).reduce(0) { $0 + (($1 < 0x09 || ($1 > 0x0D && $1 < 0x20 && $1 != 0x1B)) ? 1 : 0) }
        if control * 20 > min(bytes.count, 8192) {
            throw QiyueError(.binary, path: name, "looks binary: \(control) control bytes in the first \(min(bytes.count, 8192))")
        }

        // Strict UTF-8, the common case, is validated and decoded to scalars in one pass; the
        // validator runs again only to say where other bytes stop being UTF-8.
        if let scalars = UTF8Validator.scalars(bytes) { return DecodedText(scalars: scalars, encoding: "UTF-8", format: .text) }
        let utf8 = UTF8Validator.validate(bytes[...])
        guard let utf8Error = utf8.errorOffset else {
            return text((String(decoding: bytes, as: UTF8.self), "UTF-8"))
        }
        // A long valid UTF-8 prefix means the file is UTF-8 with a damaged byte: decoding it as
        // something else would silently produce wrong text.
        if utf8.multiByteSequences >= 8 {
            throw QiyueError(.undecodable, path: name, "invalid UTF-8 byte sequence at byte offset \(utf8Error)")
        }

        // Trial decoding: ICU's guesses first, then the Chinese legacy encodings.
        var candidates: [String] = []
        for guess in ICUCharset.detect(bytes) where Self.trialCharsets.contains(guess.name) {
            candidates.append(guess.name)
        }
        for c in ["GB18030", "Big5"] where !candidates.contains(c) { candidates.append(c) }

        var best: (text: String, charset: String, score: Double)?
        var furthest = (offset: utf8Error, charset: "UTF-8")
        for charset in candidates {
            switch ICUCharset.toUTF16(bytes[...], charset: charset) {
            case .text(let units):
                let text = String(decoding: units, as: UTF16.self)
                let score = CommonHanzi.score(text)
                if best == nil || score > best!.score + 0.02 {
                    best = (text, Self.displayName(charset), score)
                }
            case .invalid(let offset):
                if offset > furthest.offset { furthest = (offset, Self.displayName(charset)) }
            case .unknownCharset:
                continue
            }
        }
        if let best { return text((best.text, best.charset)) }
        throw QiyueError(.undecodable, path: name,
                         "not valid UTF-8, GB18030 or Big5: invalid \(furthest.charset) byte sequence at byte offset \(furthest.offset) (use --encoding to force one)")
    }

    private func convert(_ bytes: ArraySlice<UInt8>, charset: String, name: String, offsetBase: Int = 0,
                         reportUnknown: Bool = false) throws(QiyueError) -> (String, String) {
        if charset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" {
            if let offset = UTF8Validator.validate(bytes).errorOffset {
                throw QiyueError(.undecodable, path: name, "invalid UTF-8 byte sequence at byte offset \(offset + offsetBase)")
            }
            var body = bytes
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            return (String(decoding: body, as: UTF8.self), "UTF-8")
        }
        switch ICUCharset.toUTF16(bytes, charset: charset) {
        case .text(var units):
            if units.first == 0xFEFF { units.removeFirst() }
            return (String(decoding: units, as: UTF16.self), Self.displayName(charset))
        case .invalid(let offset):
            throw QiyueError(.undecodable, path: name,
                             "invalid \(Self.displayName(charset)) byte sequence at byte offset \(offset + offsetBase)")
        case .unknownCharset:
            throw QiyueError(.unknownEncoding, path: name, "unknown encoding '\(charset)'")
        }
    }

    /// Charsets worth a trial decode when ICU proposes them.
    static let trialCharsets: Set<String> = ["GB18030", "Big5", "UTF-16LE", "UTF-16BE", "EUC-JP", "Shift_JIS", "EUC-KR"]

    static func displayName(_ charset: String) -> String {
        switch charset.uppercased() {
        case "GB18030", "GBK", "GB2312": return "GB18030"
        case "BIG5", "BIG-5": return "Big5"
        default: return charset
        }
    }

    // MARK: - Markup

    static func guessFormat(name: String, text: String) -> SourceFormat {
        guessFormat(name: name, scalars: text.unicodeScalars.prefix(512).map(\.value))
    }

    static func guessFormat(name: String, scalars: [UInt32]) -> SourceFormat {
        let lower = name.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return .html }
        if lower.hasSuffix(".xml") { return .xml }
        // The first 14 non-space characters within the first 512, ASCII-lowercased (a BOM counts as space).
        var head = ""
        for v in scalars.prefix(512) {
            guard let u = Unicode.Scalar(v) else { break }
            if head.isEmpty && (u.isWhiteSpace || u.value == 0xFEFF) { continue }
            head.unicodeScalars.append(u.value >= 0x41 && u.value <= 0x5A ? Unicode.Scalar(UInt8(u.value + 0x20)) : u)
            if head.unicodeScalars.count == 14 { break }
        }
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") { return .html }
        if head.hasPrefix("<?xml") { return .xml }
        return .text
    }

    /// The text of HTML or XML, and whether libxml2 halted so that the tag stripper read it.
    static func extractMarkupChecked(_ text: String, xml: Bool, name: String) throws(QiyueError) -> (text: String, strippedFallback: Bool) {
        var utf8 = Array(text.utf8)
        utf8.append(0)
        var fallback: Int32 = 0
        let result: String? = utf8.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { cb in
                guard let p = qy_markup_to_text_checked(cb.baseAddress, Int32(cb.count - 1), xml ? 1 : 0, &fallback) else { return nil }
                defer { qy_xml_free(p) }
                return String(cString: p)
            }
        }
        guard let result, !result.isEmpty else {
            throw QiyueError(.badMarkup, path: name, xml ? "XML could not be parsed" : "HTML has no text")
        }
        return (result, fallback != 0)
    }
}
