/// A half-open range `[start, end)` of Unicode scalar offsets.
///
/// In all output, spans index the *decoded original* text, so a reviewer can highlight
/// `Array(original.unicodeScalars)[start..<end]`. Encodes as a two-element JSON array.
public struct TextSpan: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// First scalar offset (inclusive).
    public var start: Int
    /// Scalar offset one past the last (exclusive).
    public var end: Int

    /// Creates a span; `end` must not be less than `start`.
    public init(_ start: Int, _ end: Int) {
        precondition(end >= start, "span end before start")
        self.start = start
        self.end = end
    }

    /// Number of scalars covered.
    public var length: Int { end - start }
    /// Whether the span covers nothing.
    public var isEmpty: Bool { end == start }

    /// Whether `other` lies within this span.
    public func contains(_ other: TextSpan) -> Bool { other.start >= start && other.end <= end }
    /// Whether the two spans share at least one scalar.
    public func overlaps(_ other: TextSpan) -> Bool { other.start < end && start < other.end }
    /// The smallest span covering both.
    public func union(_ other: TextSpan) -> TextSpan { TextSpan(min(start, other.start), max(end, other.end)) }

    public static func < (a: TextSpan, b: TextSpan) -> Bool {
        a.start != b.start ? a.start < b.start : a.end < b.end
    }

    public var description: String { "[\(start), \(end))" }

    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        let s = try c.decode(Int.self)
        let e = try c.decode(Int.self)
        guard e >= s else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "span end before start")
        }
        self.init(s, e)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(start)
        try c.encode(end)
    }
}
