/// What one evaluation of the rule set over one document reads: the report, the document, its
/// normalized text as UTF-16 for ICU, and the regions text patterns are matched in. Built once per
/// ``RiskEngine/evaluate(_:document:)`` and shared by all rules.
final class RiskContext {
    let report: ContractReport
    let document: Document
    /// The normalized text in UTF-16.
    let utf16: [UInt16]
    /// UTF-16 offset of each normalized scalar offset (count + 1 entries); nil when every scalar
    /// is a single UTF-16 unit, so that offsets are equal.
    private let utf16Starts: [Int32]?
    /// Regex time-outs and other problems met while evaluating.
    var errors: [QiyueError] = []
    /// ICU time units the rule regexes may still spend on this document (negative: unlimited).
    var regexBudgetLeft: Int
    /// Rules skipped because the budget ran out.
    var budgetSkipped: [String] = []
    private let literalIndex: LiteralIndex?
    /// Where each indexed UTF-16 unit occurs.
    private lazy var unitPositions: [UInt16: [Int32]] = literalIndex?.positions(in: utf16) ?? [:]
    /// Occurrences of each pattern's required literals, as sorted normalized ranges.
    private var occurrenceCache: [ObjectIdentifier: [Range<Int>]] = [:]

    init(report: ContractReport, document: Document, literals: LiteralIndex? = nil, regexBudget: Int = -1) {
        self.report = report
        regexBudgetLeft = regexBudget
        self.document = document
        literalIndex = literals
        (utf16, utf16Starts) = ScalarDecoding.utf16(document.normalizedScalars)
    }

    /// Length of the normalized text in scalars.
    var scalarCount: Int { document.normalizedScalars.count }

    /// The UTF-16 offset of a normalized scalar offset.
    func utf16Offset(_ scalar: Int) -> Int {
        guard let utf16Starts else { return scalar }
        return Int(utf16Starts[min(max(scalar, 0), utf16Starts.count - 1)])
    }

    /// The normalized scalar offset of a UTF-16 offset (binary search).
    func scalarOffset(utf16 u: Int) -> Int {
        guard let utf16Starts else { return u }
        var lo = 0, hi = utf16Starts.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(utf16Starts[mid]) < u { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The normalized range of the sentences a fact's original span lies in (empty when it lies in none).
    func sentenceRange(of span: TextSpan) -> Range<Int> {
        let r = document.normalizedRange(of: span)
        guard let first = document.sentenceIndex(at: r.lowerBound) else { return r.lowerBound..<r.lowerBound }
        var range = document.sentences[first].range
        if r.upperBound > range.upperBound, let last = document.sentenceIndex(at: r.upperBound - 1) {
            range = range.lowerBound..<max(range.upperBound, document.sentences[last].range.upperBound)
        }
        return range
    }

    /// The normalized text of a range.
    func text(_ r: Range<Int>) -> String { document.normalizedText(r) }

    /// The regions of a scope, as normalized ranges.
    func regions(_ scope: RiskCondition.Scope) -> [Range<Int>] {
        switch scope {
        case .document: return [0..<scalarCount]
        case .sentence: return sentenceRegions
        case .clause: return clauseRegions
        }
    }

    private lazy var sentenceRegions: [Range<Int>] = document.sentences.map(\.range)

    /// Top-level clauses, and each line of text outside them.
    private lazy var clauseRegions: [Range<Int>] = {
        var out: [Range<Int>] = []
        let n = document.normalizedScalars
        func lines(_ r: Range<Int>) {
            var s = r.lowerBound
            for i in r where n[i] == 0x0A {
                if i > s { out.append(s..<i) }
                s = i + 1
            }
            if r.upperBound > s { out.append(s..<r.upperBound) }
        }
        var cursor = 0
        for c in document.clauses where c.depth == 0 && c.range.lowerBound >= cursor {
            lines(cursor..<c.range.lowerBound)
            out.append(c.range)
            cursor = c.range.upperBound
        }
        lines(cursor..<n.count)
        return out
    }()

    /// The places a pattern's required literals occur (normalized ranges, sorted); nil when the
    /// pattern has none, so that every region must be searched.
    func occurrences(of regex: SharedRegex) -> [Range<Int>]? {
        guard let literals = regex.literals, literalIndex != nil else { return nil }
        if let cached = occurrenceCache[ObjectIdentifier(regex)] { return cached }
        var found: [Range<Int>] = []
        let n = utf16.count
        for l in literals {
            guard let starts = unitPositions[l[0]] else { continue }
            for p in starts {
                let s = Int(p)
                guard s + l.count <= n else { continue }
                var k = 1
                while k < l.count && utf16[s + k] == l[k] { k += 1 }
                if k == l.count { found.append(scalarOffset(utf16: s)..<scalarOffset(utf16: s + l.count)) }
            }
        }
        found.sort { $0.lowerBound < $1.lowerBound }
        occurrenceCache[ObjectIdentifier(regex)] = found
        return found
    }

    /// The regions of a scope that can hold a match of the pattern: those containing one of its
    /// required literals (all regions when it has none).
    func candidateRegions(_ scope: RiskCondition.Scope, for regex: SharedRegex) -> [Range<Int>] {
        let all = regions(scope)
        guard let occ = occurrences(of: regex) else { return all }
        if occ.isEmpty { return [] }
        if all.count == 1 { return occ.contains { all[0].contains($0.lowerBound) && $0.upperBound <= all[0].upperBound } ? all : [] }
        var out: [Range<Int>] = []
        var last = -1
        for o in occ {
            // The last region starting at or before the occurrence.
            var lo = 0, hi = all.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if all[mid].lowerBound <= o.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            let i = lo - 1
            guard i > last, i >= 0, o.upperBound <= all[i].upperBound, o.lowerBound < all[i].upperBound else { continue }
            out.append(all[i])
            last = i
        }
        return out
    }

    /// Whether a normalized range contains one of the pattern's required literals (true when it has none).
    func mayMatch(_ regex: SharedRegex, in r: Range<Int>) -> Bool {
        guard let occ = occurrences(of: regex) else { return true }
        // Occurrences are sorted by start: find the first at or after r, then scan while inside.
        var lo = 0, hi = occ.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if occ[mid].lowerBound < r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < occ.count && occ[i].lowerBound < r.upperBound {
            if occ[i].upperBound <= r.upperBound { return true }
            i += 1
        }
        return false
    }

    /// Matches of a pattern inside one normalized region, as normalized ranges; `^`, `$` and
    /// look-behind see only the region.
    func matches(_ regex: ICURegex, in region: Range<Int>, limit: Int) throws(ICURegex.MatchError) -> [Range<Int>] {
        let s16 = utf16Offset(region.lowerBound), e16 = utf16Offset(region.upperBound)
        guard e16 > s16 else { return [] }
        let found = try charged(regex) { (budget: Int) throws(ICURegex.MatchError) in
            try utf16.withUnsafeBufferPointer { all throws(ICURegex.MatchError) in
                try regex.matches(in: UnsafeBufferPointer(rebasing: all[s16..<e16]), limit: limit, budget: budget)
            }
        }
        if found.isEmpty { return found }
        return found.map { scalarOffset(utf16: $0.lowerBound + s16)..<scalarOffset(utf16: $0.upperBound + s16) }
    }

    /// Whether a pattern matches a field value.
    func matches(_ regex: ICURegex, _ value: FieldValue) throws(ICURegex.MatchError) -> Bool? {
        switch value {
        case .null, .bool, .number: return nil
        case .text(let r): return try !matches(regex, in: r, limit: 1).isEmpty
        case .string(let s):
            return try charged(regex) { (b: Int) throws(ICURegex.MatchError) in try regex.firstMatch(in: Array(s.utf16), budget: b) } != nil
        case .strings(let l):
            for s in l {
                if try charged(regex, { (b: Int) throws(ICURegex.MatchError) in try regex.firstMatch(in: Array(s.utf16), budget: b) }) != nil { return true }
            }
            return false
        }
    }

    /// Runs a search within what is left of the document's regex budget and charges what it spent.
    private func charged<R>(_ regex: ICURegex, _ body: (Int) throws(ICURegex.MatchError) -> R) throws(ICURegex.MatchError) -> R {
        if regexBudgetLeft == 0 { throw .budget }
        defer { if regexBudgetLeft > 0 { regexBudgetLeft = max(0, regexBudgetLeft - regex.used) } }
        return try body(regexBudgetLeft)
    }
}
