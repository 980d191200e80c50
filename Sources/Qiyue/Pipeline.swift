/// The whole pipeline: decode → normalize → segment → extract entities → classify → extract
/// facts → risk rules → ``ContractReport`` (schema `qiyue.document/1`).
///
/// Not thread-safe (it owns an ``Analyzer``): use one per worker thread.
/// ```swift
/// let pipeline = try Pipeline()
/// let report = try pipeline.report(contentsOf: "Corpus/documents/gen-a-09.txt")
/// print(report.parties.map(\.name))
/// ```
public final class Pipeline {
    /// Decoding, normalization and segmentation.
    public let analyzer: Analyzer
    /// The loaded rule data.
    public var knowledge: KnowledgeBase { analyzer.knowledge }
    /// The risk rules run on contracts (nil: none); a caller may swap in another engine between
    /// documents (the server's `only_rules`).
    public var risks: RiskEngine?
    private var entityExtractor: EntityExtractor
    /// The date two-digit years are read near when a document has no four-digit year ("YYYY-MM-DD").
    public var referenceDate: String? {
        get { entityExtractor.referenceDate }
        set { entityExtractor.referenceDate = newValue }
    }
    private let factExtractor: FactExtractor
    private let classifier: DocumentClassifier
    private let splitter: DocumentSplitter
    private let contractTypes: ContractTypeClassifier?
    /// Written into every report: this build's version and the digest of the rule files (by
    /// default of the rules directory; the CLI adds its user rule files and overrides).
    public var producer: Producer

    /// Which risk rules a pipeline runs.
    public enum RiskRules {
        /// No risk rules.
        case none
        /// The shipped rule set (Rules/risks).
        case shipped
        /// A configured engine (user rules, parameter overrides).
        case engine(RiskEngine)
    }

    /// Creates a pipeline. By default it runs the shipped risk rules.
    public init(knowledge: KnowledgeBase? = nil, decoding: DecodingOptions = DecodingOptions(),
                normalization: NormalizationOptions = NormalizationOptions(), limits: AnalysisLimits = AnalysisLimits(),
                risks: RiskRules = .shipped) throws {
        analyzer = try Analyzer(knowledge: knowledge, decoding: decoding, normalization: normalization, limits: limits)
        entityExtractor = EntityExtractor(knowledge: analyzer.knowledge)
        factExtractor = FactExtractor(data: analyzer.knowledge.facts)
        classifier = try DocumentClassifier(knowledge: analyzer.knowledge)
        splitter = try DocumentSplitter(knowledge: analyzer.knowledge)
        contractTypes = analyzer.knowledge.contractTypes
        producer = Producer(rulesDigest: analyzer.knowledge.rulesDigest)
        switch risks {
        case .none: self.risks = nil
        case .shipped: self.risks = try RiskEngine(knowledge: analyzer.knowledge, limits: limits)
        case .engine(let e): self.risks = e
        }
    }

    /// Reads, decodes and analyzes a file.
    public func report(contentsOf path: String, category: String? = nil) throws -> ContractReport {
        let doc = try analyzer.analyze(contentsOf: path, segment: false)
        return report(for: doc, category: category)
    }

    /// Reports on input that is already decoded (as `report(contentsOf:)` does after reading).
    public func report(_ decoded: DecodedText, source: SourceInfo, category: String? = nil) -> ContractReport {
        report(for: analyzer.analyze(decoded, source: source, segment: false), category: category)
    }

    /// Reads a file and reports on it; with `split`, on each document found in a multi-document page.
    public func reports(contentsOf path: String, split: Bool, category: String? = nil) throws -> [ContractReport] {
        try reports(analyzer.analyze(contentsOf: path, segment: false), split: split, category: category)
    }

    /// Reports on decoded input; with `split`, on each document of a multi-document page.
    public func reports(_ decoded: DecodedText, source: SourceInfo, split: Bool, category: String? = nil) -> [ContractReport] {
        reports(analyzer.analyze(decoded, source: source, segment: false), split: split, category: category)
    }

    private func reports(_ doc: Document, split: Bool, category: String?) -> [ContractReport] {
        guard split else { return [report(for: doc, category: category)] }
        let parts = splitter.split(doc)
        if parts.count <= 1 { return [report(for: doc, category: category)] }
        // Each document is analyzed on its own; its spans are then moved to page offsets.
        let original = doc.originalScalars
        return parts.enumerated().map { (k, part) in
            var source = doc.source
            source.span = part.span
            source.part = k + 1
            source.parts = parts.count
            if let id = source.id { source.id = id + "#\(k + 1)" }
            // Warnings about reading the page (markup fallbacks) go with its first document.
            let sub = analyzer.analyze(scalars: Array(original[part.span.start..<part.span.end]), source: source, segment: false,
                                       warnings: k == 0 ? doc.warnings : [])
            var r = report(for: sub, category: category)
            r.shift(by: part.span.start)
            return r
        }
    }

    /// Analyzes text that is already decoded; returns the report and the analyzed document.
    public func report(text: String, path: String = "<text>", category: String? = nil) -> (ContractReport, Document) {
        let doc = analyzer.analyze(text: text, source: SourceInfo(path: path))
        return (report(for: doc, category: category), doc)
    }

    /// The report for an analyzed document. `category` overrides the classifier.
    ///
    /// Classification reads the normalized text only, so a document that is not a contract is
    /// never word-segmented here (the ICU dictionary pass is most of the cost of segmentation).
    public func report(for unsegmented: Document, category: String? = nil) -> ContractReport {
        var classification = classify(unsegmented, category: category)
        if classification.isContract { classification.contractType = contractTypes?.classify(unsegmented) }
        let doc = classification.isContract ? analyzer.segmented(unsegmented) : unsegmented
        // Contract facts are reported for contracts only; other texts keep their title and clauses.
        let facts: FactExtractor.Facts
        if classification.isContract {
            let entities = entityExtractor.extract(doc, dims: [.money, .date, .duration, .percentage])
            facts = factExtractor.extract(doc, entities: entities, category: classification.category)
        } else {
            facts = factExtractor.outline(doc)
        }
        var report = ContractReport(source: doc.source, classification: classification, document: facts.document,
                                    parties: facts.parties, amounts: facts.amounts, dates: facts.dates,
                                    deadlines: facts.deadlines, periods: facts.periods, penalties: facts.penalties,
                                    rates: facts.rates, clauses: facts.clauses, risks: [])
        var warnings = doc.warnings
        if let risks {
            let evaluation = risks.evaluateReportingErrors(report, document: doc)
            report.risks = evaluation.risks
            warnings += evaluation.errors.map { ReportWarning($0) }
        }
        report.warnings = warnings.isEmpty ? nil : warnings
        report.producer = producer
        return report
    }

    private func classify(_ doc: Document, category: String?) -> Classification {
        if let category {
            return Classification(isContract: true, category: category, genre: nil, confidence: 1,
                                  features: [.init(name: "category given by the caller", weight: 1)])
        }
        return classifier.classify(doc)
    }
}
