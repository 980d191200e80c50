/// The first half of the pipeline: decode → normalize → segment, producing a ``Document``.
///
/// Owns ICU handles and caches, so it is not thread-safe: use one per worker thread.
/// ```swift
/// let analyzer = try Analyzer()
/// let doc = try analyzer.analyze(contentsOf: "Corpus/documents/gen-a-01.txt")
/// ```
public final class Analyzer {
    /// The shared rule data.
    public let knowledge: KnowledgeBase
    /// Decoding options.
    public var decoding: DecodingOptions
    /// Per-document work budgets.
    public let limits: AnalysisLimits
    private let normalizer: Normalizer
    private let tokenizer: Tokenizer

    /// Creates an analyzer.
    public init(knowledge: KnowledgeBase? = nil, decoding: DecodingOptions = DecodingOptions(),
                normalization: NormalizationOptions = NormalizationOptions(),
                limits: AnalysisLimits = AnalysisLimits()) throws {
        self.knowledge = try knowledge ?? KnowledgeBase.shared()
        self.decoding = decoding
        self.limits = limits
        normalizer = try Normalizer(options: normalization)
        tokenizer = try Tokenizer(lexicon: self.knowledge.lexicon, notNumbers: self.knowledge.notNumbers,
                                  numbers: self.knowledge.entities.numberClasses,
                                  readWords: self.knowledge.facts.readWords)
    }

    /// Decodes and analyzes a file.
    public func analyze(contentsOf path: String) throws -> Document {
        try analyze(contentsOf: path, segment: true)
    }

    /// With `segment` false, the document gets no tokens yet (see ``segmented(_:)``).
    func analyze(contentsOf path: String, segment: Bool) throws -> Document {
        let decoded = try TextDecoder(options: decoding).decode(contentsOf: path)
        return analyze(decoded, source: SourceInfo(path: path, encoding: decoded.encoding, format: decoded.format),
                       segment: segment)
    }

    /// Analyzes decoded input (without converting it to a String and back).
    public func analyze(_ decoded: DecodedText, source: SourceInfo) -> Document {
        analyze(decoded, source: source, segment: true)
    }

    func analyze(_ decoded: DecodedText, source: SourceInfo, segment: Bool) -> Document {
        analyze(scalars: decoded.scalars, source: source, segment: segment, warnings: decoded.warnings)
    }

    /// Analyzes text that is already decoded.
    public func analyze(text: String, source: SourceInfo = SourceInfo(path: "<text>")) -> Document {
        analyze(scalars: ScalarDecoding.scalars(of: text), source: source)
    }

    /// With `segment` false, the document gets no tokens yet (see ``segmented(_:)``).
    func analyze(scalars: [UInt32], source: SourceInfo, segment: Bool = true, warnings: [ReportWarning] = []) -> Document {
        let recognized = (source.pages ?? []).filter(\.ocr).map { $0.span.start..<$0.span.end }
        var (normalized, map) = normalizer.normalize(scalars, recognized: recognized)
        var warnings = warnings
        if normalized.count > max(0, limits.maxCharacters) {
            // Analyze the budget's worth; the offset map still covers it (it maps a prefix).
            let cut = max(0, limits.maxCharacters)
            let rest = map.originalSpan(cut, normalized.count)
            normalized.removeSubrange(cut...)
            map = map.prefix(cut)
            warnings.append(ReportWarning(.characterBudget,
                "the text is longer than the analysis budget of \(cut) characters (--max-characters); the rest, \(rest.end - rest.start) characters, was not analyzed", span: rest))
        }
        let tokens = segment ? tokenizer.tokenize(normalized) : []
        let clauses = StructureParser.clauses(normalized)
        let sentenceRanges = StructureParser.sentences(normalized)
        // Innermost clause of each sentence, by a sweep over both sorted lists.
        var sentences: [Sentence] = []
        sentences.reserveCapacity(sentenceRanges.count)
        var open: [Int] = []
        var next = 0
        for r in sentenceRanges {
            while next < clauses.count && clauses[next].range.lowerBound <= r.lowerBound {
                open.append(next)
                next += 1
            }
            open.removeAll { clauses[$0].range.upperBound <= r.lowerBound }
            sentences.append(Sentence(range: r, clause: open.last))
        }
        return Document(source: source, originalScalars: scalars, normalized: normalized, map: map,
                        tokens: tokens, isSegmented: segment, sentences: sentences, clauses: clauses, warnings: warnings)
    }

    /// The document with its tokens, segmenting it now if it was analyzed without: for the
    /// extractors, so ICU's dictionary runs only where they read a word boundary
    /// (``Tokenizer/Words/whereRead``).
    func segmented(_ doc: Document) -> Document {
        doc.isSegmented ? doc : doc.with(tokens: tokenizer.tokenize(doc.normalized, words: .whereRead))
    }
}
