import Foundation
import Qiyue

/// The inputs a results file (JSON Lines) already holds, for `qiyue batch --resume`.
///
/// A batch run writes each input's lines whole, in input order, so a crash (even kill -9) can
/// leave only a partial last line, or the first documents of a page without the rest. Loading
/// drops exactly that tail (truncating the file to its last complete input), keeps every complete
/// line, and remembers each input by path and content hash: an input is skipped when a record with
/// its path and the SHA-256 of its current bytes is there (an error record of a file that could
/// not be read at all, which has no hash, matches by path).
final class ResumeState: @unchecked Sendable {
    /// path → content hashes done ("" for an error record without a hash). Read-only once loaded.
    private var done: [String: Set<String>] = [:]
    /// Complete records kept.
    private(set) var records = 0
    /// Bytes dropped from the end of the file.
    private(set) var droppedBytes: Int64 = 0

    /// Whether an input is already in the results.
    func contains(path: String, sha256: String?) -> Bool {
        guard let hashes = done[path] else { return false }
        if hashes.contains("") { return true }
        return sha256.map(hashes.contains) ?? false
    }

    /// Reads the results file at `path` (streamed, a megabyte at a time) and truncates it to its
    /// last complete input. A missing or empty file resumes nothing.
    init(resuming path: String) throws(QiyueError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var offset: Int64 = 0          // file offset of pending[0]
        var keep: Int64 = 0            // end of the last complete input
        var group: (key: String, path: String, hash: String, expected: Int, seen: Int)?
        var lineNumber = 0
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            var start = 0
            while let nl = pending[start...].firstIndex(of: 0x0A) {
                lineNumber += 1
                let line = pending[start..<nl]
                let lineStart = offset + Int64(start)
                let lineEnd = offset + Int64(nl + 1)
                if !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
                    let s = try Self.source(of: line, file: path, line: lineNumber)
                    let hash = s.sha256 ?? ""
                    let key = s.path + "\u{0}" + hash
                    if let p = s.part, let n = s.parts, n > 1 {
                        if p == 1 || group?.key != key { group = (key, s.path, hash, n, 1); keep = min(keep, lineStart) }
                        else { group!.seen += 1 }
                        if group!.seen >= group!.expected {
                            done[s.path, default: []].insert(hash)
                            records += group!.seen
                            group = nil
                            keep = lineEnd
                        }
                    } else {
                        group = nil
                        done[s.path, default: []].insert(hash)
                        records += 1
                        keep = lineEnd
                    }
                }
                if group == nil { keep = lineEnd }
                start = nl + 1
            }
            offset += Int64(start)
            pending.removeFirst(start)
        }
        let size = offset + Int64(pending.count)
        if keep < size {
            droppedBytes = size - keep
            guard truncate(path, off_t(keep)) == 0 else {
                throw QiyueError(.unwritableOutput, path: path, "cannot drop the incomplete last record (\(FileReader.reason(errno)))")
            }
        }
    }

    /// The `source` object of a results line: found by its key (report and error records both
    /// have one; JSON escapes every quote inside strings, so the key cannot occur in a value).
    private static func source(of line: ArraySlice<UInt8>, file: String, line number: Int) throws(QiyueError) -> (path: String, sha256: String?, part: Int?, parts: Int?) {
        let key = Array("\"source\":{".utf8)
        guard line.first == 0x7B, let at = firstRange(of: key, in: line) else {
            throw QiyueError(.badResumeFile, path: file, "line \(number) is not a qiyue record (no source object); not resuming this file")
        }
        var depth = 0, inString = false, escaped = false
        var i = at + key.count - 1
        var end: Int?
        while i < line.endIndex {
            let c = line[i]
            if inString {
                if escaped { escaped = false } else if c == 0x5C { escaped = true } else if c == 0x22 { inString = false }
            } else if c == 0x22 { inString = true }
            else if c == 0x7B { depth += 1 }
            else if c == 0x7D { depth -= 1; if depth == 0 { end = i; break } }
            i += 1
        }
        guard let end, let obj = try? JSONSerialization.jsonObject(with: Data(line[(at + key.count - 1)...end])) as? [String: Any],
              let path = obj["path"] as? String else {
            throw QiyueError(.badResumeFile, path: file, "line \(number) has an unreadable source object; not resuming this file")
        }
        return (path, obj["sha256"] as? String, (obj["part"] as? NSNumber)?.intValue, (obj["parts"] as? NSNumber)?.intValue)
    }

    private static func firstRange(of needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
        guard hay.count >= needle.count else { return nil }
        var i = hay.startIndex
        let last = hay.endIndex - needle.count
        while i <= last {
            if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
