import Foundation

/// Tells contracts from other documents and names the contract category (or the genre of a
/// non-contract), with the hand-weighted linear model of Rules/classification/features.yaml.
///
/// One pass over the text counts every feature's words with tries; the contract score decides
/// contract or not, the best category or genre score names the kind. `features` lists the
/// contributions that decided, strongest first: `party_label_field` for the contract score,
/// `title.lease@lease` for a category or genre score.
/// ```swift
/// let doc = try Analyzer().analyze(contentsOf: "Corpus/documents/gen-a-08.txt")
/// let c = try DocumentClassifier(knowledge: .shared()).classify(doc)
/// c.isContract   // true
/// c.category     // "lease"
/// ```
public struct DocumentClassifier: Sendable {
    private let data: ClassifierData
    /// Contract types whose title settles the category (nil for an older Rules directory).
    private let contractTypes: ContractTypeClassifier?
    /// The contract categories a classification may name, in report order.
    public static let categories = ClassifierData.categories
    /// How many contributions `features` reports.
    private static let reported = 8

    /// Creates a classifier from the knowledge base's features and weights.
    public init(knowledge: KnowledgeBase) throws(QiyueError) {
        data = knowledge.classifier
        contractTypes = knowledge.contractTypes
    }

    /// Classifies a document, or the part of it in `range` (normalized offsets, e.g. a
    /// ``DocumentPart``'s range).
    public func classify(_ doc: Document, range: Range<Int>? = nil) -> Classification {
        let t = doc.normalized
        let r = (range ?? 0..<t.count).clamped(to: 0..<t.count)
        let counts = count(doc, r)
        var c = decide(counts.values, length: counts.length)
        // A title naming a type that is always one category settles it (幕墙工程专业分包合同 is a
        // construction contract, so other_contract, whatever its service-like wording).
        if c.isContract, let named = contractTypes?.titleCategory(doc, range: r), named.category != c.category {
            c.category = named.category
            c.features.insert(.init(name: "title type \(named.type) → \(named.category)", weight: 1), at: 0)
        }
        return c
    }

    // MARK: Counting

    /// Raw counts per feature, and the number of non-space characters of the body.
    func count(_ doc: Document, _ r: Range<Int>) -> (values: [Double], length: Int) {
        let t = doc.normalized
        var counts = [Double](repeating: 0, count: data.features.count)
        let title = titleRange(doc, r)
        let titleTerms = data.titleTerms, bodyTerms = data.bodyTerms, lineStartTerms = data.lineStartTerms
        // Title words.
        var i = title.lowerBound
        while i < title.upperBound {
            if let m = titleTerms.match(t, at: i, limit: title.upperBound) {
                for f in m.features { counts[f] += 1 }
                i = m.end
            } else {
                i += 1
            }
        }
        // Body words, and line-start words, in one pass.
        let bodyStart = max(title.upperBound, r.lowerBound)
        var length = 0
        var atLineStart = true
        i = bodyStart
        while i < r.upperBound {
            let c = t[i]
            if c == 0x0A { atLineStart = true; i += 1; continue }
            if CharClass.isSpace(c) { i += 1; continue }
            length += 1
            if atLineStart {
                atLineStart = false
                if let m = lineStartTerms.match(t, at: i, limit: r.upperBound), m.end < r.upperBound,
                   lineStartTerms.followers.contains(t[m.end]) {
                    for f in m.features { counts[f] += 1 }
                }
            }
            if bodyTerms.startsTerm(c), let m = bodyTerms.match(t, at: i, limit: r.upperBound) {
                for f in m.features { counts[f] += 1 }
                length += m.end - i - 1
                i = m.end
                continue
            }
            i += 1
        }
        // Clause numbering.
        if !data.articleFeatures.isEmpty || !data.chapterFeatures.isEmpty {
            var articles = 0, chapters = 0
            for c in doc.clauses where c.range.lowerBound >= bodyStart && c.range.lowerBound < r.upperBound {
                if c.style == .article { articles += 1 } else if c.style == .chapter { chapters += 1 }
            }
            for f in data.articleFeatures { counts[f] = Double(articles) }
            for f in data.chapterFeatures { counts[f] = Double(chapters) }
        }
        return (counts, length)
    }

    /// The normalized range of the title: the first non-blank line of the range (cut at line feeds of
    /// the original text), when it is short enough to be a title; empty otherwise.
    func titleRange(_ doc: Document, _ r: Range<Int>) -> Range<Int> {
        let t = doc.normalized
        var a = r.lowerBound
        while a < r.upperBound && LineIndex.isTrimmed(t[a]) { a += 1 }
        guard a < r.upperBound else { return a..<a }
        // The end of the original line.
        let o = doc.originalScalars
        var oe = Int(doc.map.starts[a])
        while oe < o.count && o[oe] != 0x0A { oe += 1 }
        var b = min(r.upperBound, doc.normalizedOffset(forOriginal: oe))
        while b > a && LineIndex.isTrimmed(t[b - 1]) { b -= 1 }
        guard b - a <= 50 else { return a..<a }
        return a..<b
    }

    // MARK: Deciding

    /// The classification from raw counts.
    func decide(_ counts: [Double], length: Int) -> Classification {
        var score = data.bias
        // contributions[class] = [(feature, value)]
        var contributions = [[(Int, Double)]](repeating: [], count: ClassifierData.classes.count)
        let length = Double(max(length, 300))
        for (f, feature) in data.features.enumerated() where counts[f] > 0 {
            var x = counts[f]
            if let per = feature.per { x = x * per / length }
            x = min(x, feature.cap) / feature.cap
            for (k, w) in feature.weights {
                score[k] += w * x
                contributions[k].append((f, w * x))
            }
        }
        let isContract = score[0] > 0
        let pContract = 1 / (1 + exp(-score[0]))
        let choices = isContract ? ClassifierData.categories : ClassifierData.genres
        let offset = isContract ? 1 : 1 + ClassifierData.categories.count
        var best = offset
        for k in offset..<(offset + choices.count) where score[k] > score[best] { best = k }
        var z = 0.0
        for k in offset..<(offset + choices.count) { z += exp(score[k] - score[best]) }
        let confidence = (isContract ? pContract : 1 - pContract) * (1 / z)

        var decided: [Classification.Feature] = []
        for (f, v) in contributions[0] where (v > 0) == isContract && v != 0 {
            decided.append(.init(name: data.features[f].name, weight: Self.round(v)))
        }
        for (f, v) in contributions[best] where v > 0 {
            decided.append(.init(name: data.features[f].name + "@" + ClassifierData.classes[best], weight: Self.round(v)))
        }
        decided.sort { abs($0.weight) != abs($1.weight) ? abs($0.weight) > abs($1.weight) : $0.name < $1.name }
        let name = ClassifierData.classes[best]
        return Classification(isContract: isContract, category: isContract ? name : nil, genre: isContract ? nil : name,
                              confidence: Self.round(confidence), features: Array(decided.prefix(Self.reported)))
    }

    private static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
