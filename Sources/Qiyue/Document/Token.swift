/// What a token is.
public enum TokenKind: UInt8, Sendable, Codable, CaseIterable {
    /// A word (Han, or a domain term from the lexicon).
    case word
    /// A number kept whole: 1,850,000.00, 3.5万, 壹佰捌拾伍万, 二〇二五, 千分之五, 30%.
    case number
    /// Punctuation.
    case punctuation
    /// A symbol such as ¥ or $.
    case symbol
    /// A template blank: a gap of spaces, underscores or empty brackets where a value is missing.
    case blank
    /// Latin letters (and alphanumerics such as IDs).
    case latin

    var name: String {
        switch self {
        case .word: "word"
        case .number: "number"
        case .punctuation: "punctuation"
        case .symbol: "symbol"
        case .blank: "blank"
        case .latin: "latin"
        }
    }
}

/// A token: a range of the normalized text (offsets, not a copied string).
public struct Token: Sendable, Hashable {
    /// Normalized start offset (scalars).
    public let start: Int32
    /// Normalized end offset (scalars, exclusive).
    public let end: Int32
    /// The token's kind.
    public let kind: TokenKind
    /// Whether the token is a lexicon term.
    public let isTerm: Bool

    init(_ start: Int, _ end: Int, _ kind: TokenKind, isTerm: Bool = false) {
        self.start = Int32(start)
        self.end = Int32(end)
        self.kind = kind
        self.isTerm = isTerm
    }

    var range: Range<Int> { Int(start)..<Int(end) }
}
