import Foundation
import Qiyue

/// A record of a stream input: `{"id": …, "text": …}` or `{"id": …, "path": …}` (JSON Lines), or
/// `id<TAB>text` (TSV, the Hadoop Streaming key convention, with `\n`, `\t`, `\\` escaped in the text).
struct StreamRecord {
    /// The caller's id (a JSON number is kept as its text).
    var id: String
    /// The text to read, or
    var text: String?
    /// a file to read.
    var path: String?

    /// The stream formats.
    enum Format: Sendable { case jsonl, tsv }

    /// Parses one line; Q800 with the line number when it is not a record.
    static func parse(_ bytes: [UInt8], line: Int, format: Format) throws(QiyueError) -> StreamRecord {
        let label = "<stdin>:\(line)"
        switch format {
        case .tsv:
            guard let tab = bytes.firstIndex(of: 0x09) else {
                throw QiyueError(.badStreamRecord, path: label, "a TSV record needs id<TAB>text; no tab found")
            }
            let id = String(decoding: bytes[..<tab], as: UTF8.self)
            guard !id.isEmpty else { throw QiyueError(.badStreamRecord, path: label, "the record's id is empty") }
            return StreamRecord(id: id, text: unescape(bytes[(tab + 1)...]), path: nil)
        case .jsonl:
            let object: Any
            do { object = try JSONSerialization.jsonObject(with: Data(bytes)) } catch {
                throw QiyueError(.badStreamRecord, path: label, "not a JSON object: \(Self.reason(error))")
            }
            guard let dict = object as? [String: Any] else {
                throw QiyueError(.badStreamRecord, path: label, "a record must be a JSON object with id and text (or path)")
            }
            let id: String
            switch dict["id"] {
            case let s as String where !s.isEmpty: id = s
            case let n as NSNumber: id = n.stringValue
            default: throw QiyueError(.badStreamRecord, path: label, "the record has no id (a non-empty string or a number)")
            }
            if let t = dict["text"] as? String { return StreamRecord(id: id, text: t, path: nil) }
            if let p = dict["path"] as? String { return StreamRecord(id: id, text: nil, path: p) }
            throw QiyueError(.badStreamRecord, path: label, "record \(id) has neither a text nor a path string")
        }
    }

    /// The id of a line that may not parse (for the error record), if it can be told.
    static func bestEffortID(_ bytes: [UInt8], format: Format) -> String? {
        switch format {
        case .tsv: return bytes.firstIndex(of: 0x09).map { String(decoding: bytes[..<$0], as: UTF8.self) }
        case .jsonl:
            guard let d = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return nil }
            return (d["id"] as? String) ?? (d["id"] as? NSNumber)?.stringValue
        }
    }

    private static func unescape(_ s: ArraySlice<UInt8>) -> String {
        guard s.contains(0x5C) else { return String(decoding: s, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == 0x5C, i + 1 < s.endIndex {
                switch s[i + 1] {
                case 0x6E: out.append(0x0A); i += 2; continue   // \n
                case 0x74: out.append(0x09); i += 2; continue   // \t
                case 0x72: out.append(0x0D); i += 2; continue   // \r
                case 0x5C: out.append(0x5C); i += 2; continue   // \\
                default: break
                }
            }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func reason(_ error: Error) -> String {
        let s = "\(error)"
        return s.count > 160 ? String(s.prefix(160)) + "…" : s
    }
}
