#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Progress of a batch run on standard error: a redrawn bar (count, rate, ETA, failures) when
/// standard error is a terminal, else a plain line every `interval` seconds (logs of CI jobs and
/// cluster schedulers), nothing with `--quiet`.
struct Progress {
    let total: Int?
    let interval: Double
    let enabled: Bool
    let terminal = isatty(2) == 1
    private let start = Date()
    private var last = Date.distantPast

    init(total: Int?, interval: Double, quiet: Bool) {
        self.total = total
        self.interval = interval
        enabled = !quiet
    }

    mutating func update(done: Int, failures: Int, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(last) >= (terminal ? 0.2 : interval) else { return }
        last = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        var s: String
        if let total, total > 0 {
            let f = min(1, Double(done) / Double(total))
            let eta = rate > 0 ? Double(total - done) / rate : 0
            let width = 24
            let filled = Int(f * Double(width))
            let bar = terminal ? "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] " : ""
            s = "\(bar)\(done)/\(total) \(String(format: "%.0f", f * 100))% \(String(format: "%.1f", rate))/s ETA \(Self.clock(eta)) failures \(failures)"
        } else {
            s = "\(done) done \(String(format: "%.1f", rate))/s elapsed \(Self.clock(elapsed)) failures \(failures)"
        }
        if terminal { _ = Output.writeAll(2, "\r\u{1B}[K" + s) } else { Output.error("progress: " + s) }
    }

    /// Ends the bar's line.
    func end() {
        if enabled && terminal { _ = Output.writeAll(2, "\n") }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%02d:%02d", s / 60, s % 60)
    }
}
