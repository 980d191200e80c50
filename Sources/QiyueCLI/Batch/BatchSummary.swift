import Foundation
import Qiyue

/// What a batch run did, printed on standard error at the end and written with `--summary FILE`.
struct BatchSummary: Codable {
    var inputs = 0
    var skipped = 0
    var documents = 0
    var failures = 0
    var bytes = 0
    var seconds = 0.0
    var megabytesPerSecond = 0.0
    var documentsPerSecond = 0.0
    var jobs = 1
    /// Documents by category (`not_contract` for the others).
    var categories: [String: Int] = [:]
    /// Risks by rule id, each with counts by severity.
    var risks: [String: [String: Int]] = [:]
    /// Risks by severity.
    var severities: [String: Int] = [:]
    /// Failed inputs by error code.
    var failuresByCode: [String: Int] = [:]
    /// The producer of the reports.
    var producer: Producer?

    mutating func add(_ r: BatchResult) {
        inputs += 1
        bytes += r.bytes
        if r.skipped { skipped += 1; return }
        if let code = r.failure { failures += 1; failuresByCode[code.rawValue, default: 0] += 1 }
        for d in r.documents {
            documents += 1
            categories[d.category, default: 0] += 1
            for risk in d.risks {
                risks[risk.rule, default: [:]][risk.severity, default: 0] += 1
                severities[risk.severity, default: 0] += 1
            }
        }
    }

    mutating func finish(seconds: Double) {
        self.seconds = (seconds * 1000).rounded() / 1000
        megabytesPerSecond = seconds > 0 ? ((Double(bytes) / 1_000_000 / seconds) * 100).rounded() / 100 : 0
        documentsPerSecond = seconds > 0 ? ((Double(documents) / seconds) * 10).rounded() / 10 : 0
    }

    /// The human-readable lines.
    var text: String {
        func list(_ d: [String: Int]) -> String { d.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") }
        var lines = ["batch: \(inputs) inputs (\(skipped) already done), \(documents) documents, \(failures) failed, \(String(format: "%.1f", Double(bytes) / 1_000_000)) MB in \(String(format: "%.2f", seconds)) s (\(megabytesPerSecond) MB/s, \(documentsPerSecond) documents/s, \(jobs) jobs)"]
        if !categories.isEmpty { lines.append("  categories: " + list(categories)) }
        if !severities.isEmpty { lines.append("  risks by severity: " + list(severities)) }
        if !risks.isEmpty { lines.append("  risks by rule: " + list(risks.mapValues { $0.values.reduce(0, +) })) }
        if !failuresByCode.isEmpty { lines.append("  failures by code: " + list(failuresByCode)) }
        return lines.joined(separator: "\n")
    }
}
