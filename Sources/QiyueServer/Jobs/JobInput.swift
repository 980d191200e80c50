import Foundation
import Qiyue
import QiyueIngest

/// The documents of a `POST /v1/jobs` body: JSON Lines (`{"name": …, "text": …}` or
/// `{"name": …, "base64": …}` per line) or a zip archive (one document per file).
enum JobInput {
    /// One document of a job.
    struct Document: Sendable {
        var name: String
        var bytes: [UInt8]
    }

    private static func zipDocuments(_ body: [UInt8]) throws -> [Document] {
        let files: [ZipFiles.File]
        do {
            files = try ZipFiles.files(body, name: "<job>")
        } catch {
            if error.code != .notDocx { throw error }
            throw APIError(.badRequest, .badJob, "the body is not a readable zip archive: \(error.message)")
        }
        return files.map { Document(name: $0.name, bytes: $0.bytes) }
    }

    private struct Batch: Decodable {
        var documents: [Line]
    }

    private struct Line: Decodable {
        var name: String?
        var text: String?
        var base64: String?
    }

    /// The documents. - Throws: 400 `Q706` for a bad line or archive, or none; 415 for another type.
    static func documents(_ body: [UInt8], mediaType: String, limit: Int) throws -> [Document] {
        let docs: [Document]
        switch mediaType {
        case "application/zip", "application/x-zip-compressed":
            docs = try zipDocuments(body)
        case "application/x-ndjson", "application/jsonl", "application/json-lines", "application/x-jsonlines":
            var out: [Document] = []
            for (n, raw) in body.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                let line = raw.last == 0x0D ? raw.dropLast() : raw
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                guard let l = try? JSONDecoder().decode(Line.self, from: Data(line)) else {
                    throw APIError(.badRequest, .badJob, "line \(n + 1) is not a JSON object with name and text (or base64)")
                }
                let name = l.name ?? "doc-\(out.count + 1)"
                if let t = l.text {
                    out.append(Document(name: name, bytes: Array(t.utf8)))
                } else if let b = l.base64, let d = Data(base64Encoded: b) {
                    out.append(Document(name: name, bytes: Array(d)))
                } else {
                    throw APIError(.badRequest, .badJob, "line \(n + 1) has neither text nor valid base64")
                }
            }
            docs = out
        case "application/json":
            guard let batch = try? JSONDecoder().decode(Batch.self, from: Data(body)) else {
                throw APIError(.badRequest, .badJob, "a JSON job is {\"documents\": [{\"name\", \"text\" or \"base64\"}]}")
            }
            docs = try batch.documents.enumerated().map { n, l in
                let name = l.name ?? "doc-\(n + 1)"
                if let t = l.text { return Document(name: name, bytes: Array(t.utf8)) }
                if let b = l.base64, let d = Data(base64Encoded: b) { return Document(name: name, bytes: Array(d)) }
                throw APIError(.badRequest, .badJob, "document \(n + 1) has neither text nor valid base64")
            }
        default:
            throw APIError(.unsupportedMediaType, .unsupportedMediaType,
                           "a job is JSON Lines (application/x-ndjson), JSON (application/json) or a zip archive (application/zip), not '\(mediaType)'")
        }
        guard !docs.isEmpty else { throw APIError(.badRequest, .badJob, "the job holds no document") }
        guard docs.count <= limit else { throw APIError(.badRequest, .badJob, "the job holds \(docs.count) documents, over the limit of \(limit)") }
        return docs
    }
}
