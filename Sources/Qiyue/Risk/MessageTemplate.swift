import Foundation

/// A message with `{name}` / `{name|filter}` placeholders, split once into literal text and fields.
/// `{{` and `}}` stand for literal braces.
struct MessageTemplate: Sendable {
    /// A piece of a template.
    enum Segment: Sendable {
        case literal(String)
        case field(name: String, filter: String?)
    }

    /// A template that cannot be split.
    struct Problem: Error {
        let message: String
    }

    /// The pieces in order.
    let segments: [Segment]

    /// The placeholders in order.
    var placeholders: [(name: String, filter: String?)] {
        segments.compactMap { if case .field(let n, let f) = $0 { (n, f) } else { nil } }
    }

    static func parse(_ text: String) -> Result<MessageTemplate, Problem> {
        var segments: [Segment] = []
        var literal = ""
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            let next = text.index(after: i)
            if ch == "{" {
                if next < text.endIndex, text[next] == "{" {
                    literal.append("{")
                    i = text.index(after: next)
                    continue
                }
                guard let close = text[next...].firstIndex(of: "}") else {
                    return .failure(Problem(message: "unclosed '{' in a placeholder"))
                }
                let inner = text[next..<close]
                let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
                let name = parts[0].trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                    return .failure(Problem(message: "bad placeholder '{\(inner)}'; write {field} or {field|percent}"))
                }
                if !literal.isEmpty { segments.append(.literal(literal)); literal = "" }
                let filter = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
                segments.append(.field(name: name, filter: filter))
                i = text.index(after: close)
            } else if ch == "}" {
                literal.append("}")
                i = next < text.endIndex && text[next] == "}" ? text.index(after: next) : next
            } else {
                literal.append(ch)
                i = next
            }
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return .success(MessageTemplate(segments: segments))
    }

    /// Fills the placeholders; `lookup` returns nil for an unknown name (left as written).
    func render(_ lookup: (String) -> FieldValue?, text: (Range<Int>) -> String) -> String {
        var out = ""
        for s in segments {
            switch s {
            case .literal(let l): out += l
            case .field(let name, let filter):
                guard let v = lookup(name) else { out += "{\(name)}"; continue }
                out += Self.format(v, filter: filter, text: text)
            }
        }
        return out
    }

    static func format(_ v: FieldValue, filter: String?, text: (Range<Int>) -> String) -> String {
        switch v {
        case .null: return "—"
        case .bool(let b): return b ? "true" : "false"
        case .number(let d):
            switch filter {
            case "percent": return RiskFormat.percent(d)
            case "number": return RiskFormat.grouped(d)
            default: return RiskFormat.number(d)
            }
        case .string(let s): return s
        case .strings(let l): return l.joined(separator: "、")
        case .text(let r): return text(r)
        }
    }
}
