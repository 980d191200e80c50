import CICUBridge

/// An ICU regular expression with a match time limit, so that a user-supplied pattern cannot hang
/// the tool. Not thread-safe: compile one per worker, or guard with a lock.
final class ICURegex {
    private let handle: OpaquePointer
    /// The source pattern.
    let pattern: String
    /// ICU time limit in its work units (roughly milliseconds of matching).
    let timeLimit: Int32

    /// A pattern that failed to compile, with the UTF-16 offset of the problem when ICU knows it.
    struct CompileError: Error {
        let offset: Int?
        let status: Int32
    }

    /// A search that could not finish: over its time limit, over the caller's budget, or failed
    /// in ICU (a backtracking stack overflow, say). Never to be read as "no match".
    enum MatchError: Error, Equatable {
        case timeLimit
        case budget
        case failed(status: Int32)
    }

    /// ICU time units the last ``matches(in:limit:budget:)`` spent.
    private(set) var used = 0

    init(_ pattern: String, caseInsensitive: Bool = false, timeLimit: Int32 = 200) throws(CompileError) {
        var errorOffset: Int32 = -1
        var status: Int32 = 0
        let units = Array(pattern.utf16)
        let h = units.withUnsafeBufferPointer { b in
            qy_regex_open(b.baseAddress, Int32(b.count), caseInsensitive ? 1 : 0, &errorOffset, &status)
        }
        guard let h else {
            throw CompileError(offset: errorOffset >= 0 ? Int(errorOffset) : nil, status: status)
        }
        handle = h
        self.pattern = pattern
        self.timeLimit = timeLimit
    }

    deinit { qy_regex_close(handle) }

    /// A readable name for an ICU failure status of a search.
    static func describe(status: Int32) -> String {
        let name = String(cString: qy_error_name(status))
        return name == "U_REGEX_STACK_OVERFLOW" ? "ICU's backtracking stack overflowed (U_REGEX_STACK_OVERFLOW)" : name
    }

    /// All non-overlapping matches in `text` (UTF-16), as UTF-16 ranges.
    func matches(in text: [UInt16], limit: Int = 10_000, budget: Int = -1) throws(MatchError) -> [Range<Int>] {
        try text.withUnsafeBufferPointer { b throws(MatchError) in try matches(in: b, limit: limit, budget: budget) }
    }

    /// All non-overlapping matches in a UTF-16 buffer (for example one sentence of a larger text,
    /// without copying it), as ranges relative to the buffer's start. `^`, `$` and look-behind see
    /// only the buffer.
    /// `budget`: ICU time units all finds of this call may spend (negative: no budget beyond the
    /// per-match time limit); ``used`` tells what they spent.
    func matches(in b: UnsafeBufferPointer<UInt16>, limit: Int = 10_000, budget: Int = -1) throws(MatchError) -> [Range<Int>] {
        var result: [Range<Int>] = []
        qy_regex_set_budget(handle, Int64(budget))
        defer { used = Int(qy_regex_used(handle)) }
        guard qy_regex_set_text(handle, b.baseAddress, Int32(b.count), timeLimit) == 0 else {
            throw MatchError.failed(status: -1)
        }
        var from: Int32 = 0
        while result.count < limit {
            var s: Int32 = 0, e: Int32 = 0
            let r = qy_regex_find(handle, from, &s, &e)
            switch r {
            case 1: break
            case 0: return result
            case -3: throw MatchError.timeLimit
            case -4: throw MatchError.budget
            default: throw MatchError.failed(status: s)
            }
            result.append(Int(s)..<Int(e))
            from = -1
            if e == s {  // empty match: step past it
                if Int(e) >= b.count { break }
                from = e + 1
            }
        }
        return result
    }

    /// Whether the pattern matches anywhere in `text`.
    func firstMatch(in text: [UInt16], budget: Int = -1) throws(MatchError) -> Range<Int>? {
        try matches(in: text, limit: 1, budget: budget).first
    }
}
