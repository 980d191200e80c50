import Qiyue

/// A rule parameter value as JSON.
public enum JSONValue: Encodable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case list([JSONValue])
    /// An object.
    case map([String: JSONValue])

    /// The JSON form of a rule value.
    public init(_ v: RiskValue) {
        switch v {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let d): self = .number(d)
        case .string(let s): self = .string(s)
        case .list(let l): self = .list(l.map(JSONValue.init))
        case .map(let m): self = .map(m.mapValues(JSONValue.init))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .list(let l): try c.encode(l)
        case .map(let m): try c.encode(m)
        }
    }
}
