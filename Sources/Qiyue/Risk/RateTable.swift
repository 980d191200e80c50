/// A dated table parameter such as the LPR history: rows `{from: YYYY-MM-DD, rate: NUMBER}`.
struct RateTable: Sendable {
    /// Rows sorted by date.
    let rows: [(from: String, rate: Double)]

    /// Reads a table value; nil when it is not a non-empty list of `{from, rate}` rows.
    init?(_ v: RiskValue) {
        guard case .list(let items) = v, !items.isEmpty else { return nil }
        var rows: [(String, Double)] = []
        for item in items {
            guard case .map(let m) = item, case .string(let from)? = m["from"], case .number(let rate)? = m["rate"],
                  RiskVocabulary.julianDay(from) != nil, m.count == 2 else { return nil }
            rows.append((from, rate))
        }
        self.rows = rows.sorted { $0.0 < $1.0 }
    }

    /// The rate in force on `date` (ISO), or the newest rate when the date is unknown. A date
    /// before the first row takes the first row.
    func rate(on date: String?) -> Double {
        guard let date, RiskVocabulary.julianDay(date) != nil else { return rows[rows.count - 1].rate }
        var best = rows[0].rate
        for r in rows where r.from <= date { best = r.rate }
        return best
    }
}
