/// Where a document came from and how it was read.
public struct SourceInfo: Sendable, Codable, Hashable {
    /// The input path (or a label such as `<stdin>`).
    public var path: String
    /// The encoding the bytes were decoded from.
    public var encoding: String
    /// The input format.
    public var format: SourceFormat
    /// For a document split out of a multi-document page: its span in the page's text.
    public var span: TextSpan?
    /// For a DOCX input: true when it holds tracked changes not yet accepted (the text is read as if
    /// they were: deletions dropped, insertions kept). Absent for other formats.
    public var unacceptedChanges: Bool?
    /// For a DOCX input: the text of its page headers and footers, kept out of the body text that
    /// spans index (one string per distinct header or footer, in part order).
    public var headers: [String]?
    /// See ``headers``.
    public var footers: [String]?
    /// For a DOCX input: the extent of each table in the text (one row per line, cells separated by
    /// a tab), so that a table reader can tell table rows from paragraphs.
    public var tables: [TextSpan]?
    /// The whole text every span indexes (with `--include-text`; what `qiyue text` prints).
    public var text: String?
    /// A stable id for the document: the caller's id (batch stream modes), else the SHA-256 of the
    /// input's bytes; a document split out of a page adds `#` and its 1-based number. A CRM can
    /// upsert on it as an external id.
    public var id: String?
    /// SHA-256 (hex) of the input's bytes, when they were read.
    public var sha256: String?
    /// For a document split out of a page: its 1-based number and the page's document count.
    public var part: Int?
    /// See ``part``.
    public var parts: Int?
    /// For paged inputs (PDF, images, hOCR, ALTO): each page with its span in the text.
    public var pages: [PageInfo]? = nil
    /// For OCR inputs: the recognition errors repaired before analysis (spans still index the text
    /// as recognized, what `qiyue text` prints).
    public var repairs: [OCRRepair]? = nil

    /// Creates source information.
    public init(path: String, encoding: String = "UTF-8", format: SourceFormat = .text, span: TextSpan? = nil) {
        self.path = path
        self.encoding = encoding
        self.format = format
        self.span = span
    }
}

/// One document: the decoded original text, the normalized text every stage reads, the offset map
/// between them, tokens, sentences and the clause tree. All public ranges are
/// ``TextSpan``s of Unicode scalar offsets into ``original``.
///
/// ```swift
/// let doc = try Analyzer().analyze(text: "甲 方 :张 三", source: SourceInfo(path: "x"))
/// doc.normalizedText        // "甲方:张三"
/// doc.tokens.map(doc.originalText)  // ["甲 方", ":", "张 三"]
/// ```
public final class Document: Sendable {
    /// Source information.
    public let source: SourceInfo
    /// The original text's scalar values (spans index these).
    let originalScalars: [UInt32]
    /// The normalized text's scalar values.
    let normalized: [UInt32]
    /// Normalized → original offsets.
    let map: OffsetMap
    /// Tokens over the normalized text.
    public let tokens: [Token]
    /// False for the pipeline's first, unsegmented pass (classification needs no words; a text
    /// that is not a contract is never word-segmented). Public analysis always segments.
    let isSegmented: Bool
    /// Sentences.
    public let sentences: [Sentence]
    /// The clause tree, in document order.
    public let clauses: [Clause]
    /// Problems met while reading and analyzing it that did not stop it (limits reached,
    /// fallbacks taken); they go into the report's `warnings`.
    public let warnings: [ReportWarning]

    /// The decoded original text.
    public var original: String { ScalarDecoding.string(originalScalars, 0, originalScalars.count) }

    init(source: SourceInfo, originalScalars: [UInt32], normalized: [UInt32],
         map: OffsetMap, tokens: [Token], isSegmented: Bool = true, sentences: [Sentence], clauses: [Clause],
         warnings: [ReportWarning] = []) {
        self.source = source
        self.originalScalars = originalScalars
        self.normalized = normalized
        self.map = map
        self.tokens = tokens
        self.isSegmented = isSegmented
        self.sentences = sentences
        self.clauses = clauses
        self.warnings = warnings
    }

    /// The same document with its tokens (the arrays are shared, not copied).
    func with(tokens: [Token]) -> Document {
        Document(source: source, originalScalars: originalScalars, normalized: normalized, map: map, tokens: tokens,
                 sentences: sentences, clauses: clauses, warnings: warnings)
    }

    /// The normalized text.
    public var normalizedText: String { ScalarDecoding.string(normalized, 0, normalized.count) }

    /// The original span of a normalized range.
    public func originalSpan(_ range: Range<Int>) -> TextSpan { map.originalSpan(range.lowerBound, range.upperBound) }

    /// The original span of a token.
    public func originalSpan(of token: Token) -> TextSpan { originalSpan(token.range) }

    /// The original text under a span.
    public func originalText(_ span: TextSpan) -> String {
        ScalarDecoding.string(originalScalars, span.start, span.end)
    }

    /// The original text of a token.
    public func originalText(of token: Token) -> String { originalText(originalSpan(of: token)) }

    /// The normalized text of a range.
    public func normalizedText(_ range: Range<Int>) -> String {
        ScalarDecoding.string(normalized, range.lowerBound, range.upperBound)
    }

    /// The normalized text of a token.
    public func normalizedText(of token: Token) -> String { normalizedText(token.range) }

    /// Index of the innermost clause containing normalized offset `offset`.
    func clauseIndex(at offset: Int) -> Int? {
        var best: Int?
        for (i, c) in clauses.enumerated() where c.range.contains(offset) {
            if best == nil || c.depth >= clauses[best!].depth { best = i }
        }
        return best
    }

    /// Whether a clause starts exactly at normalized offset `offset` (clauses are in document
    /// order, so by start: binary search).
    func clauseStarts(at offset: Int) -> Bool {
        let i = clauses.partitioningIndex { $0.range.lowerBound >= offset }
        return i < clauses.count && clauses[i].range.lowerBound == offset
    }

    /// Index of the sentence containing normalized offset `offset` (binary search).
    func sentenceIndex(at offset: Int) -> Int? {
        var lo = 0, hi = sentences.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = sentences[mid].range
            if offset < r.lowerBound { hi = mid - 1 } else if offset >= r.upperBound { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    /// ``tokenIndex(atOrAfter:)`` found by stepping forward from `hint`, a token index known to be at
    /// or before the answer (extractors look a few tokens ahead of the one they stand on).
    @inline(__always)
    func tokenIndex(atOrAfter offset: Int, from hint: Int) -> Int {
        var k = max(0, min(hint, tokens.count))
        if k > 0 && Int(tokens[k - 1].end) > offset { return tokenIndex(atOrAfter: offset) }
        let stop = min(tokens.count, k + 8)
        while k < stop {
            if Int(tokens[k].end) > offset { return k }
            k += 1
        }
        return k == tokens.count ? k : tokenIndex(atOrAfter: offset)
    }

    /// Index of the first token whose end is after `offset` (binary search).
    func tokenIndex(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(tokens[mid].end) <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
