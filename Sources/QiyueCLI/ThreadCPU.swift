import Foundation

/// The CPU time the calling thread has used, for `qiyue bench`'s ratios.
enum ThreadCPU {
    /// Seconds of CPU time of the calling thread (user and system).
    static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
