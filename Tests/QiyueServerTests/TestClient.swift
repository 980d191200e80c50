import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import HTTPTypes
import NIOCore

/// An answer from a live test server.
struct TestResponse: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer
}

/// A minimal HTTP client for a server on a loopback port (URLSession: each request may use its
/// own connection, so concurrent requests really are concurrent).
struct TestClient: Sendable {
    let port: Int

    /// Sends one request.
    @discardableResult
    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> TestResponse {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(uri)")!)
        request.httpMethod = method.rawValue
        // Generous: in a full parallel run on two cores, long synchronous suites can hold the
        // cooperative thread pool (which runs the server's handlers) for minutes.
        request.timeoutInterval = 400
        for field in headers { request.setValue(field.value, forHTTPHeaderField: field.name.rawName) }
        if let body { request.httpBody = Data(body.readableBytesView) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var fields = HTTPFields()
        for (k, v) in http.allHeaderFields {
            if let name = HTTPField.Name(String(describing: k)) { fields[name] = String(describing: v) }
        }
        return TestResponse(status: HTTPResponse.Status(code: http.statusCode), headers: fields, body: ByteBuffer(bytes: Array(data)))
    }
}
