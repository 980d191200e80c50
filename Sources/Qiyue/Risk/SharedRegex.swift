/// A compiled ICU pattern shared by concurrent evaluations: ICU matchers are not thread-safe, so
/// each caller checks one out of a small pool (compiling another only when all are busy).
final class SharedRegex: @unchecked Sendable {
    /// The pattern.
    let pattern: String
    /// ICU time limit per match.
    let timeLimit: Int32
    /// Strings one of which every match contains (nil: unknown), to skip text without them.
    let literals: [[UInt16]]?
    private let pool: LockedBox<[ICURegex]>

    /// Compiles the pattern once (it must be valid: rule files are linted first).
    init(_ pattern: String, timeLimit: Int32) throws(ICURegex.CompileError) {
        self.pattern = pattern
        self.timeLimit = timeLimit
        literals = RegexLiterals.required(pattern)
        pool = LockedBox([try ICURegex(pattern, timeLimit: timeLimit)])
    }

    /// Runs `body` with a matcher of its own.
    func with<R, E: Error>(_ body: (ICURegex) throws(E) -> R) throws(E) -> R {
        let regex = pool.withLock { (p: inout [ICURegex]) -> ICURegex? in p.popLast() }
            ?? (try? ICURegex(pattern, timeLimit: timeLimit))
        guard let regex else { preconditionFailure("pattern compiled once and cannot fail again") }
        defer { pool.withLock { (p: inout [ICURegex]) in p.append(regex) } }
        return try body(regex)
    }
}
