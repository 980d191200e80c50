/// The closed vocabularies of the output schema that rule files may name.
enum RiskVocabulary {
    static let severities: Set<String> = ["high", "medium", "low"]
    static let categories = Set(ClassifierData.categories)
    static let sides: Set<String> = [
        "seller", "buyer", "lessor", "lessee", "lender", "borrower", "employer", "employee", "client", "provider",
        "transferor", "transferee", "guarantor", "agent", "other", "either",
    ]
    static let purposes: Set<String> = [
        "total_price", "deposit", "security_deposit", "down_payment", "balance", "installment", "rent", "wage",
        "loan_principal", "interest", "penalty", "fee", "other",
    ]
    static let anchors: Set<String> = [
        "signing", "effective", "delivery", "acceptance", "payment", "transfer", "invoice", "notice", "termination",
        "expiry", "occurrence", "other",
    ]
    static let bounds: Set<String> = ["before", "within", "after", "on", "from", "until"]
    static let units: Set<String> = ["workday", "day", "hour", "minute", "second", "week", "month", "quarter", "year"]
    static let periodKinds: Set<String> = [
        "contract_term", "lease_term", "labor_term", "loan_term", "service_term", "probation", "warranty", "free_maintenance",
        "notice", "construction", "acceptance", "confidentiality", "other",
    ]
    static let penaltyForms: Set<String> = ["periodic", "one_off", "fixed", "deposit"]
    static let pers: Set<String> = ["day", "week", "month", "quarter", "year", "once"]
    static let rateKinds: Set<String> = ["loan_interest", "overdue_interest", "other"]
    static let partyKinds: Set<String> = ["person", "organization"]

    /// Months in one unit of a duration.
    static func months(per unit: String) -> Double? {
        switch unit {
        case "year": 12
        case "quarter": 3
        case "month": 1
        case "week": 7 / 30.4375
        case "day": 1 / 30.4375
        case "workday": 7.0 / 5.0 / 30.4375
        case "hour": 1 / 730.5
        default: nil
        }
    }

    /// Calendar months from `start` to the day after `end` (2025-03-01 … 2026-02-28 is 12 months),
    /// with a part month counted in 30.4375-day months.
    static func calendarMonths(from start: String, to end: String) -> Double? {
        guard let a = julianDay(start), let b = julianDay(end), b >= a else { return nil }
        let (y1, m1, d1) = civil(a), (y2, m2, d2) = civil(b + 1)
        return Double((y2 - y1) * 12 + (m2 - m1)) + Double(d2 - d1) / 30.4375
    }

    /// The civil date of a Julian day number.
    static func civil(_ jdn: Int) -> (Int, Int, Int) {
        let a = jdn + 32044
        let b = (4 * a + 3) / 146097
        let c = a - 146097 * b / 4
        let d = (4 * c + 3) / 1461
        let e = c - 1461 * d / 4
        let m = (5 * e + 2) / 153
        return (100 * b + d - 4800 + m / 10, m + 3 - 12 * (m / 10), e - (153 * m + 2) / 5 + 1)
    }

    /// The Julian day number of a `YYYY-MM-DD` date.
    static func julianDay(_ iso: String) -> Int? {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        let a = (14 - m) / 12
        let yy = y + 4800 - a
        let mm = m + 12 * a - 3
        return d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 - 32045
    }
}
