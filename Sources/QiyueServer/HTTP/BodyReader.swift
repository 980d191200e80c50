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
}
