import Foundation
import MultipartKit
import NIOCore

/// The file part of a `multipart/form-data` upload: the part named `file` (or the first part
/// with a file name, or the only part).
struct MultipartUpload {
    /// The file's bytes.
    var bytes: [UInt8]
    /// The file name the client gave, if any.
    var filename: String?
    /// The part's own content type, if any.
    var contentType: String?

    /// Parses a body. - Throws: 400 `Q705` when it is malformed or has no part.
    static func parse(_ body: [UInt8], boundary: String?) throws(APIError) -> MultipartUpload {
        guard let boundary, !boundary.isEmpty else {
            throw APIError(.badRequest, .badMultipart, "multipart/form-data needs a boundary parameter in Content-Type")
        }
        // MultipartKit indexes a 128-entry table with each byte of a part's header name: a byte of
        // 0x80 or more there trapped and took the whole server down (found by the http fuzz target).
        guard Self.headerNamesAreASCII(body, boundary: Array(("--" + boundary).utf8)) else {
            throw APIError(.badRequest, .badMultipart, "malformed multipart body: a part's header name holds a non-ASCII byte")
        }
        struct Part { var headers: [(String, String)] = []; var body: [UInt8] = [] }
        var parts: [Part] = []
        var current = Part()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { current.headers.append(($0.lowercased(), $1)) }
        parser.onBody = { buf in current.body.append(contentsOf: buf.readableBytesView) }
        parser.onPartComplete = { parts.append(current); current = Part() }
        do { try parser.execute(body) } catch {
            throw APIError(.badRequest, .badMultipart, "malformed multipart body (\(error))")
        }
        let closing = Array(("--" + boundary + "--").utf8)
        guard !parts.isEmpty, Self.contains(body, closing) else {
            throw APIError(.badRequest, .badMultipart, "malformed multipart body: no complete part (is the closing boundary missing?)")
        }
        func disposition(_ p: Part) -> String { p.headers.first { $0.0 == "content-disposition" }?.1 ?? "" }
        func param(_ name: String, _ header: String) -> String? {
            for item in header.split(separator: ";") {
                let kv = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if kv.count == 2, kv[0].lowercased() == name { return kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            }
            return nil
        }
        let chosen = parts.first { param("name", disposition($0)) == "file" }
            ?? parts.first { param("filename", disposition($0)) != nil }
            ?? (parts.count == 1 ? parts[0] : nil)
        guard let part = chosen else {
            throw APIError(.badRequest, .badMultipart, "the multipart body has no file part (name it \"file\")")
        }
        return MultipartUpload(bytes: part.body, filename: param("filename", disposition(part)),
                               contentType: part.headers.first { $0.0 == "content-type" }?.1)
    }

    /// Whether every header line after each delimiter has only ASCII bytes before its colon (the
    /// whole line when it has none).
    static func headerNamesAreASCII(_ body: [UInt8], boundary: [UInt8]) -> Bool {
        guard let first = boundary.first else { return true }
        var i = 0
        while i + boundary.count <= body.count {
            guard body[i] == first, body[i..<(i + boundary.count)].elementsEqual(boundary) else { i += 1; continue }
            // Skip the delimiter line, then check header lines up to the empty one.
            var k = i + boundary.count
            while k < body.count && body[k] != 0x0A { k += 1 }
            k += 1
            while k < body.count {
                var end = k
                while end < body.count && body[end] != 0x0A { end += 1 }
                let line = body[k..<end]
                if line == [0x0D] { break }  // the CRLF blank line (a bare LF line does not end the headers for MultipartKit)
                for b in line.prefix(while: { $0 != UInt8(ascii: ":") }) where b >= 0x80 { return false }
                k = end + 1
            }
            i = max(k, i + 1)
        }
        return true
    }

    private static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= hay.count else { return false }
        var i = hay.count - needle.count
        while i >= 0 {
            if hay[i] == needle[0] && Array(hay[i..<i + needle.count]) == needle { return true }
            i -= 1
        }
        return false
    }
}
