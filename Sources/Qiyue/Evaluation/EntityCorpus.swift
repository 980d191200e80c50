import Foundation
import Yams

/// The per-dimension example corpora (Corpus/entities/*.yaml): many surface forms → one expected
/// value, and negatives where nothing of the dimension may be found. Checked by one generic test
/// and by `qiyue eval`, which prints the accuracy of every class (`class: money.spoken`).
///
/// ```yaml
/// dimension: money
/// positive:
///   - class: money.spoken
///     value: {value: 8.5, currency: CNY}
///     texts: ["八块五毛"]
/// negative:
///   - 十分满意
///   - {class: money.negative, texts: [五角大楼]}
/// ```
public struct EntityCorpus: Sendable {
    /// One checked example.
    public struct Case: Sendable {
        /// The file it comes from.
        public var file: String
        /// The dimension.
        public var dimension: EntityDimension
        /// The class (`money.spoken`); `<dimension>` for older groups without one and
        /// `<dimension>.negative` for plain negatives.
        public var className: String
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
            return "\(example.dimension.rawValue) [\(example.className)] \(example.text): expected \(want), found \(found)"
        }
    }

    /// Passing and total examples of one class.
    public struct ClassScore: Sendable, Encodable {
        /// The class name.
        public var className: String
        /// Examples that pass.
        public var passed: Int
        /// All examples.
        public var total: Int
        /// passed / total.
        public var accuracy: Double { total == 0 ? 1 : Double(passed) / Double(total) }
    }

    /// All examples.
    public let cases: [Case]
    /// Files that could not be read (only in lenient mode, e.g. a blind set): path and reason.
    public let skipped: [String]

    /// Loads every YAML file in a directory (none when it does not exist). `lenient` skips a
    /// malformed file or group instead of failing (for a blind set written by someone else).
    public init(directory: String, lenient: Bool = false) throws {
        var cases: [Case] = []
        var skipped: [String] = []
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        for f in files {
            let path = directory + "/" + f
            do {
                cases += try Self.load(path: path, file: f, lenient: lenient, skipped: &skipped)
            } catch where lenient {
                skipped.append("\(path): \(error)")
            }
        }
        self.cases = cases
        self.skipped = skipped
    }

    private static func load(path: String, file f: String, lenient: Bool, skipped: inout [String]) throws -> [Case] {
        var cases: [Case] = []
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let root = try BoundedYAML.load(text, path: path) as? [String: Any],
              let dimName = root["dimension"] as? String, let dim = EntityDimension(rawValue: dimName) else {
            throw QiyueError(.badRuleData, path: path, "needs a `dimension:` of number, percentage, money, date, duration")
        }
        for (n, group) in ((root["positive"] as? [Any]) ?? []).enumerated() {
            guard let group = group as? [String: Any], let value = group["value"] as? [String: Any],
                  let texts = group["texts"] as? [Any] else {
                if lenient { skipped.append("\(path): positive group \(n + 1) needs `value` and `texts`"); continue }
                throw QiyueError(.badRuleData, path: path, "a positive group needs `value` and `texts`")
            }
            var expected: [String: String] = [:]
            for (k, v) in value { expected[k] = scalarText(v, key: k) }
            let cls = (group["class"] as? String) ?? dim.rawValue
            for t in texts {
                cases.append(Case(file: f, dimension: dim, className: cls, text: scalarText(t, key: "text"), expected: expected,
                                  match: group["match"].map { scalarText($0, key: "match") }))
            }
        }
        for item in (root["negative"] as? [Any]) ?? [] {
            if let group = item as? [String: Any] {
                let cls = (group["class"] as? String) ?? dim.rawValue + ".negative"
                let texts = (group["texts"] as? [Any]) ?? group["text"].map { [$0] } ?? []
                for t in texts { cases.append(Case(file: f, dimension: dim, className: cls, text: scalarText(t, key: "text"), expected: nil, match: nil)) }
            } else {
                cases.append(Case(file: f, dimension: dim, className: dim.rawValue + ".negative", text: scalarText(item, key: "text"), expected: nil, match: nil))
            }
        }
        return cases
    }

    /// A YAML scalar as the text it was written as: YAML 1.1 reads an unquoted 2023-03-05 as a
    /// timestamp and 15:00 as the base-60 integer 900; both are turned back.
    static func scalarText(_ v: Any, key: String) -> String {
        if let b = v as? Bool { return key == "text" ? "\(v)" : b ? "true" : "false" }
        if let d = v as? Date {
            var cal = Calendar(identifier: .gregorian)
            cal.timeZone = TimeZone(identifier: "UTC")!
            let c = cal.dateComponents([.year, .month, .day], from: d)
            return pad(c.year ?? 0, 4) + "-" + pad(c.month ?? 0, 2) + "-" + pad(c.day ?? 0, 2)
        }
        if key == "time", let n = v as? Int { return pad(n / 60, 2) + ":" + pad(n % 60, 2) }
        return "\(v)"
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

    /// Accuracy per class, in class-name order.
    public func scores(failures: [Failure]) -> [ClassScore] {
        var total: [String: Int] = [:], failed: [String: Int] = [:]
        for c in cases { total[c.className, default: 0] += 1 }
        for f in failures { failed[f.example.className, default: 0] += 1 }
        return total.keys.sorted().map { ClassScore(className: $0, passed: total[$0]! - (failed[$0] ?? 0), total: total[$0]!) }
    }

    static func describe(_ list: [Entity]) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return list.map { String(decoding: (try? enc.encode($0)) ?? Data(), as: UTF8.self) }.joined(separator: " ")
    }

    /// A number, or a fraction written "a/b".
    static func number(_ s: String) -> Double? {
        if let d = Double(s) { return d }
        let parts = s.split(separator: "/")
        guard parts.count == 2, let a = Double(parts[0].trimmingCharacters(in: .whitespaces)),
              let b = Double(parts[1].trimmingCharacters(in: .whitespaces)), b != 0 else { return nil }
        return a / b
    }

    static func matches(_ e: Entity, _ expected: [String: String]) -> Bool {
        if expected["blank"] == "true" {
            guard e.blank else { return false }
        } else if e.blank {
            return false
        }
        let v = e.value ?? EntityValue()
        for (k, want) in expected {
            let got: String?
            switch k {
            case "blank": continue
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
            case "overflow": got = (v.overflow ?? false) ? "true" : "false"
            case "approximate": got = (v.approximate ?? false) ? "true" : "false"
            case "kind": got = v.kind
            case "iso": got = v.iso
            case "dayKind": got = v.dayKind
            case "start": got = v.start
            case "end": got = v.end
            case "time": got = v.time
            case "grain": got = v.grain
            case "valid": got = (v.valid ?? true) ? "true" : "false"
            default: return false
            }
            guard let got else { return false }
            if let a = number(got), let b = number(want), k != "date", k != "start", k != "end", k != "time" {
                if abs(a - b) > max(1e-9, abs(b) * 1e-6) { return false }
            } else if got != want {
                return false
            }
        }
        // An overflowing figure has no value.
        if expected["overflow"] == "true" && v.value != nil { return false }
        return true
    }
}
