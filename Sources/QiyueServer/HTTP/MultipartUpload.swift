import Foundation

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
        struct Part { var headers: [(String, String)]; var body: [UInt8] }
        guard let boundary, !boundary.isEmpty else {
            throw APIError(.badRequest, .badMultipart, "multipart/form-data needs a boundary parameter in Content-Type")
        }
        // Parsed by FormDataParser (MultipartKit's state machine without its trap on a header-name
        // byte of 0x80 or more, which took the whole server down twice).
        var parser = FormDataParser(boundary: boundary)
        do { try parser.execute(body) } catch {
            throw APIError(.badRequest, .badMultipart, "malformed multipart body (\(error))")
        }
        let parts = parser.parts.map { p in Part(headers: p.headers.map { ($0.name.lowercased(), $0.value) }, body: p.body) }
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
