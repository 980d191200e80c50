import Qiyue

/// One document of a job: its reports, or the error that stopped it.
public struct JobResult: Encodable, Sendable {
    /// The document's name (JSON Lines `name`, or its path in the zip).
    public var name: String
    /// Its reports (one per document of a page), when it was read.
    public var reports: [ContractReport]?
    /// The error object, when it was not.
    public var error: [String: String]?
}
