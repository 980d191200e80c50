import CSV
import Foundation
import Qiyue

/// `qiyue batch --format csv`: one row per document, for spreadsheets and CRM imports. The
/// columns are stable (new ones are only ever added at the end); `id` is the document's stable
/// id (the caller's in stream modes, else the SHA-256 of the input, `#n` for a document of a
/// page), fit for an external-id upsert.
enum CSVRow {
    /// The header row.
    static let columns = [
        "id", "path", "is_contract", "category", "contract_type",
        "party_a_role", "party_a_name", "party_a_side", "party_b_role", "party_b_name", "party_b_side", "parties",
        "total_price", "currency", "signed_on", "term_months", "first_deadline", "penalties",
        "risks_high", "risks_medium", "risks_low", "rule_ids", "error_code", "error_message",
    ]

    /// The fields of a report's row (`partiesJSON` is the parties array as JSON).
    static func fields(_ r: ContractReport, partiesJSON: String) -> [String] {
        let a = r.parties.first, b = r.parties.dropFirst().first
        let total = r.amounts.first { $0.purpose == "total_price" && $0.value != nil }
        func num(_ d: Double?) -> String {
            guard let d else { return "" }
            return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        }
        func count(_ s: String) -> String { String(r.risks.filter { $0.severity == s }.count) }
        return [
            r.source.id ?? "", r.source.path, r.classification.isContract ? "true" : "false",
            r.classification.category ?? "", r.classification.contractType ?? "",
            a?.role ?? "", a?.name ?? "", a?.side ?? "", b?.role ?? "", b?.name ?? "", b?.side ?? "", partiesJSON,
            num(r.document.totalPrice ?? total?.value), total?.currency ?? "", r.document.signedOn ?? "",
            num(r.document.contractTermMonths), r.deadlines.first.map(describe) ?? "", String(r.penalties.count),
            count("high"), count("medium"), count("low"),
            Array(Set(r.risks.map(\.rule))).sorted().joined(separator: " "), "", "",
        ]
    }

    /// The row of an input that failed.
    static func errorFields(id: String?, path: String, error: QiyueError) -> [String] {
        var f = [String](repeating: "", count: columns.count)
        f[0] = id ?? ""
        f[1] = path
        f[columns.count - 2] = error.code.rawValue
        f[columns.count - 1] = error.message
        return f
    }

    /// A deadline in a few words: `2025-12-31 before`, `within 15 day of signing`.
    static func describe(_ d: Deadline) -> String {
        if let date = d.date { return "\(d.bound) \(date)" }
        if let rel = d.relative {
            let n = rel.amount.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "?"
            return "\(d.bound) \(n) \(rel.unit) of \(rel.anchor)"
        }
        return d.blank ? "\(d.bound) (blank)" : d.bound
    }

    /// One CSV row (RFC 4180 quoting by CSV.swift, CRLF line end), as text.
    static func encode(_ fields: [String]) -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        defer { stream.close() }
        guard let writer = try? CSVWriter(stream: stream, newline: .crlf) else { return "" }
        try? writer.write(row: fields)
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
