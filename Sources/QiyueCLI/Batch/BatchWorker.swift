import Foundation
import Qiyue
import QiyueIngest

/// What every worker of a batch run is configured with (copied to each worker thread).
struct BatchSettings: Sendable {
    enum Format: String, Sendable { case jsonl, csv }
    var format: Format
    var stream: StreamRecord.Format?
    var split: Bool
    var category: String?
    var includeText: Bool
    var redactor: Redactor?
    var ingestor: Ingestor
    var maxBytes: Int
}

/// One worker thread's state: its own pipeline (not thread-safe), encoder and ingestor. Turns a
/// ``BatchJob`` into the text to write and the counts for the summary.
final class BatchWorker {
    private let pipeline: Pipeline
    private let settings: BatchSettings
    private let ingestor: Ingestor
    private let encoder = JSONEncoder()
    private let done: ResumeState?

    init(pipeline: Pipeline, settings: BatchSettings, done: ResumeState?) {
        self.pipeline = pipeline
        self.settings = settings
        self.done = done
        ingestor = settings.ingestor
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    func run(_ job: BatchJob) -> BatchResult {
        switch job {
        case .failed(let e): return failure(e, id: nil, path: e.path ?? "", sha256: nil)
        case .file(let raw): return file(raw)
        case .line(let n, let bytes): return line(n, bytes)
        }
    }

    private func file(_ raw: [UInt8]) -> BatchResult {
        let name = FileReader.displayName(raw)
        var hash: String?
        var size = 0
        do {
            let bytes = try FileReader.read(path: raw, maxBytes: settings.maxBytes)
            size = bytes.count
            hash = SHA256.hex(bytes)
            if let done, done.contains(path: name, sha256: hash) { return BatchResult(bytes: size, skipped: true) }
            let input = try ingestor.read(bytes, name: name, sha256: hash)
            var r = reports(input, id: nil)
            r.bytes = size
            return r
        } catch {
            if let done, done.contains(path: name, sha256: hash) { return BatchResult(bytes: size, skipped: true) }
            var r = failure(error, id: hash, path: name, sha256: hash)
            r.bytes = size
            return r
        }
    }

    private func line(_ n: Int, _ bytes: [UInt8]) -> BatchResult {
        let format = settings.stream ?? .jsonl
        let record: StreamRecord
        do { record = try StreamRecord.parse(bytes, line: n, format: format) } catch {
            return failure(error, id: StreamRecord.bestEffortID(bytes, format: format), path: "<stdin>:\(n)", sha256: nil)
        }
        // A text record's report names the stream, not the line: a line number depends on how the
        // stream was cut (Spark numbers each partition from 1), and the id names the record.
        let path = record.path ?? "<stdin>"
        do {
            let input: Ingestor.Input
            var size = 0
            if let text = record.text {
                let data = Array(text.utf8)
                size = data.count
                input = try ingestor.read(data, name: path)
            } else {
                let data = try FileReader.read(path: Array(path.utf8), maxBytes: settings.maxBytes)
                size = data.count
                input = try ingestor.read(data, name: path)
            }
            var r = reports(input, id: record.id)
            r.bytes = size
            return r
        } catch {
            return failure(error, id: record.id, path: record.path ?? "<stdin>:\(n)", sha256: nil)
        }
    }

    private func reports(_ input: Ingestor.Input, id: String?) -> BatchResult {
        var source = input.source
        if settings.includeText { source.text = input.decoded.text }
        if let id { source.id = id }
        let reports = pipeline.reports(input, source: source, split: settings.split, category: settings.category)
        var result = BatchResult()
        result.documents = reports.map { r in
            BatchResult.DocumentStat(category: r.classification.isContract ? (r.classification.category ?? "other_contract") : "not_contract",
                                     risks: r.risks.map { ($0.rule, $0.severity) })
        }
        let redactor = settings.redactor
        func json(_ r: ContractReport) -> String { ReportJSON.encode(r) }
        switch (settings.format, settings.stream) {
        case (.csv, _):
            for r in reports {
                let targets = redactor?.targets(r) ?? []
                var fields = CSVRow.fields(r, partiesJSON: ReportJSON.encode(r.parties))
                if let redactor { fields = fields.map { redactor.apply(targets, to: $0) } }
                result.text += CSVRow.encode(fields)
            }
        case (.jsonl, nil):
            for r in reports {
                var line = json(r)
                if let redactor { line = redactor.apply(redactor.targets(r), to: line) }
                result.text += line + "\n"
            }
        case (.jsonl, let stream?):
            // One line per record: the report, or an array of them with --split.
            var line = settings.split ? "[" + reports.map(json).joined(separator: ",") + "]" : json(reports[0])
            if let redactor { line = reports.reduce(line) { redactor.apply(redactor.targets($1), to: $0) } }
            result.text = (stream == .tsv ? tsvKey(id) + "\t" : "") + line + "\n"
        }
        return result
    }

    private func tsvKey(_ id: String?) -> String {
        (id ?? "").replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// The error record of an input: `{"error": {"code", "message"}, "id"?, "source": {"path", "sha256"?}}`.
    private func failure(_ error: Error, id: String?, path: String, sha256: String?) -> BatchResult {
        let e = (error as? QiyueError) ?? QiyueError(.unreadable, path: path, "\(error)")
        var result = BatchResult()
        result.failure = e.code
        if settings.format == .csv {
            result.text = CSVRow.encode(CSVRow.errorFields(id: id, path: path, error: e))
            return result
        }
        let record = ErrorRecord(id: id, source: .init(path: path, sha256: sha256), error: .init(code: e.code.rawValue, message: e.message))
        let line = (try? encoder.encode(record)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        result.text = (settings.stream == .tsv ? tsvKey(id) + "\t" : "") + line + "\n"
        return result
    }
}

/// The record of an input that failed: the error object every interface uses, with the input's path.
struct ErrorRecord: Codable {
    var id: String?
    var source: Source
    var error: ErrorObject
    struct Source: Codable { var path: String; var sha256: String? }
    struct ErrorObject: Codable { var code: String; var message: String }
}
