import Foundation
import Yams

/// The splitter's boundary cues and the classifier's features and weights, from
/// Rules/classification/split.yaml and Rules/classification/features.yaml, compiled into tries.
final class ClassifierData: Sendable {
    /// The contract categories, in report order.
    static let categories = ["house_sale", "vehicle_sale", "lease", "loan", "service", "labor", "sale_of_goods",
                             "other_contract"]
    /// The genres of non-contracts, in report order.
    static let genres = ["article", "job_duties", "work_summary", "cover_letter", "plan", "other"]
    /// Every class a weight may name: `contract` (the contract score), the categories, the genres.
    static let classes = ["contract"] + categories + genres

    // MARK: split.yaml

    struct SplitFile: Decodable, Sendable {
        struct Numbered: Decodable, Sendable {
            var markers: [String]
            var ordinals: [String]
            var brackets: [String]
            var inlineMarkers: [String]
            var inlineStemEndings: [String]
            var maxLength: Int
        }
        struct Titles: Decodable, Sendable {
            var maxLength: Int
            var minLength: Int
            var sentencePunctuation: String
            var bulletStarts: String
            var endings: [String]
            var prefixes: [String]
            var decorations: [String]
            var minBodyBetween: Int
            var minBody: Int
            var firstLineIsPageTitle: Bool
            var minDocuments: Int
        }
        var numbered: Numbered
        var minSeries: Int
        var titles: Titles
    }

    // MARK: features.yaml

    struct FeatureFile: Decodable, Sendable {
        struct Bias: Decodable, Sendable {
            var contract: Double
            var categories: [String: Double]
            var genres: [String: Double]
        }
        struct Feature: Decodable, Sendable {
            var name: String
            var scope: String?
            var kind: String?
            var words: [String]?
            var next: [String]?
            var cap: Double?
            var per: Double?
            var weights: [String: Double]
        }
        var bias: Bias
        var features: [Feature]
    }

    /// Where a feature's words are matched.
    enum Scope: String, Sendable {
        case title, body, lineStart = "line_start"
    }

    /// What a feature counts.
    enum Kind: String, Sendable {
        case words, articleClauses = "article_clauses", chapterClauses = "chapter_clauses"
    }

    /// A compiled feature.
    struct Feature: Sendable {
        var name: String
        var scope: Scope
        var kind: Kind
        var cap: Double
        var per: Double?
        /// (class index into ``ClassifierData/classes``, weight at saturation).
        var weights: [(Int, Double)]
    }

    /// Terms of one scope and the features each term counts for (a ``WordTable`` of feature
    /// indices, so matching allocates nothing), and for line-start terms the characters that may follow.
    struct TermTable: Sendable {
        private let table: WordTable<[Int]>
        /// Characters allowed right after a line-start term.
        let followers: ScalarSet

        init(terms: [String: [Int]] = [:], followers: [String] = []) {
            table = WordTable(terms.map { ($0.key, $0.value) })
            var f = ScalarSet()
            for s in followers { for u in EntityData.norm(s).unicodeScalars { f.insert(u.value) } }
            self.followers = f
        }

        /// Whether some term starts with `c` (a cheap test before ``match(_:at:limit:)``).
        @inline(__always)
        func startsTerm(_ c: UInt32) -> Bool { table.startsWord(c) }

        /// The longest term at `i` before `limit`: its end and the features it counts for.
        @inline(__always)
        func match(_ t: [UInt32], at i: Int, limit: Int) -> (end: Int, features: [Int])? {
            table.match(t, at: i, limit: limit).map { ($0.end, $0.value) }
        }
    }

    let split: SplitFile
    let features: [Feature]
    /// Bias per class index.
    let bias: [Double]
    let titleTerms: TermTable
    let bodyTerms: TermTable
    let lineStartTerms: TermTable
    /// Indices of the features of kind article_clauses / chapter_clauses.
    let articleFeatures: [Int]
    let chapterFeatures: [Int]

    // Compiled split cues.
    let markers: Lexicon
    let markerList: [[UInt32]]
    let ordinals: Lexicon
    let inlineMarkers: Lexicon
    let inlineStemEndings: [[UInt32]]
    let openBrackets: [UInt32: UInt32]
    let titleEndings: [[UInt32]]
    let titlePrefixes: [[UInt32]]
    let decorations: [[UInt32]]
    let sentencePunctuation: ScalarSet
    let bulletStarts: ScalarSet

    init(directory: String) throws(QiyueError) {
        split = try EntityData.load(directory, "classification/split.yaml")
        let (featureFile, featureNode): (FeatureFile, Node) = try EntityData.loadWithNode(directory, "classification/features.yaml")
        let path = directory + "/classification/features.yaml"
        try Self.rejectUnknownKeys(featureNode, path: path)
        let classIndex = Dictionary(uniqueKeysWithValues: Self.classes.enumerated().map { ($1, $0) })

        var bias = [Double](repeating: 0, count: Self.classes.count)
        bias[0] = featureFile.bias.contract
        for (c, w) in featureFile.bias.categories.merging(featureFile.bias.genres, uniquingKeysWith: +) {
            guard let k = classIndex[c], k > 0 else {
                throw QiyueError(.badRuleData, path: path, "bias: unknown category or genre '\(c)'")
            }
            bias[k] = w
        }
        self.bias = bias

        var compiled: [Feature] = []
        var title: [String: [Int]] = [:], body: [String: [Int]] = [:], lineStart: [String: [Int]] = [:]
        var followers: [String] = []
        func add(_ w: String, _ feature: Int, to table: inout [String: [Int]]) {
            let key = EntityData.norm(w)
            if !(table[key] ?? []).contains(feature) { table[key, default: []].append(feature) }
        }
        var names = Set<String>()
        var articles: [Int] = [], chapters: [Int] = []
        for f in featureFile.features {
            guard names.insert(f.name).inserted else {
                throw QiyueError(.badRuleData, path: path, "feature '\(f.name)' is defined twice")
            }
            guard let scope = Scope(rawValue: f.scope ?? "body") else {
                throw QiyueError(.badRuleData, path: path, "feature '\(f.name)': scope must be title, body or line_start")
            }
            guard let kind = Kind(rawValue: f.kind ?? "words") else {
                throw QiyueError(.badRuleData, path: path,
                                 "feature '\(f.name)': kind must be words, article_clauses or chapter_clauses")
            }
            var weights: [(Int, Double)] = []
            for (c, w) in f.weights.sorted(by: { $0.key < $1.key }) {
                guard let k = classIndex[c] else {
                    throw QiyueError(.badRuleData, path: path, "feature '\(f.name)': unknown class '\(c)'")
                }
                weights.append((k, w))
            }
            let cap = f.cap ?? 1
            guard cap > 0 else { throw QiyueError(.badRuleData, path: path, "feature '\(f.name)': cap must be > 0") }
            let index = compiled.count
            compiled.append(Feature(name: f.name, scope: scope, kind: kind, cap: cap, per: f.per, weights: weights))
            switch kind {
            case .articleClauses: articles.append(index)
            case .chapterClauses: chapters.append(index)
            case .words:
                guard let words = f.words, !words.isEmpty else {
                    throw QiyueError(.badRuleData, path: path, "feature '\(f.name)' needs `words`")
                }
                switch scope {
                case .title: for w in words { add(w, index, to: &title) }
                case .body: for w in words { add(w, index, to: &body) }
                case .lineStart:
                    guard let next = f.next, !next.isEmpty else {
                        throw QiyueError(.badRuleData, path: path, "line_start feature '\(f.name)' needs `next`")
                    }
                    for w in words { add(w, index, to: &lineStart) }
                    followers += next
                }
            }
        }
        features = compiled
        titleTerms = TermTable(terms: title)
        bodyTerms = TermTable(terms: body)
        lineStartTerms = TermTable(terms: lineStart, followers: followers)
        articleFeatures = articles
        chapterFeatures = chapters

        func scalars(_ s: String) -> [UInt32] { EntityData.norm(s).unicodeScalars.map(\.value) }
        let n = split.numbered
        markers = Lexicon(terms: n.markers.map(EntityData.norm))
        markerList = n.markers.map(scalars).sorted { $0.count > $1.count }
        ordinals = Lexicon(terms: n.ordinals.map(EntityData.norm))
        inlineMarkers = Lexicon(terms: n.inlineMarkers.map(EntityData.norm))
        inlineStemEndings = n.inlineStemEndings.map(scalars)
        var brackets: [UInt32: UInt32] = [:]
        for b in n.brackets {
            let s = scalars(b)
            guard s.count == 2 else {
                throw QiyueError(.badRuleData, path: directory + "/classification/split.yaml",
                                 "brackets: each entry is an opening and a closing character, got '\(b)'")
            }
            brackets[s[0]] = s[1]
        }
        openBrackets = brackets
        let t = split.titles
        titleEndings = t.endings.map(scalars)
        titlePrefixes = t.prefixes.map(scalars)
        decorations = t.decorations.map(scalars).sorted { $0.count > $1.count }
        sentencePunctuation = ScalarSet(EntityData.norm(t.sentencePunctuation))
        bulletStarts = ScalarSet(EntityData.norm(t.bulletStarts))
    }

    /// Misspelled keys would silently do nothing: reject keys features.yaml does not define.
    private static func rejectUnknownKeys(_ root: Node, path: String) throws(QiyueError) {
        let allowed: Set<String> = ["name", "scope", "kind", "words", "next", "cap", "per", "weights"]
        guard let top = root.mapping else { throw QiyueError(.badRuleData, path: path, "expected a mapping") }
        for key in top.keys.compactMap(\.string) where key != "bias" && key != "features" {
            throw QiyueError(.badRuleData, path: path, "unknown key '\(key)'")
        }
        for f in top["features"]?.sequence ?? [] {
            guard let m = f.mapping else { continue }
            for key in m.keys.compactMap(\.string) where !allowed.contains(key) {
                throw QiyueError(.badRuleData, path: path, "feature '\(m["name"]?.string ?? "?")': unknown key '\(key)'")
            }
        }
    }
}
