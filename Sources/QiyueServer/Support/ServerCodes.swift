import Qiyue

/// The server's own stable error codes (Q700–Q749), beside the CLI's (``QiyueError/Code``).
extension QiyueError.Code {
    /// No endpoint at this path (or not for this method).
    public static let notFound = Self(rawValue: "Q700")
    /// The request's method is not allowed on this path.
    public static let methodNotAllowed = Self(rawValue: "Q701")
    /// The body's content type is not one the endpoint reads.
    public static let unsupportedMediaType = Self(rawValue: "Q702")
    /// A query parameter is invalid (an unknown category, a bad boolean, an unknown redaction).
    public static let badParameter = Self(rawValue: "Q703")
    /// `only_rules` names a rule that is not active.
    public static let unknownRule = Self(rawValue: "Q704")
    /// A multipart body is malformed or holds no file part.
    public static let badMultipart = Self(rawValue: "Q705")
    /// A jobs body is malformed (a bad JSON line, a bad zip, no document, a bad callback URL).
    public static let badJob = Self(rawValue: "Q706")
    /// The callback URL's host is not on the allow-list.
    public static let callbackNotAllowed = Self(rawValue: "Q707")
    /// No job with this id (never created, or deleted after its retention time).
    public static let jobNotFound = Self(rawValue: "Q708")
    /// The API key header is missing or wrong.
    public static let unauthorized = Self(rawValue: "Q710")
    /// The server is at its concurrency limit: try again after `Retry-After` seconds.
    public static let busy = Self(rawValue: "Q720")
    /// The request took longer than the server's request timeout.
    public static let timeout = Self(rawValue: "Q721")
    /// The server is misconfigured (listening beyond loopback without an API key, a bad option).
    public static let badConfiguration = Self(rawValue: "Q730")
    /// An unexpected internal failure (never a stack trace: the log has the details).
    public static let internalError = Self(rawValue: "Q740")
}
