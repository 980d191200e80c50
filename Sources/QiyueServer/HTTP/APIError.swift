import Foundation
import Hummingbird
import Qiyue

/// An error answered as `{"error": {"code", "message"}}` with an HTTP status.
public struct APIError: Error, HTTPResponseError, Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The stable Qiyue code and message.
    public var error: QiyueError
    /// Seconds for `Retry-After` (503), if any.
    public var retryAfter: Int?
    /// The methods for `Allow` (405), if any.
    public var allow: String?

    /// Creates an error with a status.
    public init(_ status: HTTPResponse.Status, _ code: QiyueError.Code, _ message: String, retryAfter: Int? = nil) {
        self.status = status
        self.error = QiyueError(code, message)
        self.retryAfter = retryAfter
    }

    /// Wraps a pipeline or ingestion error, with the status its code means over HTTP.
    public init(_ error: QiyueError) {
        self.error = error
        self.retryAfter = nil
        switch error.code {
        case .tooLarge, .decompressionLimit: status = .contentTooLarge
        case .badRuleData, .icu, .outputFailed, .unwritableOutput, .internalError, .badConfiguration: status = .internalServerError
        case .needsLibreOffice, .conversionFailed: status = .unprocessableContent
        default: status = .badRequest
        }
    }

    /// The JSON body (the message carries the file name when the error names one).
    public var body: [UInt8] {
        let message = error.path.map { "\($0): \(error.message)" } ?? error.message
        let object = ["error": ["code": error.code.rawValue, "message": message]]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            .map(Array.init) ?? Array(#"{"error":{"code":"Q740","message":"internal error"}}"#.utf8)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if let allow { headers[.allow] = allow }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
