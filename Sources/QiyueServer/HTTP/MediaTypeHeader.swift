import Foundation
import Qiyue

/// A parsed `Content-Type`: the lower-cased type/subtype and its parameters.
struct MediaTypeHeader {
    var type: String
    var parameters: [String: String]

    init(_ header: String?) {
        let items = (header ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        type = items.first?.lowercased() ?? ""
        var ps: [String: String] = [:]
        for item in items.dropFirst() {
            let kv = item.split(separator: "=", maxSplits: 1)
            guard kv.count == 2 else { continue }
            ps[kv[0].lowercased()] = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        }
        parameters = ps
    }

    /// The charset parameter, or nil for none (detected then).
    var charset: String? { parameters["charset"] }

    /// The format a document body of this type is read as (nil: sniffed by content), or nil
    /// outer when the type is not a document type at all.
    var documentFormat: SourceFormat?? {
        switch type {
        // curl's -d/--data-binary default type: the body is the document all the same.
        case "", "text/plain", "application/octet-stream", "application/x-www-form-urlencoded": return .some(nil)
        case "text/html", "application/xhtml+xml": return .some(.html)
        case "text/xml", "application/xml": return .some(.xml)
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document": return .some(.docx)
        case "application/msword", "application/vnd.ms-works", "application/wps-office.wps": return .some(nil)
        default: return nil
        }
    }

    /// The types `POST /v1/extract` reads, for error messages.
    static let documentTypes = "text/plain, text/html, application/xml, application/octet-stream, a Word type, or multipart/form-data"
}
