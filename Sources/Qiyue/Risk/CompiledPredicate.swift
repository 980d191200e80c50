/// A predicate with its parameters substituted and its pattern compiled.
struct CompiledPredicate: Sendable {
    /// The right-hand side of an ordered comparison.
    enum Bound: Sendable {
        case value(FieldValue)
        /// The table's rate on the signing date, times a factor.
        case rateOn(RateTable, times: Double)
    }

    /// The test.
    enum Test: Sendable {
        case eq(FieldValue)
        case ne(FieldValue)
        case compare(RiskPredicate.Op, Bound)
        case oneOf([FieldValue])
        case exists(Bool)
        case matches(SharedRegex, negated: Bool)
    }

    let field: FactField
    let test: Test

    /// Whether fact `index` (or the document) passes.
    func holds(_ ctx: RiskContext, _ index: Int) throws(RegexFailure) -> Bool {
        let v = field.get(ctx, index)
        switch test {
        case .eq(let x): return Self.equal(v, x, ctx)
        case .ne(let x): return !Self.equal(v, x, ctx)
        case .oneOf(let xs): return xs.contains { Self.equal(v, $0, ctx) }
        case .exists(let b):
            switch v {
            case .null: return !b
            case .string(let s): return s.isEmpty != b
            case .strings(let l): return l.isEmpty != b
            default: return b
            }
        case .compare(let op, let bound):
            let rhs: FieldValue
            switch bound {
            case .value(let x): rhs = x
            case .rateOn(let table, let times): rhs = .number(table.rate(on: ctx.report.document.signedOn) * times)
            }
            return Self.compare(v, op, rhs)
        case .matches(let regex, let negated):
            if case .text(let r) = v, !ctx.mayMatch(regex, in: r) { return negated }
            let found: Bool?
            do {
                found = try regex.with { (r: ICURegex) throws(ICURegex.MatchError) in try ctx.matches(r, v) }
            } catch {
                throw RegexFailure(pattern: regex.pattern, reason: error)
            }
            return negated ? !(found ?? false) : (found ?? false)
        }
    }

    static func equal(_ a: FieldValue, _ b: FieldValue, _ ctx: RiskContext) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.number(let x), .number(let y)): abs(x - y) <= 1e-9 * max(1, abs(y))
        case (.string(let x), .string(let y)): x == y
        case (.strings(let l), .string(let y)): l.contains(y)
        case (.text(let r), .string(let y)): ctx.text(r) == y
        default: false
        }
    }

    static func compare(_ a: FieldValue, _ op: RiskPredicate.Op, _ b: FieldValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            let eps = 1e-9 * max(1, abs(y))
            switch op {
            case .gt: return x > y + eps
            case .gte: return x >= y - eps
            case .lt: return x < y - eps
            case .lte: return x <= y + eps
            default: return false
            }
        case (.string(let x), .string(let y)):
            switch op {
            case .gt: return x > y
            case .gte: return x >= y
            case .lt: return x < y
            case .lte: return x <= y
            default: return false
            }
        default:
            return false
        }
    }
}
