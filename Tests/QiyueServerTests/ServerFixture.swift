import Foundation
import Hummingbird
import Logging
import NIOCore
import Qiyue
import QiyueServer
import Testing

/// One server (its pipelines are built once) and helpers to call it on a loopback port.
enum ServerFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func configuration() -> ServerConfiguration {
        var c = ServerConfiguration()
        c.host = "127.0.0.1"
        c.port = 0
        c.workers = 1
        c.queueLength = 64
        c.maxBodyBytes = 256 << 10
        c.rulesDirectory = root.appendingPathComponent("Rules").path
        c.callbackHosts = ["127.0.0.1"]
        c.callbackSecret = "test-secret"
        c.callbackBackoff = 0.05
        c.callbackAttempts = 3
        c.jobRetention = 600
        c.requestTimeout = 300
        // Generous too (a loaded machine, ASan): only the slow-header test sets a short one.
        c.headerTimeout = 300
        return c
    }

    /// Warnings and errors only: no access log line per test request.
    static var logger: Logger {
        var l = Logger(label: "qiyue.test")
        l.logLevel = .warning
        return l
    }

    /// A server for a configuration, logging quietly.
    static func make(_ c: ServerConfiguration) throws -> QiyueHTTPServer { try QiyueHTTPServer(configuration: c, logger: logger) }

    /// The shared server (default test configuration).
    static let server: QiyueHTTPServer = try! make(configuration())

    /// Runs `body` against `server` listening on a free loopback port.
    static func live<T: Sendable>(_ server: QiyueHTTPServer = server, _ body: @escaping @Sendable (TestClient) async throws -> T) async throws -> T {
        try await LiveServer.run({ port in server.application { port.set($0) } }, body)
    }

    /// Runs `body` against a server of the test configuration as `configure` changes it, with a
    /// plain TCP connection to it beside the HTTP client (for clients no HTTP library plays).
    static func liveRaw(_ configure: (inout ServerConfiguration) -> Void,
                        _ body: @escaping @Sendable (TestClient, RawConnection) async throws -> Void) async throws {
        var c = configuration()
        configure(&c)
        try await live(try make(c)) { client in
            let conn = try #require(RawConnection(port: client.port))
            try await body(client, conn)
        }
    }

    static func corpus(_ path: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: root.appendingPathComponent("Corpus/" + path).path)!)
    }

    static func json(_ r: TestResponse) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(r.body.readableBytesView))
    }

    /// The error object's code, or nil when the body is not one.
    static func errorCode(_ r: TestResponse) -> String? {
        ((json(r) as? [String: Any])?["error"] as? [String: Any])?["code"] as? String
    }

    static func headers(_ contentType: String) -> HTTPFields { [.contentType: contentType] }
}
