import Foundation
import Yams

/// Reads one rule file through Yams' node API (which keeps every node's line and column) into a
/// ``RiskRule``, collecting every problem instead of stopping at the first.
struct RiskRuleParser {
    private let path: String
    private var diagnostics: [RuleDiagnostic] = []
    /// `$name` references and where they are, checked once all params are known.
    private var paramRefs: [(name: String, line: Int, column: Int, needsTable: Bool)] = []
    /// The fields a message placeholder can name, per possible match source.
    private static let topKeys: Set<String> = [
        "id", "severity", "title", "title_en", "message", "message_en", "basis", "categories", "params", "when",
        "addenda", "examples",
    ]
    private static let maxDepth = 32

    private init(path: String) { self.path = path }

    /// Parses YAML text; `path` names the file in diagnostics and, when it ends in `.yaml` or
    /// `.yml`, must be named after the rule id.
    static func parse(yaml: String, path: String) -> ParsedRuleFile {
        var p = RiskRuleParser(path: path)
        var out = ParsedRuleFile(path: path)
        let root: Node?
        do {
            root = try BoundedYAML.compose(yaml)
        } catch let e as BoundedYAML.Problem {
            p.report(1, 1, e.description)
            out.diagnostics = p.diagnostics
            return out
        } catch let e as YamlError {
            p.yamlError(e)
            out.diagnostics = p.diagnostics
            return out
        } catch {
            p.report(1, 1, "cannot read YAML: \(error)")
            out.diagnostics = p.diagnostics
            return out
        }
        guard let root else {
            p.report(1, 1, "empty rule file")
            out.diagnostics = p.diagnostics
            return out
        }
        out.rule = p.rule(root, into: &out)
        out.diagnostics = p.diagnostics.sorted()
        if !out.diagnostics.isEmpty { out.rule = nil }
        return out
    }

    // MARK: Diagnostics

    private mutating func report(_ line: Int, _ column: Int, _ message: String) {
        diagnostics.append(RuleDiagnostic(path: path, line: line, column: column, message: message))
    }

    private mutating func report(_ node: Node, _ message: String) {
        let (l, c) = Self.position(node)
        report(l, c, message)
    }

    private static func position(_ node: Node) -> (Int, Int) {
        guard let m = node.mark else { return (1, 1) }
        return (m.line, m.column)
    }

    private mutating func yamlError(_ e: YamlError) {
        switch e {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let ctx = context.map { " (\($0.text) at \($0.mark.line):\($0.mark.column))" } ?? ""
            report(mark.line, mark.column, "YAML syntax error: \(problem)\(ctx)")
        case let .reader(problem, offset, _, yaml):
            var line = 1, column = 1
            if let offset {
                for ch in yaml.prefix(offset) {
                    if ch == "\n" { line += 1; column = 1 } else { column += ch.unicodeScalars.count }
                }
            }
            report(line, column, "YAML cannot be read: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            report(context.mark.line, context.mark.column,
                   "duplicate key(s) \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) in a mapping")
        default:
            report(1, 1, "YAML error: \(e)")
        }
    }

    // MARK: Node helpers

    private static func typeName(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar:
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .int, .float: "a number"
            case .bool: "a boolean"
            case .null: "null"
            default: "a string"
            }
        }
    }

    /// A scalar that YAML reads as a string (dates included).
    private mutating func string(_ node: Node, _ what: String) -> String? {
        if case .scalar(let s) = node, Tag.Name(rawValue: node.tag.rawValue) != .null {
            return s.string
        }
        report(node, "\(what) must be a string, found \(Self.typeName(node))")
        return nil
    }

    private mutating func stringList(_ node: Node, _ what: String) -> [String]? {
        guard case .sequence(let seq) = node else {
            report(node, "\(what) must be a list of strings, found \(Self.typeName(node))")
            return nil
        }
        var out: [String] = []
        for item in seq { if let s = string(item, "each entry of \(what)") { out.append(s) } }
        return out
    }

    /// A YAML value on its own (a `--param` override); nil when it cannot be read.
    static func value(yaml: String) -> RiskValue? {
        guard let node = try? BoundedYAML.compose(yaml) else { return nil }
        var p = RiskRuleParser(path: "")
        let v = p.value(node)
        return p.diagnostics.isEmpty ? v : nil
    }

    /// Converts a scalar or a structure to a rule value.
    private mutating func value(_ node: Node) -> RiskValue? {
        switch node {
        case .alias:
            report(node, "YAML aliases are not supported in rule files")
            return nil
        case .scalar(let s):
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return .null
            case .bool: return node.bool.map(RiskValue.bool) ?? .string(s.string)
            case .int, .float:
                if let d = node.float ?? Double(s.string) { return .number(d) }
                return .string(s.string)
            default: return .string(s.string)
            }
        case .sequence(let seq):
            var out: [RiskValue] = []
            for item in seq {
                guard let v = value(item) else { return nil }
                out.append(v)
            }
            return .list(out)
        case .mapping(let map):
            var out: [String: RiskValue] = [:]
            for (k, v) in map {
                guard let key = string(k, "a key"), let val = value(v) else { return nil }
                out[key] = val
            }
            return .map(out)
        }
    }

    /// The entries of a mapping with string keys; reports keys outside `allowed` (when given).
    private mutating func entries(_ node: Node, _ what: String, allowed: Set<String>? = nil)
        -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let map) = node else {
            report(node, "\(what) must be a mapping, found \(Self.typeName(node))")
            return nil
        }
        var out: [(String, Node, Node)] = []
        for (k, v) in map {
            guard case .scalar(let ks) = k else {
                report(k, "keys in \(what) must be strings")
                continue
            }
            if let allowed, !allowed.contains(ks.string) {
                report(k, "unknown key '\(ks.string)' in \(what); expected one of: \(allowed.sorted().joined(separator: ", "))")
                continue
            }
            out.append((ks.string, k, v))
        }
        return out
    }

    // MARK: The rule

    private mutating func rule(_ root: Node, into out: inout ParsedRuleFile) -> RiskRule? {
        guard let top = entries(root, "a rule file", allowed: Self.topKeys) else { return nil }
        var fields: [String: (key: Node, value: Node)] = [:]
        for e in top { fields[e.key] = (e.keyNode, e.value) }
        for required in ["id", "severity", "title", "message", "categories", "when", "examples"] where fields[required] == nil {
            report(root, "missing required key '\(required)'")
        }

        var id = ""
        if let (_, v) = fields["id"], let s = string(v, "id") {
            id = s
            out.id = s
            (out.idLine, out.idColumn) = Self.position(v)
            if s.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) == nil {
                report(v, "id '\(s)' must be kebab-case (lower-case letters and digits joined by '-')")
            }
            let file = (path as NSString).lastPathComponent
            for ext in [".yaml", ".yml"] where file.hasSuffix(ext) {
                let stem = String(file.dropLast(ext.count))
                if stem != s { report(v, "id '\(s)' does not match the file name '\(file)' (expected id '\(stem)')") }
            }
        }
        var severity = ""
        if let (_, v) = fields["severity"], let s = string(v, "severity") {
            severity = s
            if !RiskVocabulary.severities.contains(s) {
                report(v, "unknown severity '\(s)'; expected high, medium or low")
            }
        }
        let title = fields["title"].flatMap { string($0.value, "title") } ?? ""
        let titleEn = fields["title_en"].flatMap { string($0.value, "title_en") }
        let message = fields["message"].flatMap { string($0.value, "message") } ?? ""
        let messageEn = fields["message_en"].flatMap { string($0.value, "message_en") }
        let basis = fields["basis"].flatMap { stringList($0.value, "basis") } ?? []

        var categories: [String] = []
        if let (_, v) = fields["categories"], let list = stringList(v, "categories") {
            categories = list
            if list.isEmpty { report(v, "categories must not be empty; use [all] for every contract") }
            if case .sequence(let seq) = v {
                for item in seq {
                    guard case .scalar(let sc) = item else { continue }
                    let name = sc.string
                    if name == "all" || RiskVocabulary.categories.contains(name) { continue }
                    report(item, "unknown category '\(name)'; expected all or one of: \(RiskVocabulary.categories.sorted().joined(separator: ", "))")
                }
            }
        }

        var params: [String: RiskValue] = [:]
        var paramNodes: [String: Node] = [:]
        if let (_, v) = fields["params"], let list = entries(v, "params") {
            for e in list {
                if e.key.range(of: "^[A-Za-z][A-Za-z0-9_]*$", options: .regularExpression) == nil {
                    report(e.keyNode, "parameter name '\(e.key)' must start with a letter and hold only letters, digits and _")
                }
                if let val = value(e.value) {
                    params[e.key] = val
                    paramNodes[e.key] = e.value
                }
            }
        }

        var when: RiskCondition = .any([])
        if let (_, v) = fields["when"], let c = condition(v, depth: 0) { when = c }

        var addenda: [RiskAddendum] = []
        if let (_, v) = fields["addenda"] {
            if case .sequence(let seq) = v {
                for item in seq {
                    guard let es = entries(item, "an addendum", allowed: ["when", "message", "message_en"]) else { continue }
                    var c: RiskCondition?, m: String?, me: String?
                    for e in es {
                        switch e.key {
                        case "when": c = condition(e.value, depth: 0)
                        case "message": m = string(e.value, "message")
                        default: me = string(e.value, "message_en")
                        }
                    }
                    if !es.contains(where: { $0.key == "when" }) { report(item, "an addendum needs 'when'") }
                    if !es.contains(where: { $0.key == "message" }) { report(item, "an addendum needs 'message'") }
                    if let c, let m { addenda.append(RiskAddendum(when: c, message: m, messageEn: me)) }
                }
            } else {
                report(v, "addenda must be a list, found \(Self.typeName(v))")
            }
        }

        var examples: [RiskExample] = []
        if let (_, v) = fields["examples"] { examples = self.examples(v) }

        // $param references, now that every param is known.
        for ref in paramRefs {
            guard let p = params[ref.name] else {
                let known = params.keys.sorted()
                report(ref.line, ref.column, "undefined parameter '$\(ref.name)'"
                       + (known.isEmpty ? " (the rule has no params)" : "; params: \(known.joined(separator: ", "))"))
                continue
            }
            if ref.needsTable, RateTable(p) == nil {
                let (l, c) = paramNodes[ref.name].map(Self.position) ?? (ref.line, ref.column)
                report(l, c, "parameter '\(ref.name)' must be a table of {from: YYYY-MM-DD, rate: NUMBER} rows to be used with rateOn")
            }
        }

        // Message placeholders.
        let names = Self.placeholderNames(for: when).union(params.keys).union(FactKind.documentFields.keys)
        var templates: [(String, Node?)] = [(message, fields["message"]?.value), (messageEn ?? "", fields["message_en"]?.value)]
        for a in addenda { templates.append((a.message, fields["addenda"]?.value)); templates.append((a.messageEn ?? "", fields["addenda"]?.value)) }
        for (text, node) in templates where !text.isEmpty {
            let node = node ?? root
            switch MessageTemplate.parse(text) {
            case .failure(let problem): report(node, "message: \(problem.message)")
            case .success(let t):
                for name in t.placeholders where !names.contains(name.name) {
                    report(node, "message placeholder '{\(name.name)}' names no field of this rule's matches and no param")
                }
                for name in t.placeholders {
                    if let f = name.filter, !RiskFormat.filters.contains(f) {
                        report(node, "unknown placeholder filter '|\(f)'; expected percent or number")
                    }
                }
            }
        }

        return RiskRule(id: id, severity: severity, title: title, titleEn: titleEn, message: message,
                        messageEn: messageEn, basis: basis, categories: categories, params: params, when: when,
                        addenda: addenda, examples: examples, path: path)
    }

    /// The field names a message can use for the matches of a condition.
    static func placeholderNames(for c: RiskCondition) -> Set<String> {
        switch c {
        case .fact(let kind, _): Set(FactKind(rawValue: kind)?.fields.keys.map { $0 } ?? [])
        case .text: ["text", "context"]
        case .document, .absent: []
        case .all(let cs): cs.first.map(placeholderNames) ?? []
        case .any(let cs): cs.reduce(into: Set<String>()) { $0.formUnion(placeholderNames(for: $1)) }
        }
    }

    // MARK: Examples

    private mutating func examples(_ node: Node) -> [RiskExample] {
        guard let es = entries(node, "examples", allowed: ["fire", "ok"]) else { return [] }
        var out: [RiskExample] = []
        var counts: [RiskExample.Expectation: Int] = [.fire: 0, .ok: 0]
        for e in es {
            let expect: RiskExample.Expectation = e.key == "fire" ? .fire : .ok
            guard case .sequence(let seq) = e.value else {
                report(e.value, "examples.\(e.key) must be a list, found \(Self.typeName(e.value))")
                continue
            }
            for item in seq {
                guard let fields = entries(item, "an example", allowed: ["text", "category"]) else { continue }
                var text: String?, category: String?
                for f in fields {
                    if f.key == "text" {
                        text = string(f.value, "example text")
                    } else if let c = string(f.value, "example category") {
                        category = c
                        if !RiskVocabulary.categories.contains(c) {
                            report(f.value, "unknown category '\(c)'; expected one of: \(RiskVocabulary.categories.sorted().joined(separator: ", "))")
                        }
                    }
                }
                guard let text else {
                    if !fields.contains(where: { $0.key == "text" }) { report(item, "an example needs 'text'") }
                    continue
                }
                if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { report(item, "example text is empty") }
                out.append(RiskExample(expect: expect, text: text, category: category))
                counts[expect, default: 0] += 1
            }
        }
        for (expect, n) in counts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where n < 2 {
            report(node, "a rule needs at least 2 '\(expect.rawValue)' examples, found \(n)")
        }
        return out
    }

    // MARK: Conditions

    private static let conditionKeys: Set<String> = ["fact", "where", "text", "within", "document", "all", "any", "not", "absent"]

    private mutating func condition(_ node: Node, depth: Int) -> RiskCondition? {
        guard depth < Self.maxDepth else {
            report(node, "conditions are nested more than \(Self.maxDepth) deep")
            return nil
        }
        guard let es = entries(node, "a condition", allowed: Self.conditionKeys) else { return nil }
        let heads = es.filter { ["fact", "text", "document", "all", "any", "not", "absent"].contains($0.key) }
        guard heads.count == 1, let head = heads.first else {
            if heads.isEmpty {
                report(node, "a condition needs one of: fact, text, document, all, any, not, absent")
            } else {
                report(heads[1].keyNode, "a condition has one of fact, text, document, all, any, not, absent; found both '\(heads[0].key)' and '\(heads[1].key)'")
            }
            return nil
        }
        for e in es where e.key != head.key {
            let ok = (head.key == "fact" && e.key == "where") || (head.key == "text" && e.key == "within")
            if !ok { report(e.keyNode, "'\(e.key)' does not belong in a '\(head.key)' condition") }
        }
        switch head.key {
        case "fact":
            guard let name = string(head.value, "fact") else { return nil }
            guard let kind = FactKind(rawValue: name) else {
                report(head.value, "unknown fact kind '\(name)'; expected one of: \(FactKind.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            var preds: [RiskPredicate] = []
            if let w = es.first(where: { $0.key == "where" }) {
                guard let p = predicates(w.value, fields: kind.fields, owner: "fact kind '\(name)'") else { return nil }
                preds = p
            }
            return .fact(kind: name, where: preds)
        case "text":
            guard let pattern = string(head.value, "text") else { return nil }
            checkRegex(pattern, head.value)
            var scope = RiskCondition.Scope.sentence
            if let w = es.first(where: { $0.key == "within" }), let s = string(w.value, "within") {
                if let sc = RiskCondition.Scope(rawValue: s) { scope = sc } else {
                    report(w.value, "unknown scope '\(s)'; expected sentence, clause or document")
                }
            }
            return .text(pattern: pattern, within: scope)
        case "document":
            guard let p = predicates(head.value, fields: FactKind.documentFields, owner: "the document") else { return nil }
            return .document(p)
        case "all", "any":
            guard case .sequence(let seq) = head.value else {
                report(head.value, "'\(head.key)' must be a list of conditions, found \(Self.typeName(head.value))")
                return nil
            }
            if seq.isEmpty { report(head.value, "'\(head.key)' needs at least one condition") }
            var cs: [RiskCondition] = []
            var failed = false
            for item in seq {
                if let c = condition(item, depth: depth + 1) { cs.append(c) } else { failed = true }
            }
            if failed { return nil }
            return head.key == "all" ? .all(cs) : .any(cs)
        default:
            guard let c = condition(head.value, depth: depth + 1) else { return nil }
            return .absent(c)
        }
    }

    /// `FIELD: PREDICATE` entries.
    private mutating func predicates(_ node: Node, fields: [String: FactField], owner: String) -> [RiskPredicate]? {
        guard let es = entries(node, "'where'") else { return nil }
        var out: [RiskPredicate] = []
        for e in es {
            guard let field = fields[e.key] else {
                report(e.keyNode, "unknown field '\(e.key)' for \(owner); fields: \(fields.keys.sorted().joined(separator: ", "))")
                continue
            }
            switch e.value {
            case .mapping:
                guard let ops = entries(e.value, "a predicate") else { continue }
                if ops.isEmpty { report(e.value, "empty predicate for '\(e.key)'") }
                for o in ops {
                    guard let op = RiskPredicate.Op(rawValue: o.key) else {
                        report(o.keyNode, "unknown predicate '\(o.key)'; expected one of: \(RiskPredicate.Op.allCases.map(\.rawValue).joined(separator: ", "))")
                        continue
                    }
                    if let operand = operand(o.value, op: op, field: field) {
                        out.append(RiskPredicate(field: e.key, op: op, operand: operand))
                    }
                }
            case .sequence:
                report(e.value, "a list is not a predicate; write '\(e.key): {in: [...]}'")
            default:
                if let operand = operand(e.value, op: .eq, field: field) {
                    out.append(RiskPredicate(field: e.key, op: .eq, operand: operand))
                }
            }
        }
        return out
    }

    private mutating func operand(_ node: Node, op: RiskPredicate.Op, field: FactField) -> RiskOperand? {
        switch op {
        case .exists:
            guard case .scalar = node, Tag.Name(rawValue: node.tag.rawValue) == .bool, let b = node.bool else {
                report(node, "'exists' takes true or false, found \(Self.typeName(node))")
                return nil
            }
            return .value(.bool(b))
        case .matches, .notMatches:
            if !field.type.isTextual { report(node, "'\(op.rawValue)' needs a text field; '\(field.name)' is a \(field.type.rawValue)") }
            guard let pattern = string(node, "'\(op.rawValue)'") else { return nil }
            checkRegex(pattern, node)
            return .value(.string(pattern))
        case .in:
            if case .scalar(let s) = node, s.string.hasPrefix("$") { return paramRef(node, s.string) }
            guard case .sequence(let seq) = node else {
                report(node, "'in' takes a list, found \(Self.typeName(node))")
                return nil
            }
            var values: [RiskValue] = []
            for item in seq {
                guard let v = literal(item, field: field) else { continue }
                values.append(v)
            }
            return .value(.list(values))
        case .gt, .gte, .lt, .lte, .eq, .ne:
            let ordered = op != .eq && op != .ne
            if ordered && !field.type.isOrdered {
                report(node, "'\(op.rawValue)' needs a number or date field; '\(field.name)' is a \(field.type.rawValue)")
                return nil
            }
            if case .mapping = node {
                guard ordered, field.type == .number else {
                    report(node, "a mapping operand is only allowed as {rateOn: $table, times: N} with gt/gte/lt/lte on a number field")
                    return nil
                }
                return rateOn(node)
            }
            if case .scalar(let s) = node, Tag.Name(rawValue: node.tag.rawValue) == .str, s.string.hasPrefix("$") {
                return paramRef(node, s.string)
            }
            guard let v = literal(node, field: field) else { return nil }
            return .value(v)
        }
    }

    /// A literal compared with a field: its type must suit the field, and a vocabulary word must exist.
    private mutating func literal(_ node: Node, field: FactField) -> RiskValue? {
        guard case .scalar = node, let v = value(node) else {
            report(node, "expected a single value for '\(field.name)', found \(Self.typeName(node))")
            return nil
        }
        guard field.type.accepts(v) else {
            report(node, "'\(field.name)' is a \(field.type.rawValue) field; \(v.typeName) '\(v)' cannot be compared with it")
            return nil
        }
        if let vocab = field.vocabulary, case .string(let s) = v, !vocab.contains(s) {
            report(node, "'\(s)' is not a value of '\(field.name)'; expected one of: \(vocab.sorted().joined(separator: ", "))")
        }
        if field.type == .date, case .string(let s) = v, RiskVocabulary.julianDay(s) == nil {
            report(node, "'\(s)' is not a date; write YYYY-MM-DD")
        }
        return v
    }

    private mutating func paramRef(_ node: Node, _ text: String, needsTable: Bool = false) -> RiskOperand? {
        let name = String(text.dropFirst())
        guard !name.isEmpty else {
            report(node, "'$' must be followed by a parameter name")
            return nil
        }
        let (l, c) = Self.position(node)
        paramRefs.append((name, l, c, needsTable))
        return .param(name)
    }

    private mutating func rateOn(_ node: Node) -> RiskOperand? {
        guard let es = entries(node, "rateOn", allowed: ["rateOn", "times"]) else { return nil }
        guard let t = es.first(where: { $0.key == "rateOn" }) else {
            report(node, "missing 'rateOn: $table'")
            return nil
        }
        guard case .scalar(let ts) = t.value, ts.string.hasPrefix("$"),
              case .param(let table)? = paramRef(t.value, ts.string, needsTable: true) else {
            report(t.value, "'rateOn' takes a table parameter: rateOn: $name")
            return nil
        }
        var times: RiskOperand = .value(.number(1))
        if let m = es.first(where: { $0.key == "times" }) {
            if case .scalar(let s) = m.value, s.string.hasPrefix("$") {
                guard let p = paramRef(m.value, s.string) else { return nil }
                times = p
            } else if case .number(let d)? = value(m.value) {
                times = .value(.number(d))
            } else {
                report(m.value, "'times' takes a number or $param, found \(Self.typeName(m.value))")
                return nil
            }
        }
        return .rateOn(table: table, times: times)
    }

    /// Compiles a pattern with ICU and reports a failure at its position in the file.
    private mutating func checkRegex(_ pattern: String, _ node: Node) {
        do {
            _ = try ICURegex(pattern)
        } catch {
            let (line, start) = Self.position(node)
            var column = start
            var detail = ""
            if let offset = error.offset {
                if case .scalar(let s) = node {
                    switch s.style {
                    case .plain: column += offset
                    case .singleQuoted, .doubleQuoted: column += 1 + offset
                    default: break
                    }
                }
                detail = " at pattern offset \(offset)"
            }
            report(line, column, "invalid regular expression: \(ICURegexErrorName.describe(error.status))\(detail)")
        }
    }
}
