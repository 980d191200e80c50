import Hummingbird
import NIOCore
import Qiyue

/// Reads a request body up to the server's limit.
enum BodyReader {
    /// The whole body. - Throws: 413 `Q104` past `limit` bytes (by `Content-Length` before reading).
    static func collect(_ request: Request, limit: Int) async throws -> [UInt8] {
        let tooLarge = APIError(.contentTooLarge, .tooLarge, "the request body is over the limit of \(limit) bytes")
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge }
        do {
            var buffer = try await request.body.collect(upTo: limit)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch is NIOTooManyBytesError {
            throw tooLarge
        }
    }

    /// The whole body within `seconds`. - Throws: 503 `Q721` past them, as ``Deadline`` does.
    ///
    /// The body is read in the handler's own task (a child of it), never left behind: when the
    /// time is up the read is cancelled and awaited before the handler answers. A read still
    /// running in a detached task (as under ``Deadline/run(seconds:_:)``) would pull from the
    /// connection's stream while the server drains the rest of the body after the answer — two
    /// readers of one stream, a trap that took the whole server down under one slow client.
    static func collect(_ request: Request, limit: Int, seconds: Double) async throws -> [UInt8] {
        let timeout = APIError(.serviceUnavailable, .timeout, "the request body did not arrive within the server's timeout of \(seconds) s", retryAfter: 1)
        guard seconds > 0 else { throw timeout }
        return try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask { try await collect(request, limit: limit) }
            group.addTask {
                try await Task.sleep(for: .nanoseconds(Int64(seconds * 1_000_000_000)))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let bytes = first else { throw timeout }
            return bytes
        }
    }
}
