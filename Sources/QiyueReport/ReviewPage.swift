import Foundation
import Qiyue

/// The review page: one self-contained HTML document (no external resource) that shows reports
/// over their text. Served by `GET /` (with a form to paste or upload a contract) and written by
/// `qiyue report --html` (with the reports embedded, no form).
public enum ReviewPage {
    /// The page's Content-Security-Policy: nothing is loaded from anywhere but the server itself.
    public static let contentSecurityPolicy = "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'"

    /// The interactive page (the server's `GET /`): a form, results fetched from `POST /v1/extract`.
    public static func html() -> String { page(embedded: nil) }

    /// A standalone view of `reports` (each with `source.text`), for `qiyue report --html`.
    public static func html(reports: [ContractReport]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(reports), as: UTF8.self)
        return page(embedded: json)
    }

    /// The page, with `embedded` JSON made safe inside a script element (`<` escaped).
    static func page(embedded: String?) -> String {
        let data = embedded.map { $0.replacingOccurrences(of: "<", with: "\\u003c") } ?? "null"
        return ReviewAssets.html
            .replacingOccurrences(of: "QIYUE_MODE", with: embedded == nil ? "live" : "static")
            .replacingOccurrences(of: "/*QIYUE_STYLE*/", with: ReviewAssets.css)
            .replacingOccurrences(of: "/*QIYUE_SCRIPT*/", with: ReviewAssets.script)
            .replacingOccurrences(of: "/*QIYUE_DATA*/null", with: data)
    }
}
