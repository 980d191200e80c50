import Metrics
import Prometheus

/// The server's metrics, recorded through swift-metrics into a Prometheus registry of its own
/// (no global bootstrap, so several servers can run in one process, as the tests do).
public final class ServerMetrics: Sendable {
    /// The registry `GET /metrics` writes out.
    public let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory

    /// Creates empty metrics.
    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                                                   .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                                                   .seconds(2.5), .seconds(5), .seconds(10)]
        self.factory = factory
    }

    /// One finished request: its count and latency by route and status.
    func request(method: String, route: String, status: Int, nanoseconds: Int64) {
        let dims = [("method", method), ("route", route), ("status", String(status))]
        Counter(label: "qiyue_http_requests_total", dimensions: dims, factory: factory).increment()
        Metrics.Timer(label: "qiyue_http_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            .recordNanoseconds(nanoseconds)
    }

    /// Reports written, and the risks in them by rule.
    func documents(_ reports: [some RiskCounting]) {
        Counter(label: "qiyue_documents_total", factory: factory).increment(by: reports.count)
        for r in reports {
            for rule in r.riskRules { Counter(label: "qiyue_risks_total", dimensions: [("rule", rule)], factory: factory).increment() }
        }
    }

    /// An error answered, by its stable code.
    func error(code: String) {
        Counter(label: "qiyue_errors_total", dimensions: [("code", code)], factory: factory).increment()
    }

    /// The Prometheus text exposition.
    public func exposition() -> [UInt8] { registry.emitToBuffer() }
}
