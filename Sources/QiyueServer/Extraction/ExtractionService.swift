import Foundation
import Qiyue
import QiyueIngest

/// The pipeline behind the HTTP endpoints: reads a body with the CLI's ``Ingestor`` (every format
/// `qiyue extract` reads, told apart by content) and reports on it with ``Pipeline`` exactly as
/// `qiyue extract` does (split pages, category override, text on request).
public final class ExtractionService: Sendable {
    /// The active rules (the shipped set of the Rules directory), in load order.
    public let rules: [RiskRule]
    /// The JSON Schema of the reports (Rules/schema/qiyue.document-1.schema.json).
    public let schema: [UInt8]
    private let shipped: RiskEngine
    private let pool: PipelinePool
    private let selections = LockedCache<String, RiskEngine>(capacity: 64)
    private let configuration: ServerConfiguration

    /// Loads the rules and builds one pipeline per worker.
    /// - Throws: `Q200`/`Q201` for bad rule data, as the CLI does.
    public init(configuration: ServerConfiguration) throws {
        self.configuration = configuration
        let kb = try KnowledgeBase(directory: configuration.rulesDirectory)
        let engine = try RiskEngine(knowledge: kb, limits: configuration.limits)
        shipped = engine
        rules = engine.rules
        let decoding = DecodingOptions(maxBytes: configuration.maxBodyBytes)
        var pipelines: [Pipeline] = []
        for _ in 0..<configuration.workers {
            pipelines.append(try Pipeline(knowledge: kb, decoding: decoding, limits: configuration.limits, risks: .engine(engine)))
        }
        pool = PipelinePool(pipelines: pipelines, queueLength: configuration.queueLength)
        let schemaPath = kb.directory + "/schema/qiyue.document-1.schema.json"
        guard let data = FileManager.default.contents(atPath: schemaPath) else {
            throw QiyueError(.badRuleData, path: schemaPath, "the report schema is missing")
        }
        schema = Array(data)
    }

    /// Documents being analyzed now.
    public var busyWorkers: Int { pool.inUse }

    /// The reports on one body: one per document of a page unless `request.split` is false.
    /// - Throws: the ingestion errors of the CLI (`Q102` empty, `Q103` binary, `Q101` undecodable,
    ///   `Q110` not a DOCX…), `Q704` for an unknown rule, `Q720` when every worker is busy.
    ///   With `wait`, a busy server queues the document instead of refusing it (jobs).
    public func reports(bytes: [UInt8], name: String, request: ExtractRequest, wait: Bool = false) async throws -> [ContractReport] {
        let engine = try engine(for: request.onlyRules)
        let ingestor = Ingestor(options: IngestOptions(
            decoding: DecodingOptions(encoding: request.charset, format: request.format == .docx ? nil : request.format,
                                      maxBytes: configuration.maxBodyBytes),
            format: request.format))
        return try await pool.run(wait: wait) { pipeline in
            let read = try ingestor.read(bytes, name: name)
            var source = read.source
            if request.includeText { source.text = read.decoded.text }
            pipeline.risks = engine
            defer { pipeline.risks = self.shipped }
            let reports = pipeline.reports(read, source: source, split: request.split, category: request.category)
            guard let redactor = request.redact else { return reports }
            return reports.map(redactor.redacted)
        }
    }

    /// The engine for `only_rules` (the shipped engine when nil), compiled once per set of ids.
    func engine(for ids: [String]?) throws -> RiskEngine {
        guard let ids else { return shipped }
        let byId = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let unknown = ids.filter { byId[$0] == nil }
        guard unknown.isEmpty else {
            throw APIError(.badRequest, .unknownRule, "unknown rule\(unknown.count > 1 ? "s" : "") \(unknown.joined(separator: ", ")); GET /v1/rules lists the active ones")
        }
        let key = Set(ids).sorted().joined(separator: ",")
        if let cached = selections[key] { return cached }
        let engine = try RiskEngine(ruleFiles: Set(ids).sorted().compactMap { byId[$0]?.path })
        selections[key] = engine
        return engine
    }
}
