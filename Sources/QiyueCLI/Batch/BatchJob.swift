import Qiyue

/// One unit of batch work: a file, a walker error, or a line of a stream input.
enum BatchJob: Sendable {
    /// A file, by the raw bytes of its path.
    case file([UInt8])
    /// An input that failed before it could be queued (an unreadable directory).
    case failed(QiyueError)
    /// A line of `--stdin-jsonl` / `--stdin-tsv` input (without its newline), with its 1-based number.
    case line(Int, [UInt8])
}

/// What a worker hands back for one job: the output text (whole lines, written in one write)
/// and what the summary counts.
struct BatchResult: Sendable {
    /// Output lines, each ending in a newline; empty for a skipped input.
    var text: String = ""
    /// One entry per document reported.
    var documents: [DocumentStat] = []
    /// The error code, if the input failed.
    var failure: QiyueError.Code?
    /// Input bytes read.
    var bytes = 0
    /// Already in the results being resumed.
    var skipped = false

    /// Summary counts of one report.
    struct DocumentStat: Sendable {
        var category: String
        var risks: [(rule: String, severity: String)]
    }
}
