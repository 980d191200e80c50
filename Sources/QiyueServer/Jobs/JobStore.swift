import Foundation
import Logging
import Qiyue

/// Jobs in memory: each runs its documents through the ``ExtractionService`` (sharing its workers
/// and limits with `POST /v1/extract`), then posts its results to the callback if it has one, and
/// is deleted `jobRetention` seconds after it finished.
public final class JobStore: @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [String: JobStatus] = [:]
    private var expiry: [String: Date] = [:]
    private let service: ExtractionService
    private let configuration: ServerConfiguration
    private let sender: CallbackSender
    private let metrics: ServerMetrics

    init(service: ExtractionService, configuration: ServerConfiguration, metrics: ServerMetrics, logger: Logger) {
        self.service = service
        self.configuration = configuration
        self.metrics = metrics
        sender = CallbackSender(secret: Array((configuration.callbackSecret ?? "").utf8), attempts: configuration.callbackAttempts,
                                backoff: configuration.callbackBackoff, logger: logger)
    }

    /// Jobs now held (for tests of retention).
    public var count: Int { lock.withLock { jobs.count } }

    /// Checks a callback URL: http(s), and a host on the allow-list.
    /// - Throws: 400 `Q706` for a bad URL, 403 `Q707` for a host not allowed.
    func checkCallback(_ string: String) throws -> URL {
        guard let url = URL(string: string), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host?.lowercased(), !host.isEmpty, url.user == nil else {
            throw APIError(.badRequest, .badJob, "callback must be an http(s) URL without credentials")
        }
        guard configuration.callbackHosts.contains(where: { $0.lowercased() == host }) else {
            throw APIError(.forbidden, .callbackNotAllowed, "callback host '\(host)' is not on the server's allow-list (--callback-host)")
        }
        return url
    }

    /// Starts a job; returns its first status.
    func create(documents: [JobInput.Document], request: ExtractRequest, callback: URL?) -> JobStatus {
        let id = UUID().uuidString.lowercased()
        let job = JobStatus(id: id, status: "queued", total: documents.count, completed: 0, failed: 0, results: [],
                            callback: callback == nil ? nil : "pending", expiresAt: nil)
        lock.withLock { jobs[id] = job }
        Task { await run(id, documents: documents, request: request, callback: callback) }
        return job
    }

    /// A job's status, or nil when there is none (or it has expired).
    func status(_ id: String) -> JobStatus? {
        lock.withLock {
            if let e = expiry[id], e <= Date() { jobs[id] = nil; expiry[id] = nil }
            return jobs[id]
        }
    }

    private func update(_ id: String, _ change: (inout JobStatus) -> Void) {
        lock.withLock { if var j = jobs[id] { change(&j); jobs[id] = j } }
    }

    private func run(_ id: String, documents: [JobInput.Document], request: ExtractRequest, callback: URL?) async {
        update(id) { $0.status = "running" }
        for doc in documents {
            var result = JobResult(name: doc.name)
            do {
                let reports = try await service.reports(bytes: doc.bytes, name: doc.name, request: request, wait: true)
                metrics.documents(reports)
                result.reports = reports
            } catch {
                let api: APIError = (error as? APIError) ?? (error as? QiyueError).map(APIError.init)
                    ?? APIError(.internalServerError, .internalError, "internal error")
                result.error = ["code": api.error.code.rawValue, "message": api.error.message]
            }
            update(id) { j in
                j.results.append(result)
                j.completed += 1
                if result.error != nil { j.failed += 1 }
            }
        }
        update(id) { $0.status = "done" }
        if let callback, let finished = status(id) {
            let delivered = await sender.deliver(finished, to: callback)
            update(id) { $0.callback = delivered ? "delivered" : "failed" }
        }
        // The retention time runs from the end of the job (and of its callback).
        let expires = Date().addingTimeInterval(configuration.jobRetention)
        update(id) { $0.expiresAt = ISO8601DateFormatter().string(from: expires) }
        lock.withLock { expiry[id] = expires }
        // Deleted after its retention time even if nobody asks for it again.
        try? await Task.sleep(nanoseconds: UInt64(max(0, expires.timeIntervalSinceNow) * 1_000_000_000))
        lock.withLock { jobs[id] = nil; expiry[id] = nil }
    }
}
