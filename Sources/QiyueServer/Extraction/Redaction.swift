import Qiyue

/// What `?redact=` masks in a report's parties (the spans stay, so a reviewer can still find them).
public enum Redaction: String, Sendable, CaseIterable, Hashable {
    /// Party names, aliases stay; representatives, contacts and account holders too.
    case names
    /// Identity numbers, tax ids and bank account numbers.
    case ids
    /// Phones, e-mail, fax, addresses and postcodes.
    case contacts
    /// All of the above.
    case all

    /// The mask written in place of a value.
    public static let mask = "***"

    /// A copy of `report` with the chosen party fields masked.
    public static func apply(_ kinds: Set<Redaction>, to report: ContractReport) -> ContractReport {
        guard !kinds.isEmpty else { return report }
        var r = report
        func m(_ s: String?) -> String? { s == nil ? nil : mask }
        r.parties = report.parties.map { p in
            var p = p
            if kinds.contains(.names) {
                p.name = m(p.name); p.representative = m(p.representative); p.contact = m(p.contact)
                p.bankAccounts = p.bankAccounts?.map { var b = $0; b.holder = m(b.holder); return b }
            }
            if kinds.contains(.ids) {
                p.ids = p.ids.map { var i = $0; i.value = mask; return i }
                p.taxId = m(p.taxId)
                p.bankAccounts = p.bankAccounts?.map { var b = $0; b.account = m(b.account); return b }
            }
            if kinds.contains(.contacts) {
                p.phones = p.phones.map { _ in mask }
                p.email = m(p.email); p.fax = m(p.fax); p.address = m(p.address); p.postcode = m(p.postcode)
            }
            return p
        }
        return r
    }
}
