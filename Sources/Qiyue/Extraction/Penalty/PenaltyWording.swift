/// The penalty wording beyond a rate or a sum, from Rules/facts/penalties.yaml: damages without a
/// measure (乙方应赔偿甲方因此遭受的全部损失) and late-payment interest at a rate named but not given
/// (按同期贷款市场报价利率支付逾期利息), forfeiture of a performance bond (甲方有权没收履约保证金)
/// and a penalty measured by a share of a base not given as a figure (按服务期尚未履行部分所应分摊的
/// 培训费用支付违约金). Optional keys: an older Rules directory has none of them.
struct PenaltyWording: Sendable {
    struct File: Decodable, Sendable {
        struct Damages: Decodable, Sendable {
            var verbs: [String]
            var notAfter: [String]?
            var notBefore: [String]?
            var harms: [String]
            var conditions: [String]
            var breach: [String]?
            var clauseTitles: [String]?
        }
        struct Forfeiture: Decodable, Sendable {
            var verbs: [String]
            var deposits: [String]
            var paidMarks: String?
            var keptDeposits: [String]?
            var keptVerbs: [String]?
        }
        var damages: Damages?
        var bondForfeiture: Forfeiture?
        var proportionalMeasures: [String]?
        var multiples: [String: Double]?
        var referenceRates: [String]?
        var interestWords: [String]?
        var breachMarkers: [String]?
        var arrearsMarkers: [String]?
        var thresholds: [String]?
    }

    let damageVerbs: WordTable<Bool>
    let notAfterVerb: WordTable<Bool>
    let notBeforeVerb: WordTable<Bool>
    let harms: WordTable<Bool>
    let conditions: WordTable<Bool>
    let breach: WordTable<Bool>
    let clauseTitles: [String]
    let referenceRates: WordTable<Bool>
    let interestWords: WordTable<Bool>
    let breachMarkers: WordTable<Bool>
    let arrearsMarkers: WordTable<Bool>
    let thresholds: WordTable<Bool>
    let forfeitVerbs: WordTable<Bool>
    let bonds: WordTable<Bool>
    /// Deposits forfeited only by these verbs (押金不予退还), not by a set-off (从押金中扣除).
    let keptDeposits: WordTable<Bool>
    let keptVerbs: WordTable<Bool>
    /// The characters of "having paid it" between a deposit's owner and the deposit (已付, 所交纳的).
    let paidMarks: ScalarSet
    let proportionalMeasures: WordTable<Bool>
    let multiples: WordTable<Double>

    init(directory: String) throws(QiyueError) {
        let f: File = try EntityData.load(directory, "facts/penalties.yaml")
        func table(_ words: [String]?) -> WordTable<Bool> { WordTable((words ?? []).map { (EntityData.norm($0), true) }) }
        damageVerbs = table(f.damages?.verbs)
        notAfterVerb = table(f.damages?.notAfter)
        notBeforeVerb = table(f.damages?.notBefore)
        harms = table(f.damages?.harms)
        conditions = table(f.damages?.conditions)
        breach = table(f.damages?.breach)
        clauseTitles = (f.damages?.clauseTitles ?? []).map(EntityData.norm)
        referenceRates = table(f.referenceRates)
        interestWords = table(f.interestWords)
        breachMarkers = table(f.breachMarkers)
        arrearsMarkers = table(f.arrearsMarkers)
        thresholds = table(f.thresholds)
        forfeitVerbs = table(f.bondForfeiture?.verbs)
        bonds = table(f.bondForfeiture?.deposits)
        keptDeposits = table(f.bondForfeiture?.keptDeposits)
        keptVerbs = table(f.bondForfeiture?.keptVerbs)
        paidMarks = ScalarSet(EntityData.norm(f.bondForfeiture?.paidMarks ?? ""))
        proportionalMeasures = table(f.proportionalMeasures)
        multiples = WordTable((f.multiples ?? [:]).map { (EntityData.norm($0.key), $0.value) })
    }

    /// The damages verb of a damages clause without a measure in the sentence `r` (in clause
    /// `clause`), if it is one: it names a breach, or sits in a breach clause (违约责任).
    func damagesVerb(in r: Range<Int>, clause: Int?, _ ctx: FactContext) -> Range<Int>? {
        guard ctx.contains(harms, in: r), ctx.contains(conditions, in: r) else { return nil }
        guard ctx.contains(breach, in: r) || inBreachClause(clause, ctx.doc) else { return nil }
        for v in ctx.findAll(damageVerbs, in: r) {
            if v.range.upperBound < r.upperBound, ctx.match(notAfterVerb, at: v.range.upperBound) != nil { continue }
            if negated(before: v.range.lowerBound, from: r.lowerBound, ctx) { continue }
            return v.range
        }
        return nil
    }

    private func inBreachClause(_ clause: Int?, _ doc: Document) -> Bool {
        var c = clause
        var steps = 0
        while let i = c, steps < 8 {
            if let t = doc.clauses[i].title, clauseTitles.contains(where: { t.contains($0) }) { return true }
            c = doc.clauses[i].parent
            steps += 1
        }
        return false
    }

    /// A performance bond forfeited in `r` (甲方并得没收履约保证金, 有权扣除品牌保证金): a forfeiture
    /// verb with a bond word right after it (a few characters on).
    func forfeitsBond(in r: Range<Int>, _ ctx: FactContext) -> Bool {
        // A deposit kept as a sanction: a kept verb right after it (押金不予退还) or right before it (不退还押金).
        if adjacent(keptDeposits, keptVerbs, in: r, window: 9, ctx) || adjacent(keptVerbs, keptDeposits, in: r, window: 9, ctx) { return true }
        guard ctx.contains(bonds, in: r) else { return false }
        return adjacent(forfeitVerbs, bonds, in: r, window: 8, ctx)
    }

    /// Whether a `first` word is followed by a `second` one that starts at most three characters
    /// after it and ends within `window` characters of it (没收履约保证金, 押金概不退还).
    private func adjacent(_ first: WordTable<Bool>, _ second: WordTable<Bool>, in r: Range<Int>, window: Int, _ ctx: FactContext) -> Bool {
        for a in ctx.findAll(first, in: r) {
            let w = a.range.upperBound..<min(r.upperBound, a.range.upperBound + window)
            if let b = ctx.first(second, in: w), b.range.lowerBound - a.range.upperBound <= 3 { return true }
        }
        return false
    }

    /// The party whose forfeited bond it is, when the text names it before the bond (没收乙方的履约保证金).
    func bondOwner(in r: Range<Int>, _ ctx: FactContext) -> String? {
        for v in ctx.findAll(forfeitVerbs, in: r) {
            let window = v.range.upperBound..<min(r.upperBound, v.range.upperBound + 8)
            guard let b = ctx.first(bonds, in: window) else { continue }
            guard let role = ctx.roles(in: v.range.upperBound..<b.range.lowerBound).last else { continue }
            var k = role.range.upperBound
            while k < b.range.lowerBound && (FactContext.isSpace(ctx.t[k]) || ctx.t[k] == 0x7684 /* 的 */) { k += 1 }
            if k == b.range.lowerBound { return ctx.role(role.label) }
        }
        return nil
    }

    /// Whose 定金 a sentence keeps (…，甲方有权解除合同，乙方已付定金不予退还; 甲方有权没收乙方支付的定金):
    /// a role right before the deposit word, with only characters of having paid it between
    /// (`bondForfeiture.paidMarks`: 已付, 所交, 支付的), in a sentence with a forfeiture verb. The one whose deposit is kept pays the penalty.
    func depositOwner(in r: Range<Int>, _ ctx: FactContext) -> String? {
        guard ctx.contains(forfeitVerbs, in: r) else { return nil }
        for d in ctx.findAll(ctx.data.depositWords, in: r) {
            var k = d.range.lowerBound
            while k > r.lowerBound && k > d.range.lowerBound - Self.paidGap && paidMarks.contains(ctx.t[k - 1]) { k -= 1 }
            guard let role = ctx.roles(in: r.lowerBound..<d.range.lowerBound).last, role.range.upperBound == k else { continue }
            return ctx.role(role.label)
        }
        return nil
    }
    /// Most characters of "having paid it" between an owner and its deposit.
    static let paidGap = 5

    /// Interest charged at a rate on a sum in arrears (如乙方拖欠租金…，甲方有权就欠款按年息百分之八计收
    /// 利息): a late-payment penalty though no penalty word is written.
    func chargesArrearsInterest(in r: Range<Int>, _ ctx: FactContext) -> Bool {
        ctx.contains(arrearsMarkers, in: r) && ctx.contains(interestWords, in: r)
            && !ctx.entities(.percentage, in: r).isEmpty
    }

    /// Whether a percentage is the threshold of a condition (可用性低于99.9%的, 超过5%时): a comparison
    /// word right before it.
    func isThreshold(_ e: Entity, in r: Range<Int>, _ ctx: FactContext) -> Bool {
        var k = e.range.lowerBound
        while k > r.lowerBound && FactContext.isSpace(ctx.t[k - 1]) { k -= 1 }
        return ctx.match(thresholds, endingAt: k) != nil
    }

    /// A penalty measured by a share of a base, with no figure (所应分摊的培训费用).
    func isProportional(in r: Range<Int>, _ ctx: FactContext) -> Bool { ctx.contains(proportionalMeasures, in: r) }

    /// Interest on late payment at a named reference rate (no figure).
    func isReferenceRateInterest(in r: Range<Int>, _ ctx: FactContext) -> Bool {
        ctx.contains(interestWords, in: r) && ctx.contains(referenceRates, in: r)
    }

    /// The role that breaches in `r`: the first one a breach word follows (甲方不交付车辆的, 乙方无故拒绝).
    func breachingRole(in r: Range<Int>, _ ctx: FactContext) -> String? {
        for m in ctx.roles(in: r) where !ctx.isObject(m.range, in: r) {
            var k = m.range.upperBound
            if k < r.upperBound && ctx.t[k] == 0x5982 { k += 1 }   // 如
            if k < r.upperBound, ctx.match(breachMarkers, at: k) != nil { return ctx.role(m.label) }
        }
        return nil
    }

    /// A negation ending at most two characters before `i` (不予赔偿, 不另行赔偿).
    private func negated(before i: Int, from lo: Int, _ ctx: FactContext) -> Bool {
        for gap in 0...2 where i - gap > lo {
            if let m = ctx.match(notBeforeVerb, endingAt: i - gap), m.start >= lo { return true }
        }
        return false
    }
}
