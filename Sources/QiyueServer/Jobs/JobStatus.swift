import Qiyue

/// A job as `POST /v1/jobs` and `GET /v1/jobs/{id}` answer it.
public struct JobStatus: Encodable, Sendable {
    /// The job's id.
    public var id: String
    /// `queued`, `running` or `done`.
    public var status: String
    /// Documents in the job.
    public var total: Int
    /// Documents finished (reported or failed).
    public var completed: Int
    /// Documents that could not be read.
    public var failed: Int
    /// One entry per finished document, in input order.
    public var results: [JobResult]
    /// The callback's state: `pending`, `delivered` or `failed` (nil: no callback).
    public var callback: String?
    /// When the job and its results are deleted (ISO 8601; set once the job is done).
    public var expiresAt: String?
}
