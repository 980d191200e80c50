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

    /// A match that ran out of time.
    struct TimeoutError: Error {}

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

    /// All non-overlapping matches in `text` (UTF-16), as UTF-16 ranges.
    func matches(in text: [UInt16], limit: Int = 10_000) throws(TimeoutError) -> [Range<Int>] {
        try text.withUnsafeBufferPointer { b throws(TimeoutError) in try matches(in: b, limit: limit) }
    }

    /// All non-overlapping matches in a UTF-16 buffer (for example one sentence of a larger text,
    /// without copying it), as ranges relative to the buffer's start. `^`, `$` and look-behind see
    /// only the buffer.
    func matches(in b: UnsafeBufferPointer<UInt16>, limit: Int = 10_000) throws(TimeoutError) -> [Range<Int>] {
        var result: [Range<Int>] = []
        guard qy_regex_set_text(handle, b.baseAddress, Int32(b.count), timeLimit) == 0 else { return result }
        var from: Int32 = 0
        while result.count < limit {
            var s: Int32 = 0, e: Int32 = 0
            let r = qy_regex_find(handle, from, &s, &e)
            if r == -3 { throw TimeoutError() }
            if r != 1 { break }
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
    func firstMatch(in text: [UInt16]) throws(TimeoutError) -> Range<Int>? {
        try matches(in: text, limit: 1).first
    }
}
