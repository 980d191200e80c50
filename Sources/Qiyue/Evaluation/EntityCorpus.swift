import Foundation
import Yams

/// The per-dimension example corpora (Corpus/entities/*.yaml): many surface forms → one expected
/// value, and negatives where nothing of the dimension may be found. Checked by one generic test
/// and by `qiyue eval`.
public struct EntityCorpus: Sendable {
    /// One checked example.
    public struct Case: Sendable {
        /// The file it comes from.
        public var file: String
        /// The dimension.
        public var dimension: EntityDimension
        /// The example text.
        public var text: String
        /// Expected value fields (nil for a negative).
        public var expected: [String: String]?
        /// Required entity text, if given.
        public var match: String?
    }

    /// A failed example and why.
    public struct Failure: Sendable, CustomStringConvertible {
        /// The example.
        public var example: Case
        /// What was found instead.
        public var found: String
        public var description: String {
            let want = example.expected.map { $0.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") } ?? "nothing"
            return "\(example.dimension.rawValue) \(example.text): expected \(want), found \(found)"
        }
    }

    /// All examples.
    public let cases: [Case]

    /// Loads every YAML file in a directory.
    public init(directory: String) throws {
        var cases: [Case] = []
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        for f in files {
            let path = directory + "/" + f
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let root = try BoundedYAML.load(text, path: path) as? [String: Any],
                  let dimName = root["dimension"] as? String, let dim = EntityDimension(rawValue: dimName) else {
                throw QiyueError(.badRuleData, path: path, "needs a `dimension:` of number, percentage, money, date, duration")
            }
            for group in (root["positive"] as? [[String: Any]]) ?? [] {
                guard let value = group["value"] as? [String: Any], let texts = group["texts"] as? [Any] else {
                    throw QiyueError(.badRuleData, path: path, "a positive group needs `value` and `texts`")
                }
                let expected = value.mapValues { "\($0)" }
                for t in texts {
                    cases.append(Case(file: f, dimension: dim, text: "\(t)", expected: expected, match: group["match"] as? String))
                }
            }
            for t in (root["negative"] as? [Any]) ?? [] {
                cases.append(Case(file: f, dimension: dim, text: "\(t)", expected: nil, match: nil))
            }
        }
        self.cases = cases
    }

    /// Runs every example; returns the failures.
    public func check(analyzer: Analyzer) -> [Failure] {
        let extractor = EntityExtractor(knowledge: analyzer.knowledge)
        var failures: [Failure] = []
        for c in cases {
            let doc = analyzer.analyze(text: c.text)
            let found = extractor.extract(doc, dims: [c.dimension])
            guard let expected = c.expected else {
                if !found.isEmpty { failures.append(Failure(example: c, found: Self.describe(found))) }
                continue
            }
            let ok = found.contains { e in
                if let m = c.match, e.text != m { return false }
                return Self.matches(e, expected)
            }
            if !ok { failures.append(Failure(example: c, found: found.isEmpty ? "nothing" : Self.describe(found))) }
        }
        return failures
    }

    static func describe(_ list: [Entity]) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return list.map { String(decoding: (try? enc.encode($0)) ?? Data(), as: UTF8.self) }.joined(separator: " ")
    }

    static func matches(_ e: Entity, _ expected: [String: String]) -> Bool {
        if expected["blank"] == "true" { return e.blank }
        guard let v = e.value, !e.blank else { return false }
        for (k, want) in expected {
            let got: String?
            switch k {
            case "value": got = v.value.map { "\($0)" }
            case "currency": got = v.currency
            case "min": got = v.min.map { "\($0)" }
            case "max": got = v.max.map { "\($0)" }
            case "date": got = v.date
            case "year": got = v.year.map { "\($0)" }
            case "month": got = v.month.map { "\($0)" }
            case "day": got = v.day.map { "\($0)" }
            case "bound": got = v.bound
            case "amount": got = v.amount.map { "\($0)" }
            case "unit": got = v.unit
            default: return false
            }
            guard let got else { return false }
            if let a = Double(got), let b = Double(want) {
                if abs(a - b) > max(1e-9, abs(b) * 1e-9) { return false }
            } else if got != want {
                return false
            }
        }
        return true
    }
}
