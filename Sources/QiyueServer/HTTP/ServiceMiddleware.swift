import Foundation
import Hummingbird
import Logging
import Qiyue

/// Wraps every route: the API key check, errors as `{"error": {"code", "message"}}` (never a stack
/// trace), a structured access log line and the request metrics.
struct ServiceMiddleware<Context: RequestContext>: RouterMiddleware {
    let apiKey: String?
    let metrics: ServerMetrics
    let logger: Logger
    /// Route patterns and their methods (for telling 405 from 404, and `Allow`).
    let knownPaths: [String: String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let requestID = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        var response: Response
        do {
            try authorize(request)
            response = try await next(request, context)
        } catch {
            let api = apiError(error, request: request)
            if api.status.code >= 500 && api.error.code == .internalError {
                logger.error("internal error", metadata: ["request_id": .string(requestID), "error": .string(String(describing: error))])
            }
            metrics.error(code: api.error.code.rawValue)
            response = try api.response(from: request, context: context)
        }
        response.headers[.init("X-Request-Id")!] = requestID
        let elapsed = ContinuousClock.now - start
        let nanos = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        let route = context.endpointPath ?? "unmatched"
        metrics.request(method: request.method.rawValue, route: route, status: response.status.code, nanoseconds: nanos)
        logger.info("request", metadata: [
            "request_id": .string(requestID), "method": .string(request.method.rawValue), "path": .string(request.uri.path),
            "route": .string(route), "status": .stringConvertible(response.status.code),
            "duration_ms": .string(String(format: "%.1f", Double(nanos) / 1e6)),
        ])
        return response
    }

    /// Checks `X-API-Key` (constant time) when a key is configured; `/healthz` and the page itself
    /// (`/`, static HTML with a field for the key) stay open.
    private func authorize(_ request: Request) throws {
        guard let apiKey, request.uri.path != "/healthz", request.uri.path != "/" else { return }
        let given = Array((request.headers[.init("X-API-Key")!] ?? "").utf8)
        let want = Array(apiKey.utf8)
        var diff = UInt8(given.count == want.count ? 0 : 1)
        for i in 0..<want.count { diff |= want[i] ^ (i < given.count ? given[i] : 0) }
        guard diff == 0 else { throw APIError(.unauthorized, .unauthorized, "a valid X-API-Key header is required") }
    }

    private func apiError(_ error: any Error, request: Request) -> APIError {
        switch error {
        case let e as APIError: return e
        case let e as QiyueError: return APIError(e)
        case let e as HTTPError:
            if e.status == .notFound {
                if let allowed = knownPaths.first(where: { Self.matches(request.uri.path, $0.key) })?.value {
                    var e = APIError(.methodNotAllowed, .methodNotAllowed, "\(request.method.rawValue) is not allowed on \(request.uri.path)")
                    e.allow = allowed
                    return e
                }
                return APIError(.notFound, .notFound, "no endpoint at \(request.uri.path)")
            }
            if e.status == .contentTooLarge { return APIError(.contentTooLarge, .tooLarge, "the request body is too large") }
            return APIError(e.status, e.status.code < 500 ? .usage : .internalError, e.body ?? e.status.reasonPhrase)
        default:
            return APIError(.internalServerError, .internalError, "internal error; the server log has the details")
        }
    }

    /// Whether a path matches a route pattern (`{x}` or `:x` matches one component).
    static func matches(_ path: String, _ pattern: String) -> Bool {
        let a = path.split(separator: "/"), b = pattern.split(separator: "/")
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { $0 == $1 || $1.hasPrefix(":") || $1.hasPrefix("{") }
    }
}
