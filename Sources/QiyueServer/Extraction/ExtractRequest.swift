import Qiyue

/// What one extraction asks for: the query parameters of `POST /v1/extract` (and of each
/// document of a job), checked.
public struct ExtractRequest: Sendable, Equatable {
    /// Report each document of a multi-document page on its own (`split`, default true).
    public var split = true
    /// The category to assume instead of classifying (`category`).
    public var category: String?
    /// Ids of the active rules to run (`only_rules`, comma-separated); nil: all of them.
    public var onlyRules: [String]?
    /// Put the decoded text into `source.text` (`include_text`).
    public var includeText = false
    /// What to mask in the parties (`redact`, comma-separated).
    public var redact: Redactor? = nil
    /// A charset given by the client (from `Content-Type`), instead of detecting it.
    public var charset: String?
    /// A format hint from the content type (html, xml, docx), instead of sniffing.
    public var format: SourceFormat?

    /// The defaults (split, all rules, no text, nothing masked).
    public init() {}

    /// Reads the query parameters; unknown parameters are ignored.
    /// - Throws: 400 `Q703` for a bad value (the parameter is named in the message).
    public init(query: [(String, String)]) throws(APIError) {
        for (name, value) in query {
            // An empty list parameter is the same as leaving it out.
            if value.isEmpty && (name == "only_rules" || name == "redact" || name == "category") { continue }
            switch name {
            case "split": split = try Self.bool(name, value)
            case "include_text": includeText = try Self.bool(name, value)
            case "category":
                guard DocumentClassifier.categories.contains(value) else {
                    throw APIError(.badRequest, .badParameter,
                                   "unknown category '\(value)'; expected one of \(DocumentClassifier.categories.joined(separator: ", "))")
                }
                category = value
            case "only_rules":
                let ids = value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard !ids.isEmpty else { throw APIError(.badRequest, .badParameter, "only_rules needs one or more rule ids, comma-separated") }
                onlyRules = ids
            case "redact":
                switch Redactor.parse(value) {
                case .success(let r): redact = r
                case .failure(let bad):
                    throw APIError(.badRequest, .badParameter,
                                   "unknown redaction '\(bad.word)'; expected ids, phones, accounts, names, emails, contacts or all")
                }
            default: continue
            }
        }
    }

    private static func bool(_ name: String, _ value: String) throws(APIError) -> Bool {
        switch value.lowercased() {
        case "true", "1", "yes", "": return true
        case "false", "0", "no": return false
        default: throw APIError(.badRequest, .badParameter, "\(name) must be true or false, got '\(value)'")
        }
    }
}
