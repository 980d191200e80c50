import Foundation
import Hummingbird

/// Runs an application on a free loopback port for the length of `body`, then shuts it down.
enum LiveServer {
    /// The port, once the server listens.
    final class Port: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Int?
        func set(_ p: Int) { lock.withLock { value = p } }
        var port: Int? { lock.withLock { value } }
    }

    static func run<App: ApplicationProtocol, T: Sendable>(_ make: (Port) -> App, _ body: @escaping @Sendable (TestClient) async throws -> T) async throws -> T {
        let port = Port()
        let app = make(port)
        let task = Task { try await app.runService() }
        defer { task.cancel() }
        let start = Date()
        while port.port == nil {
            guard Date().timeIntervalSince(start) < 300 else { throw CancellationError() }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        // Cancelled, not awaited: a graceful shutdown would wait for the client's idle keep-alive
        // connections to time out.
        return try await body(TestClient(port: port.port!))
    }
}
