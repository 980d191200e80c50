import Foundation
import Qiyue

/// What `qiyue serve` is told: where to listen and the limits it keeps.
public struct ServerConfiguration: Sendable {
    /// The address to listen on (default loopback).
    public var host: String = "127.0.0.1"
    /// The port (0: any free port, for tests).
    public var port: Int = 8080
    /// The API key clients send in `X-API-Key`; required when `host` is not a loopback address.
    public var apiKey: String?
    /// Largest request body, in bytes (413 `Q104` beyond it).
    public var maxBodyBytes: Int = 8 << 20
    /// Longest a request may take, in seconds (503 `Q721` beyond it).
    public var requestTimeout: Double = 30
    /// Longest a connection may take to send a complete request head, in seconds, counted from
    /// connecting or (kept alive) from the last answer; also the longest pause within a request
    /// body. The connection is then closed: a slow-header (slowloris) client cannot hold it open by
    /// trickling bytes, since only decoded request parts count as activity.
    public var headerTimeout: Double = 10
    /// Documents analyzed at once (one pipeline each).
    public var workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Requests that may wait for a worker; beyond them 503 `Q720` with `Retry-After`.
    public var queueLength: Int = 16
    /// The Rules directory (nil: the same lookup as the CLI).
    public var rulesDirectory: String?
    /// Analysis limits per document (as the CLI's `--max-characters` and regex options).
    public var limits: AnalysisLimits = AnalysisLimits()
    /// Hosts a job's callback URL may name (exact host names or addresses); empty: no callbacks.
    public var callbackHosts: [String] = []
    /// The secret callbacks are signed with (HMAC-SHA256 of the body, header `X-Qiyue-Signature`).
    public var callbackSecret: String?
    /// Attempts per callback (the first and the retries).
    public var callbackAttempts: Int = 5
    /// Delay before the first retry, in seconds; doubled for each further retry.
    public var callbackBackoff: Double = 1
    /// Seconds a finished job and its results are kept before they are deleted.
    public var jobRetention: Double = 3600
    /// Most documents in one job.
    public var maxJobDocuments: Int = 1000

    /// Creates the default configuration.
    public init() {}

    /// Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost).
    public var listensOnLoopbackOnly: Bool { Self.isLoopback(host) }

    /// Whether a host name or address is loopback.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return h == "localhost" || h == "::1" || h.hasPrefix("127.")
    }

    /// Checks the configuration before the server starts.
    /// - Throws: `Q730` when listening beyond loopback without an API key, or a limit is not positive.
    public func validate() throws(QiyueError) {
        if !listensOnLoopbackOnly && (apiKey ?? "").isEmpty {
            throw QiyueError(.badConfiguration, "listening on \(host) (beyond loopback) needs an API key (--api-key-file or $QIYUE_API_KEY)")
        }
        guard maxBodyBytes > 0, requestTimeout > 0, headerTimeout > 0, workers > 0, queueLength >= 0, jobRetention >= 0, callbackAttempts > 0 else {
            throw QiyueError(.badConfiguration, "limits must be positive")
        }
        if !callbackHosts.isEmpty && (callbackSecret ?? "").isEmpty {
            throw QiyueError(.badConfiguration, "callback hosts are allowed but no callback secret is set (--callback-secret-file or $QIYUE_CALLBACK_SECRET)")
        }
    }
}
