import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
import QiyueServer

/// Any bytes as one HTTP request, answered in process by the server's own responder (the router,
/// the middleware, every route: query options, content types and charsets, multipart uploads, job
/// bodies) without a socket. The input is a request in HTTP/1.1's shape:
///
///     POST /v1/extract?split=false&redact=all
///     Content-Type: multipart/form-data; boundary=x
///
///     --x …
///
/// (first line method and target, header lines, an empty line, the body); an input without that
/// shape is the body of `POST /v1/extract`. A 500 answer or a thrown error is a finding; 4xx and
/// 503 are the coded answers the service gives.
private let respond: @Sendable (Request) async throws -> (Int, [UInt8]) = {
    var config = ServerConfiguration()
    config.port = 0
    config.workers = 1
    config.queueLength = 2
    config.requestTimeout = 20
    config.maxBodyBytes = 1 << 20
    config.maxJobDocuments = 4
    config.jobRetention = 0
    let logger = Logger(label: "fuzz") { _ in SwiftLogNoOpLogHandler() }
    let server = try! QiyueHTTPServer(configuration: config, logger: logger)
    return wait { try await responder(server.application(), logger: logger) }
}()

/// The application's responder, with a context on an embedded channel.
private func responder<A: ApplicationProtocol>(_ app: A, logger: Logger) async throws -> @Sendable (Request) async throws -> (Int, [UInt8]) {
    let responder = try await app.responder
    let channel = EmbeddedChannel()
    nonisolated(unsafe) let source = ApplicationRequestContextSource(channel: channel, logger: logger)
    return { request in
        let response = try await responder.respond(to: request, context: A.Context(source: source))
        let sink = Sink()
        try await response.body.write(Collector(sink: sink))
        return (Int(response.status.code), sink.bytes)
    }
}

/// Runs async work to its end from libFuzzer's synchronous callback.
private func wait<T>(_ work: @escaping @Sendable () async throws -> T) -> T {
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var result: Result<T, any Error>?
    Task {
        do { result = .success(try await work()) } catch { result = .failure(error) }
        done.signal()
    }
    done.wait()
    switch result! {
    case .success(let v): return v
    case .failure(let e): fatalError("the responder threw \(e)")
    }
}

/// Whether to print each answer (FUZZ_HTTP_TRACE=1, to see what the seeds reach).
private let trace = ProcessInfo.processInfo.environment["FUZZ_HTTP_TRACE"] == "1"

/// The request an input stands for.
func request(_ bytes: [UInt8]) -> Request? {
    var method = HTTPRequest.Method.post
    var target = "/v1/extract"
    var fields = HTTPFields()
    var body = bytes[...]
    if let head = headEnd(bytes) {
        let lines = String(decoding: bytes[..<head.start], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let first = lines[0].split(separator: " ", maxSplits: 1)
        guard first.count == 2, let m = HTTPRequest.Method(String(first[0])), first[1].hasPrefix("/") else { return nil }
        method = m
        target = String(first[1].prefix(4096))
        for line in lines.dropFirst() {
            let kv = line.split(separator: ":", maxSplits: 1)
            guard kv.count == 2, let name = HTTPField.Name(String(kv[0])) else { continue }
            fields.append(HTTPField(name: name, value: kv[1].trimmingCharacters(in: .whitespaces)))
        }
        body = bytes[head.end...]
    }
    let head = HTTPRequest(method: method, scheme: "http", authority: "localhost", path: target, headerFields: fields)
    return Request(head: head, body: RequestBody(buffer: ByteBuffer(bytes: body)))
}

/// Where the head ends: the first empty line (`\n\n`), when the input starts with a method.
private func headEnd(_ bytes: [UInt8]) -> (start: Int, end: Int)? {
    guard bytes.count >= 4, bytes[0] >= UInt8(ascii: "A"), bytes[0] <= UInt8(ascii: "Z") else { return nil }
    var i = 0
    while i + 1 < bytes.count {
        if bytes[i] == 10 && bytes[i + 1] == 10 { return (i, i + 2) }
        i += 1
    }
    return nil
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTP(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let request = request(bytes) else { return 0 }
    let respond = respond
    let (status, body) = wait { try await respond(request) }
    if trace { print("fuzz-http: \(request.method) \(request.uri) → \(status) \(String(decoding: body.prefix(120), as: UTF8.self))") }
    if status >= 500 && status != 503 {
        fatalError("HTTP \(status): \(String(decoding: body, as: UTF8.self))")
    }
    return 0
}

/// Builds the server before the first input, outside the per-input timeout.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = respond
    return 0
}
