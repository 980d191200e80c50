#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Qiyue

/// Writing to standard output and standard error with write(2), checking every write.
///
/// A closed pipe (EPIPE; SIGPIPE is ignored so that it arrives as an error) or a full disk
/// (ENOSPC) ends the run with `Q500` on standard error and exit status 74 (EX_IOERR), never a
/// signal or a trap, so that a script can tell "the output is incomplete" from other failures.
enum Output {
    /// Exit status when the results cannot be written (sysexits' EX_IOERR).
    static let outputFailureStatus: Int32 = 74

    /// Call once at start-up: a write to a closed pipe then fails with EPIPE instead of killing us.
    static func ignoreSIGPIPE() {
        signal(SIGPIPE, SIG_IGN)
    }

    static func line(_ s: String) { write(s + "\n") }

    /// Writes text to standard output as it is.
    static func write(_ s: String) {
        guard writeAll(1, s) else {
            let reason = String(cString: strerror(errno))
            _ = writeAll(2, "qiyue: \(QiyueError(.outputFailed, path: "<stdout>", "cannot write the results: \(reason); the output is incomplete"))\n")
            exit(outputFailureStatus)
        }
    }

    static func error(_ s: String) {
        // A closed or full standard error cannot be reported anywhere: stop with the same status.
        guard writeAll(2, "qiyue: " + s + "\n") else { exit(outputFailureStatus) }
    }

    /// A document's warnings on standard error.
    static func warnings(_ report: ContractReport) {
        for w in report.warnings ?? [] { error("warning \(w.code) \(report.source.path): \(w.message)") }
    }

    /// Writes every byte, retrying short writes and EINTR; false on any other error (errno set).
    static func writeAll(_ fd: Int32, _ s: String) -> Bool {
        var bytes = Array(s.utf8)
        return bytes.withUnsafeMutableBytes { buf -> Bool in
            var off = 0
            while off < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                off += n
            }
            return true
        }
    }
}
