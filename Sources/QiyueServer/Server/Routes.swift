import Foundation
import Hummingbird
import Logging
import NIOCore
import Qiyue
import QiyueReport

/// The endpoints (the contract is docs/openapi.yaml; a test checks they agree).
struct Routes: Sendable {
    let service: ExtractionService
    let jobs: JobStore
    let metrics: ServerMetrics
    let configuration: ServerConfiguration

    /// The route patterns, as the spec writes them.
    static let paths = ["/", "/healthz", "/metrics", "/v1/rules", "/v1/schema", "/v1/extract", "/v1/jobs", "/v1/jobs/{id}"]

    /// The methods of each route (for `Allow` on 405).
    static let methods: [String: String] = [
        "/": "GET, HEAD", "/healthz": "GET, HEAD", "/metrics": "GET, HEAD", "/v1/rules": "GET, HEAD", "/v1/schema": "GET, HEAD",
        "/v1/extract": "POST", "/v1/jobs": "POST", "/v1/jobs/{id}": "GET, HEAD",
    ]

    /// The CLI's JSON form (sorted keys, slashes unescaped).
    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .init("Content-Security-Policy")!: ReviewPage.contentSecurityPolicy],
                     body: .init(byteBuffer: ByteBuffer(string: ReviewPage.html())))
        }
        router.get("/healthz") { _, _ in
            Self.json(["status": "ok", "rules": "\(service.rules.count)", "busy_workers": "\(service.busyWorkers)"])
        }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
        router.get("/v1/rules") { _, _ in
            try Self.json(encodable: ["rules": service.rules.map(RuleSummary.init)])
        }
        router.get("/v1/schema") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/schema+json"], body: .init(byteBuffer: ByteBuffer(bytes: service.schema)))
        }
        router.post("/v1/extract") { request, _ in
            // The body is read here, not under Deadline.run (see BodyReader), within the same time.
            let start = ContinuousClock.now
            let (bytes, name, req) = try await readDocument(request)
            return try await Deadline.run(seconds: remaining(since: start)) {
                let reports = try await service.reports(bytes: bytes, name: name, request: req)
                metrics.documents(reports)
                return try Self.json(encodable: reports)
            }
        }
        router.post("/v1/jobs") { request, _ in
            let start = ContinuousClock.now
            let req = try ExtractRequest(query: Array(request.uri.queryParameters.map { (String($0.key), String($0.value)) }))
            _ = try service.engine(for: req.onlyRules)  // an unknown rule is refused now, not per document
            let callback = try request.uri.queryParameters["callback"].map { try jobs.checkCallback(String($0)) }
            let media = MediaTypeHeader(request.headers[.contentType])
            let body = try await BodyReader.collect(request, limit: configuration.maxBodyBytes, seconds: configuration.requestTimeout)
            return try await Deadline.run(seconds: remaining(since: start)) {
                let documents = try JobInput.documents(body, mediaType: media.type, limit: configuration.maxJobDocuments)
                var req = req
                req.charset = nil
                let job = jobs.create(documents: documents, request: req, callback: callback)
                var response = try Self.json(encodable: job, status: .accepted)
                response.headers[.location] = "/v1/jobs/\(job.id)"
                return response
            }
        }
        router.get("/v1/jobs/:id") { _, context in
            let id = context.parameters.get("id") ?? ""
            guard let job = jobs.status(id) else { throw APIError(.notFound, .jobNotFound, "no job \(id) (unknown, or deleted after its retention time)") }
            return try Self.json(encodable: job)
        }
    }

    /// The document of an extract request: raw body or the file part of a multipart upload, with
    /// the charset and format hints of its content type.
    func readDocument(_ request: Request) async throws -> ([UInt8], String, ExtractRequest) {
        var req = try ExtractRequest(query: Array(request.uri.queryParameters.map { (String($0.key), String($0.value)) }))
        let media = MediaTypeHeader(request.headers[.contentType])
        let isMultipart = media.type == "multipart/form-data"
        guard isMultipart || media.documentFormat != nil else {
            throw APIError(.unsupportedMediaType, .unsupportedMediaType,
                           "cannot read a body of type '\(media.type)'; send \(MediaTypeHeader.documentTypes)")
        }
        let body = try await BodyReader.collect(request, limit: configuration.maxBodyBytes, seconds: configuration.requestTimeout)
        guard !body.isEmpty else { throw QiyueError(.empty, path: "<body>", "the request body is empty") }
        guard isMultipart else {
            req.charset = media.charset
            req.format = media.documentFormat ?? nil
            return (body, "<body>", req)
        }
        let upload = try MultipartUpload.parse(body, boundary: media.parameters["boundary"])
        let partType = MediaTypeHeader(upload.contentType)
        req.charset = partType.charset
        req.format = partType.documentFormat ?? nil
        guard !upload.bytes.isEmpty else { throw QiyueError(.empty, path: upload.filename ?? "<upload>", "the uploaded file is empty") }
        return (upload.bytes, upload.filename ?? "<upload>", req)
    }

    /// The seconds left of the request timeout since `start`.
    func remaining(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return configuration.requestTimeout - (Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }

    static func json(_ object: [String: String], status: HTTPResponse.Status = .ok) -> Response {
        (try? json(encodable: object, status: status)) ?? Response(status: .internalServerError)
    }

    static func json(encodable value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
