import Foundation

/// Masks personal data in reports (个人信息保护法: results are often shared beyond the people
/// entitled to see them). Every masked value keeps its length in Unicode scalars, so spans still
/// index the same places of the text and a reviewer can still highlight them.
///
/// ```swift
/// let r = Redactor(kinds: [.ids, .phones])
/// r.mask("110101199003071234", as: .ids)   // "110101********1234"
/// r.mask("13800138000", as: .phones)       // "138****8000"
/// ```
public struct Redactor: Sendable, Hashable {
    /// What can be masked.
    public enum Kind: String, CaseIterable, Sendable {
        /// Identity numbers (身份证, 香港/台湾 ids), taxpayer ids of persons.
        case ids
        /// Telephone and fax numbers.
        case phones
        /// Bank account numbers.
        case accounts
        /// Names of persons: parties that are persons, representatives, contacts, account holders.
        case names
        /// E-mail addresses.
        case emails
    }

    /// A word of a redaction list that names no ``Kind``.
    public struct UnknownKind: Error, Sendable {
        /// The word.
        public var word: String
    }

    /// The kinds masked.
    public let kinds: Set<Kind>

    /// A redactor for these kinds.
    public init(kinds: Set<Kind>) { self.kinds = kinds }

    /// Parses `ids,phones,accounts,names,emails` (also `contacts` for phones and e-mail, and
    /// `all`); for a bad list, the unknown word.
    public static func parse(_ list: String) -> Result<Redactor, UnknownKind> {
        var kinds = Set<Kind>()
        for word in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            if word == "all" { kinds.formUnion(Kind.allCases); continue }
            if word == "contacts" { kinds.formUnion([.phones, .emails]); continue }
            guard let k = Kind(rawValue: word) else { return .failure(UnknownKind(word: word)) }
            kinds.insert(k)
        }
        return .success(Redactor(kinds: kinds))
    }

    /// The masked form of a value: digits and letters replaced by `*`, keeping a few at the ends
    /// (ids: the first 6 and last 4 of long ones; phones: first 3 and last 4; accounts: last 4;
    /// names: the first character; e-mail: the first character of the local part and the domain).
    public func mask(_ value: String, as kind: Kind) -> String {
        let s = Array(value.unicodeScalars)
        let maskable = s.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        let n = maskable.filter { $0 }.count
        var keepHead = 0, keepTail = 0
        switch kind {
        case .ids: (keepHead, keepTail) = n >= 15 ? (6, 4) : (1, 1)
        case .phones: (keepHead, keepTail) = n >= 11 ? (3, 4) : (n >= 7 ? (2, 2) : (0, 0))
        case .accounts: (keepHead, keepTail) = (0, n > 8 ? 4 : 0)
        case .names: (keepHead, keepTail) = (1, 0)
        case .emails:
            guard let at = s.firstIndex(of: "@") else { return String(repeating: "*", count: s.count) }
            return String(String.UnicodeScalarView(s[..<at].enumerated().map { $0.offset == 0 ? $0.element : "*" } + s[at...]))
        }
        if n <= keepHead + keepTail { keepHead = min(keepHead, n > 1 ? 1 : 0); keepTail = 0 }
        var seen = 0
        var out = String.UnicodeScalarView()
        for (k, c) in s.enumerated() {
            guard maskable[k] else { out.append(c); continue }
            seen += 1
            out.append(seen <= keepHead || seen > n - keepTail ? c : "*")
        }
        return String(out)
    }

    /// The values of a report to mask, each with its masked form (longest first, so that a value
    /// inside another is replaced after it).
    public func targets(_ report: ContractReport) -> [(original: String, masked: String)] {
        var out: [String: String] = [:]
        func add(_ v: String?, _ kind: Kind) {
            guard kinds.contains(kind), let v, v.unicodeScalars.count >= (kind == .names ? 2 : 3) else { return }
            out[v] = mask(v, as: kind)
        }
        for p in report.parties {
            if p.kind == "person" { add(p.name, .names) }
            add(p.representative, .names)
            add(p.contact, .names)
            for id in p.ids { add(id.value, .ids) }
            if p.kind == "person" { add(p.taxId, .ids) }
            for ph in p.phones { add(ph, .phones) }
            add(p.fax, .phones)
            add(p.email, .emails)
            for b in p.bankAccounts ?? [] { add(b.account, .accounts); add(b.holder, .names) }
        }
        return out.map { ($0.key, $0.value) }.sorted { $0.original.unicodeScalars.count > $1.original.unicodeScalars.count }
    }

    /// A copy of a report with its personal data masked everywhere it appears (party fields,
    /// evidence, clause text, `source.text`), each value keeping its length.
    public func redacted(_ report: ContractReport) -> ContractReport {
        let targets = targets(report)
        guard !targets.isEmpty else { return report }
        let json = apply(targets, to: JSONWriter.string(report))
        return (try? JSONDecoder().decode(ContractReport.self, from: Data(json.utf8))) ?? report
    }

    /// `text` with every target replaced by its masked form.
    public func apply(_ targets: [(original: String, masked: String)], to text: String) -> String {
        var s = text
        for t in targets where s.contains(t.original) { s = s.replacingOccurrences(of: t.original, with: t.masked) }
        return s
    }
}
