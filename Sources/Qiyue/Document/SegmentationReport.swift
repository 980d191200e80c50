import Foundation

/// The JSON view of a document's segmentation (what `qiyue segment --json` prints).
public struct SegmentationReport: Codable, Sendable {
    /// A token in the report.
    public struct TokenEntry: Codable, Sendable {
        /// Normalized text.
        public var text: String
        /// Original text.
        public var original: String
        /// Kind (word, number, punctuation, symbol, blank, latin).
        public var kind: String
        /// Whether it is a lexicon term.
        public var term: Bool
        /// Original span.
        public var span: TextSpan
    }
    /// A sentence in the report.
    public struct SentenceEntry: Codable, Sendable {
        /// Original span.
        public var span: TextSpan
        /// Index into `clauses` of the innermost clause.
        public var clause: Int?
    }
    /// A clause in the report.
    public struct ClauseEntry: Codable, Sendable {
        /// Numbering as written (normalized).
        public var number: String
        /// Title, when the heading has one.
        public var title: String?
        /// Depth in the clause tree.
        public var depth: Int
        /// Index of the parent clause.
        public var parent: Int?
        /// Original span.
        public var span: TextSpan
    }

    /// Source information.
    public var source: SourceInfo
    /// The normalized text.
    public var normalized: String
    /// Tokens.
    public var tokens: [TokenEntry]
    /// Sentences.
    public var sentences: [SentenceEntry]
    /// Clauses.
    public var clauses: [ClauseEntry]

    /// Builds the report of a document.
    public init(document d: Document) {
        source = d.source
        normalized = d.normalizedText
        tokens = d.tokens.map {
            TokenEntry(text: d.normalizedText(of: $0), original: d.originalText(of: $0), kind: $0.kind.name,
                       term: $0.isTerm, span: d.originalSpan(of: $0))
        }
        sentences = d.sentences.map { SentenceEntry(span: d.originalSpan($0.range), clause: $0.clause) }
        clauses = d.clauses.map {
            ClauseEntry(number: $0.number, title: $0.title, depth: $0.depth, parent: $0.parent, span: d.originalSpan($0.range))
        }
    }

    /// Compact JSON.
    public func jsonString() throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(self), as: UTF8.self)
    }
}
