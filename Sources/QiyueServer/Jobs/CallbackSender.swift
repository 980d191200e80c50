import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging

/// Posts a finished job to its callback URL: the body signed with HMAC-SHA256 under the server's
/// secret (`X-Qiyue-Signature: sha256=<hex>`), retried with exponential back-off on a failure or
/// a non-2xx answer. Redirects are never followed (a redirect could point off the allow-list).
final class CallbackSender: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    private let secret: [UInt8]
    private let attempts: Int
    private let backoff: Double
    private let logger: Logger
    private lazy var session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)

    init(secret: [UInt8], attempts: Int, backoff: Double, logger: Logger) {
        self.secret = secret
        self.attempts = attempts
        self.backoff = backoff
        self.logger = logger
    }

    /// Sends the job; true once a 2xx answer came back.
    func deliver(_ job: JobStatus, to url: URL) async -> Bool {
        guard let body = try? Routes.encoder.encode(job) else { return false }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        request.timeoutInterval = 10
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("sha256=" + HMACSHA256.hex(key: secret, message: Array(body)), forHTTPHeaderField: "X-Qiyue-Signature")
        request.setValue(job.id, forHTTPHeaderField: "X-Qiyue-Job")
        var delay = backoff
        for attempt in 1...attempts {
            let status = await post(request)
            if let status, (200..<300).contains(status) { return true }
            logger.warning("callback failed", metadata: ["job": .string(job.id), "attempt": .stringConvertible(attempt),
                                                          "status": .string(status.map(String.init) ?? "no answer")])
            if attempt < attempts {
                try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
                delay *= 2
            }
        }
        return false
    }

    private func post(_ request: URLRequest) async -> Int? {
        await withCheckedContinuation { c in
            session.dataTask(with: request) { _, response, _ in
                c.resume(returning: (response as? HTTPURLResponse)?.statusCode)
            }.resume()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
