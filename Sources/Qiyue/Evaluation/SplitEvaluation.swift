import Foundation

/// How well pages are split into documents and documents classified, measured on the Corpus:
/// `pages/*.txt` with their `*.split.json` boundaries and labels, plus the single documents of
/// `documents/` (their gold `classification`; `seed-*` files are copies of page documents and are
/// skipped) and `classification/`.
///
/// ```swift
/// let report = try SplitEvaluation.run(corpus: "Corpus", analyzer: Analyzer())
/// print(report.renderText())
/// ```
/// Boundaries: a gold document is found when a split starts on its title line (± `lineTolerance`
/// lines); a split that starts on no gold document's line is spurious, and so is every extra part
/// found in a single document. Classification is measured on the gold documents' own extents, so the
/// two figures are independent.
public struct SplitEvaluation: Codable, Sendable {
    /// Boundary results of one page.
    public struct Page: Codable, Sendable {
        /// The page file name.
        public var page: String
        /// Gold start lines.
        public var gold: [Int]
        /// Predicted start lines.
        public var predicted: [Int]
        /// Gold start lines not found.
        public var missed: [Int]
        /// Predicted start lines that start no gold document.
        public var spurious: [Int]
    }

    /// Something the splitter or the classifier got wrong.
    public struct Miss: Codable, Sendable {
        /// boundary-missed, boundary-spurious, single-split, contract, category or genre.
        public var kind: String
        /// The file (and line, for page documents) concerned.
        public var source: String
        /// The document's title.
        public var title: String
        /// What the gold data says.
        public var expected: String
        /// What was found.
        public var got: String
    }

    /// The allowed distance in lines between a found and a gold start.
    public var lineTolerance: Int
    /// Gold documents on the pages.
    public var goldDocuments = 0
    /// Gold documents whose start was found.
    public var foundDocuments = 0
    /// Starts the splitter predicted on the pages, plus the parts it found in single documents.
    public var predictedDocuments = 0
    /// Predicted starts that start no gold document (including extra parts of single documents).
    public var spuriousSplits = 0
    /// Single documents checked for spurious splits.
    public var singleDocuments = 0
    /// foundDocuments / goldDocuments.
    public var boundaryRecall = 0.0
    /// spuriousSplits / predictedDocuments.
    public var spuriousRate = 0.0
    /// Documents classified.
    public var classified = 0
    /// Documents whose contract-or-not is right.
    public var contractCorrect = 0
    /// contractCorrect / classified.
    public var contractAccuracy = 0.0
    /// Gold contracts.
    public var contracts = 0
    /// Gold contracts classified as contracts of the right category.
    public var categoryCorrect = 0
    /// categoryCorrect / contracts.
    public var categoryAccuracy = 0.0
    /// Gold non-contracts.
    public var nonContracts = 0
    /// Gold non-contracts classified as non-contracts of the right genre.
    public var genreCorrect = 0
    /// genreCorrect / nonContracts.
    public var genreAccuracy = 0.0
    /// Gold label → predicted label → count; labels are categories for contracts, genres otherwise.
    public var confusion: [String: [String: Int]] = [:]
    /// Every miss.
    public var misses: [Miss] = []
    /// Per-page boundary results.
    public var pages: [Page] = []

    /// Runs the evaluation over a Corpus directory.
    public static func run(corpus: String, analyzer: Analyzer, lineTolerance: Int = 0) throws -> SplitEvaluation {
        var e = SplitEvaluation(lineTolerance: lineTolerance)
        let splitter = try DocumentSplitter(knowledge: analyzer.knowledge)
        let classifier = try DocumentClassifier(knowledge: analyzer.knowledge)

        for name in files(corpus + "/pages", suffix: ".txt") {
            let path = corpus + "/pages/" + name
            let goldPath = path.dropLast(4) + ".split.json"
            guard FileManager.default.fileExists(atPath: String(goldPath)) else { continue }
            let gold = try JSONDecoder().decode(SplitGold.self, from: Data(contentsOf: URL(fileURLWithPath: String(goldPath))))
            let doc = try analyzer.analyze(contentsOf: path, segment: false)
            e.evaluateBoundaries(name, doc, gold, splitter)
            // Classification on the gold extents.
            let lines = LineIndex(doc).lines
            for (k, g) in gold.documents.enumerated() {
                guard g.startLine >= 1, g.startLine <= lines.count else { continue }
                let start = lines[g.startLine - 1].normalized.lowerBound
                let end = k + 1 < gold.documents.count && gold.documents[k + 1].startLine <= lines.count
                    ? lines[gold.documents[k + 1].startLine - 1].normalized.lowerBound : doc.normalized.count
                let c = classifier.classify(doc, range: start..<max(start, end))
                e.record("\(name):\(g.startLine)", g.title, g.label, g.isContract, c)
            }
        }
        for dir in ["documents", "classification"] {
            for name in files(corpus + "/" + dir, suffix: ".gold.json") {
                if dir == "documents" && name.hasPrefix("seed-") { continue }
                let base = corpus + "/" + dir + "/" + name.dropLast(10)
                let gold = try JSONDecoder().decode(DocumentGold.self, from: Data(contentsOf: URL(fileURLWithPath: base + ".gold.json")))
                guard let g = gold.classification else { continue }
                let doc = try analyzer.analyze(contentsOf: base + ".txt", segment: false)
                let parts = splitter.split(doc)
                e.singleDocuments += 1
                e.predictedDocuments += parts.count
                let title = parts.first?.title ?? ""
                if parts.count > 1 {
                    e.spuriousSplits += parts.count - 1
                    e.misses.append(Miss(kind: "single-split", source: dir + "/" + name.dropLast(10), title: title,
                                         expected: "1 document",
                                         got: parts.map { "\($0.startLine) \($0.title)" }.joined(separator: " | ")))
                }
                e.record(dir + "/" + name.dropLast(10), title, g.label, g.isContract, classifier.classify(doc))
            }
        }
        e.boundaryRecall = ratio(e.foundDocuments, e.goldDocuments)
        e.spuriousRate = e.predictedDocuments == 0 ? 0 : Double(e.spuriousSplits) / Double(e.predictedDocuments)
        e.contractAccuracy = ratio(e.contractCorrect, e.classified)
        e.categoryAccuracy = ratio(e.categoryCorrect, e.contracts)
        e.genreAccuracy = ratio(e.genreCorrect, e.nonContracts)
        return e
    }

    private mutating func evaluateBoundaries(_ name: String, _ doc: Document, _ gold: SplitGold, _ splitter: DocumentSplitter) {
        let parts = splitter.split(doc)
        let predicted = parts.map(\.startLine)
        let goldLines = gold.documents.map(\.startLine)
        let tolerance = lineTolerance
        let near = { (a: Int, b: Int) in abs(a - b) <= tolerance }
        let missed = goldLines.filter { g in !predicted.contains { near($0, g) } }
        let spurious = predicted.filter { p in !goldLines.contains { near($0, p) } }
        pages.append(Page(page: name, gold: goldLines, predicted: predicted, missed: missed, spurious: spurious))
        goldDocuments += goldLines.count
        foundDocuments += goldLines.count - missed.count
        predictedDocuments += predicted.count
        spuriousSplits += spurious.count
        for g in gold.documents where missed.contains(g.startLine) {
            misses.append(Miss(kind: "boundary-missed", source: "\(name):\(g.startLine)", title: g.title,
                               expected: "a document starts here", got: "no split"))
        }
        for p in parts where spurious.contains(p.startLine) {
            misses.append(Miss(kind: "boundary-spurious", source: "\(name):\(p.startLine)", title: p.title,
                               expected: "no document starts here", got: "split"))
        }
    }

    private mutating func record(_ source: String, _ title: String, _ label: String, _ isContract: Bool, _ c: Classification) {
        let got = (c.isContract ? c.category : c.genre) ?? "?"
        classified += 1
        confusion[label, default: [:]][got, default: 0] += 1
        let decided = c.features.prefix(3).map { "\($0.name) \($0.weight)" }.joined(separator: ", ")
        if c.isContract == isContract { contractCorrect += 1 } else {
            misses.append(Miss(kind: "contract", source: source, title: title, expected: isContract ? "contract" : "not a contract",
                               got: (c.isContract ? "contract " : "not a contract ") + got + " (" + decided + ")"))
        }
        if isContract {
            contracts += 1
            if c.isContract && got == label { categoryCorrect += 1 } else if c.isContract {
                misses.append(Miss(kind: "category", source: source, title: title, expected: label, got: got + " (" + decided + ")"))
            }
        } else {
            nonContracts += 1
            if !c.isContract && got == label { genreCorrect += 1 } else if !c.isContract {
                misses.append(Miss(kind: "genre", source: source, title: title, expected: label, got: got + " (" + decided + ")"))
            }
        }
    }

    /// A plain-text rendering: the figures, the confusion matrix and the misses.
    public func renderText() -> String {
        func pct(_ x: Double) -> String { String(format: "%.3f", x) }
        var out = "split + classification evaluation\n"
        out += "boundaries: recall \(pct(boundaryRecall)) (\(foundDocuments)/\(goldDocuments) gold documents found, tolerance ±\(lineTolerance) lines)\n"
        out += "            spurious \(pct(spuriousRate)) (\(spuriousSplits)/\(predictedDocuments) predicted starts; \(singleDocuments) single documents checked)\n"
        out += "contract vs not: accuracy \(pct(contractAccuracy)) (\(contractCorrect)/\(classified))\n"
        out += "category (contracts): accuracy \(pct(categoryAccuracy)) (\(categoryCorrect)/\(contracts))\n"
        out += "genre (non-contracts): accuracy \(pct(genreAccuracy)) (\(genreCorrect)/\(nonContracts))\n"
        let labels = ClassifierData.categories + ClassifierData.genres
        let used = labels.filter { l in confusion[l] != nil || confusion.values.contains { $0[l] != nil } }
        out += "confusion (rows gold, columns predicted):\n"
        let width = max(14, (used.map(\.count).max() ?? 0) + 1)
        func cell(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
        out += cell("", width) + used.map { cell(String($0.prefix(6)), 7) }.joined() + "\n"
        for g in used where confusion[g] != nil {
            out += cell(g, width) + used.map { cell(confusion[g]?[$0].map(String.init) ?? ".", 7) }.joined() + "\n"
        }
        if misses.isEmpty { out += "misses: none\n" } else {
            out += "misses (\(misses.count)):\n"
            for m in misses { out += "  [\(m.kind)] \(m.source) \(m.title): expected \(m.expected), got \(m.got)\n" }
        }
        return out
    }

    private static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }

    private static func files(_ dir: String, suffix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(suffix) }.sorted()
    }

    /// `pages/<name>.split.json`.
    struct SplitGold: Decodable {
        struct Entry: Decodable {
            var startLine: Int
            var title: String
            var isContract: Bool
            var category: String?
            var genre: String?
            var label: String { (isContract ? category : genre) ?? "?" }
        }
        var documents: [Entry]
    }

    /// The `classification` field of a `*.gold.json`.
    struct DocumentGold: Decodable {
        struct Label: Decodable {
            var isContract: Bool
            var category: String?
            var genre: String?
            var label: String { (isContract ? category : genre) ?? "?" }
        }
        var classification: Label?
    }
}
