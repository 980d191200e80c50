import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import Qiyue

/// The HTTP service behind `qiyue serve`: the pipeline over Hummingbird.
///
/// ```swift
/// var config = ServerConfiguration()
/// config.port = 8080
/// try await QiyueHTTPServer(configuration: config).run()
/// ```
public struct QiyueHTTPServer: Sendable {
    /// The configuration, validated.
    public let configuration: ServerConfiguration
    /// The pipeline behind the endpoints.
    public let service: ExtractionService
    /// The jobs of `POST /v1/jobs`.
    public let jobs: JobStore
    /// The metrics `GET /metrics` writes.
    public let metrics: ServerMetrics
    let logger: Logger

    /// Loads the rules and builds the workers.
    /// - Throws: `Q730` for a bad configuration; `Q200`/`Q201` for bad rule data.
    public init(configuration: ServerConfiguration, logger: Logger = Logger(label: "qiyue.server")) throws {
        try configuration.validate()
        self.configuration = configuration
        self.logger = logger
        service = try ExtractionService(configuration: configuration)
        metrics = ServerMetrics()
        jobs = JobStore(service: service, configuration: configuration, metrics: metrics, logger: logger)
    }

    /// The Hummingbird application (tests run it on a loopback port).
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ServiceMiddleware(apiKey: configuration.apiKey, metrics: metrics, logger: logger, knownPaths: Routes.methods))
        Routes(service: service, jobs: jobs, metrics: metrics, configuration: configuration).add(to: router)
        // Hummingbird's idle timeout (HTTPConnectionStateHandler) counts only decoded request parts,
        // so a head trickled in a byte at a time is cut off once `headerTimeout` has passed; it
        // never fires while an answer is being worked on.
        let http1 = HTTP1Channel.Configuration(idleTimeout: .nanoseconds(Int64(min(configuration.headerTimeout, 1_000_000) * 1_000_000_000)))
        return Application(
            router: router,
            server: .http1(configuration: http1),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "qiyue"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Serves until the process is stopped (SIGINT/SIGTERM end it gracefully).
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onServerRunning: onServerRunning).runService()
    }
}
