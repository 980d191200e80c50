import ArgumentParser
import Foundation
import Logging
import Qiyue
import QiyueServer

/// `qiyue serve`: the HTTP service (QiyueServer) on a host and port; this command only reads options.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the pipeline over HTTP (POST /v1/extract, /v1/jobs, GET /v1/rules, /v1/schema, /healthz, /metrics) and the review page (GET /).",
        discussion: """
        The contract is docs/openapi.yaml. Errors are {"error": {"code", "message"}} with the CLI's codes
        (Q1xx input, Q2xx rules) and the server's Q700–Q749. Listening beyond loopback needs an API key
        (clients send it as X-API-Key). Access logs go to standard error.
        Examples:
          qiyue serve                                  # http://127.0.0.1:8080/
          qiyue serve --port 9000 --workers 4
          QIYUE_API_KEY=… qiyue serve --host 0.0.0.0
          qiyue serve --callback-host crm.example.com --callback-secret-file secret.txt
        """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, printed on standard error).")
    var port = 8080

    @Option(help: "A file holding the API key (default: $QIYUE_API_KEY); required beyond loopback.")
    var apiKeyFile: String?

    @Option(help: "Largest request body in bytes.")
    var maxBodyBytes = ServerConfiguration().maxBodyBytes

    @Option(help: "Longest a request may take, in seconds.")
    var requestTimeout = ServerConfiguration().requestTimeout

    @Option(help: "Seconds a connection may take to send a complete request head (from connecting, or from the last answer on a kept-alive connection), and the longest pause within a request; the connection is then closed (slow-header clients).")
    var headerTimeout = ServerConfiguration().headerTimeout

    @Option(help: "Documents analyzed at once (default: the number of cores).")
    var workers = ServerConfiguration().workers

    @Option(help: "Requests that may wait for a worker; beyond them 503 with Retry-After.")
    var queueLength = ServerConfiguration().queueLength

    @Option(name: .customLong("callback-host"), help: "A host job callbacks may be sent to (repeatable; none: no callbacks).")
    var callbackHosts: [String] = []

    @Option(help: "A file holding the callback signing secret (default: $QIYUE_CALLBACK_SECRET).")
    var callbackSecretFile: String?

    @Option(help: "Seconds a finished job is kept before it is deleted.")
    var jobRetention = ServerConfiguration().jobRetention

    @Option(help: "The Rules directory (default: $QIYUE_RULES, the package's Rules/, or ./Rules).")
    var rulesDir: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error.")
    var logLevel = "info"

    @Option(help: "glibc malloc arenas (0: glibc's default of eight per core; $MALLOC_ARENA_MAX overrides). Few arenas keep a long-running server's memory flat.")
    var mallocArenas = 2

    func validate() throws {
        guard mallocArenas >= 0 else { throw ValidationError("--malloc-arenas must be 0 or more") }
    }

    func run() throws {
        let arenasLimited = MallocArenas.limit(to: mallocArenas)
        var config = ServerConfiguration()
        config.host = host
        config.port = port
        config.apiKey = try secret(apiKeyFile, env: "QIYUE_API_KEY")
        config.maxBodyBytes = maxBodyBytes
        config.requestTimeout = requestTimeout
        config.headerTimeout = headerTimeout
        config.workers = workers
        config.queueLength = queueLength
        config.callbackHosts = callbackHosts
        config.callbackSecret = try secret(callbackSecretFile, env: "QIYUE_CALLBACK_SECRET")
        config.jobRetention = jobRetention
        config.rulesDirectory = rulesDir
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var h = StreamLogHandler.standardError(label: label)
            h.logLevel = level
            return h
        }
        if mallocArenas > 0 && !arenasLimited {
            Logger(label: "qiyue.serve").notice("--malloc-arenas \(mallocArenas) not applied (not glibc, or $MALLOC_ARENA_MAX is set)")
        }
        let server: QiyueHTTPServer
        do { server = try QiyueHTTPServer(configuration: config) } catch let e as QiyueError {
            Output.error(e.description)
            throw ExitCode(1)
        }
        let done = DispatchSemaphore(value: 0)
        let failure = ServeFailure()
        let host = self.host
        Task {
            do {
                try await server.run { port in Output.error("listening on http://\(host):\(port)/") }
            } catch {
                failure.set("\(error)")
            }
            done.signal()
        }
        done.wait()
        if let message = failure.message {
            Output.error(QiyueError(.badConfiguration, "the server stopped: \(message)").description)
            throw ExitCode(1)
        }
    }

    private func secret(_ file: String?, env: String) throws -> String? {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return ProcessInfo.processInfo.environment[env].flatMap { $0.isEmpty ? nil : $0 }
    }
}
