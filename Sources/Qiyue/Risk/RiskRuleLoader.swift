import Foundation
import Yams

/// Reads rule files and directories, and applies parameter overrides.
enum RiskRuleLoader {
    /// The rule files at a path: the file itself, or the `.yaml`/`.yml` files in a directory (sorted).
    static func files(at path: String) -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { (path as NSString).appendingPathComponent($0) }
    }

    /// Reads and parses one file; an unreadable file is a diagnostic, not a crash.
    static func parse(file: String) -> ParsedRuleFile {
        guard let text = try? RulesDirectory.readFile(file) else {
            var out = ParsedRuleFile(path: file)
            out.diagnostics = [RuleDiagnostic(path: file, line: 1, column: 1, message: "cannot read the file")]
            return out
        }
        return RiskRuleParser.parse(yaml: text, path: file)
    }

    /// Parses files in order: the usable rules (a later file with an id already seen is dropped)
    /// and every problem, duplicate ids included.
    static func parseAll(_ files: [String]) -> (rules: [RiskRule], problems: [RuleDiagnostic]) {
        var rules: [RiskRule] = []
        var problems: [RuleDiagnostic] = []
        var seen: [String: ParsedRuleFile] = [:]
        for f in files {
            let parsed = parse(file: f)
            problems += parsed.diagnostics
            if let id = parsed.id {
                if let other = seen[id] {
                    problems.append(RuleDiagnostic(path: f, line: parsed.idLine, column: parsed.idColumn,
                                                   message: "duplicate id '\(id)' (also in \(other.path):\(other.idLine):\(other.idColumn))"))
                    continue
                }
                seen[id] = parsed
            }
            if let r = parsed.rule { rules.append(r) }
        }
        return (rules, problems)
    }

    /// Loads rule files that must all be valid and have distinct ids.
    static func load(_ files: [String]) throws(QiyueError) -> [RiskRule] {
        let (rules, problems) = parseAll(files)
        if let first = problems.first {
            throw QiyueError(.badRule, path: first.path,
                             "invalid risk rule file(s):\n" + problems.map(\.description).joined(separator: "\n"))
        }
        return rules
    }

    /// Applies `--param` overrides: keys `rule-id.name` (one rule) or `name` (every rule that has it).
    static func applyOverrides(_ params: [String: String], to rules: inout [RiskRule]) throws(QiyueError) {
        for (key, text) in params.sorted(by: { $0.key < $1.key }) {
            let ruleID: String?, name: String
            if let dot = key.lastIndex(of: ".") {
                ruleID = String(key[..<dot])
                name = String(key[key.index(after: dot)...])
            } else {
                ruleID = nil
                name = key
            }
            guard let value = parseValue(text) else {
                throw QiyueError(.usage, "--param \(key): cannot read the value '\(text)'")
            }
            var applied = false
            for i in rules.indices where (ruleID == nil || rules[i].id == ruleID) {
                guard let old = rules[i].params[name] else { continue }
                let ok: Bool
                switch old {
                case .number: ok = value.number != nil
                case .bool: ok = { if case .bool = value { true } else { false } }()
                case .list: ok = RateTable(old) == nil || RateTable(value) != nil
                default: ok = true
                }
                guard ok else {
                    throw QiyueError(.usage, "--param \(key): rule '\(rules[i].id)' expects a \(old.typeName) like \(old), got '\(text)'")
                }
                rules[i].params[name] = value
                applied = true
            }
            if !applied {
                if let ruleID, !rules.contains(where: { $0.id == ruleID }) {
                    throw QiyueError(.usage, "--param \(key): no rule '\(ruleID)'")
                }
                throw QiyueError(.usage, "--param \(key): no rule has a parameter '\(name)'")
            }
        }
    }

    /// Reads a YAML value (`0.3`, `true`, `[{from: 2025-05-20, rate: 0.03}]`).
    static func parseValue(_ text: String) -> RiskValue? { RiskRuleParser.value(yaml: text) }
}
