import CICUBridge

/// ICU's dictionary-based word break iterator, reused across texts. Not thread-safe: one per worker.
final class ICUWordBreaker {
    private let handle: OpaquePointer

    /// ICU's rule-status ranges for the word before a boundary.
    enum Status {
        static func isNumber(_ s: Int32) -> Bool { s >= 100 && s < 200 }
        static func isLetter(_ s: Int32) -> Bool { s >= 200 && s < 300 }
        static func isIdeographic(_ s: Int32) -> Bool { s >= 300 && s < 500 }
    }

    init(locale: String = "zh") throws {
        var status: Int32 = 0
        guard let h = qy_wordbreak_open(locale, &status) else {
            throw QiyueError(.icu, "cannot open the ICU word break iterator for '\(locale)' (ICU status \(status))")
        }
        handle = h
    }

    deinit { qy_wordbreak_close(handle) }

    /// Boundaries only (UTF-16 offsets, first 0, last `text.count`).
    func offsets(_ text: [UInt16]) -> [Int32] {
        var offsets = [Int32](repeating: 0, count: text.count + 1)
        let n = text.withUnsafeBufferPointer { tb in
            offsets.withUnsafeMutableBufferPointer { ob in
                qy_wordbreak_run(handle, tb.baseAddress, Int32(tb.count), ob.baseAddress, nil, Int32(ob.count))
            }
        }
        offsets.removeSubrange(max(Int(n), 0)...)
        return offsets
    }

    /// Boundaries (UTF-16 offsets, first 0, last `text.count`) and the rule status of the segment
    /// ending at each boundary.
    func boundaries(_ text: [UInt16]) -> (offsets: [Int32], status: [Int32]) {
        var offsets = [Int32](repeating: 0, count: text.count + 1)
        var status = [Int32](repeating: 0, count: text.count + 1)
        let n = text.withUnsafeBufferPointer { tb in
            offsets.withUnsafeMutableBufferPointer { ob in
                status.withUnsafeMutableBufferPointer { sb in
                    qy_wordbreak_run(handle, tb.baseAddress, Int32(tb.count), ob.baseAddress,
                                     sb.baseAddress, Int32(ob.count))
                }
            }
        }
        let count = max(Int(n), 0)
        offsets.removeSubrange(count...)
        status.removeSubrange(count...)
        return (offsets, status)
    }
}
