/// Runs the entity extractors over a document and resolves overlaps: money and dates first, then
/// durations outside them, then percentages and numbers (numbers inside other entities are
/// reported only when asked for explicitly). Nothing is read inside a web or e-mail address.
///
/// ```swift
/// let entities = try EntityExtractor(knowledge: kb).extract(doc, dims: [.money])
/// ```
public struct EntityExtractor: Sendable {
    let data: EntityData
    /// The date two-digit years are read near when the text has no four-digit year of its own
    /// ("YYYY-MM-DD"; nil: the fixed POSIX %y pivot, 69–99 → 19xx, 00–68 → 20xx).
    public var referenceDate: String? {
        didSet { referenceYear = referenceDate.flatMap { Int($0.prefix(4)) } }
    }
    private var referenceYear: Int?

    /// Creates an extractor from loaded rule data.
    public init(knowledge: KnowledgeBase, referenceDate: String? = nil) {
        data = knowledge.entities
        self.referenceDate = referenceDate
        referenceYear = referenceDate.flatMap { Int($0.prefix(4)) }
    }

    /// Entities of the requested dimensions, in text order.
    public func extract(_ doc: Document, dims: Set<EntityDimension> = Set(EntityDimension.allCases)) -> [Entity] {
        let parser = NumberParser(data: data)
        // Normalized offsets already covered by an accepted entity.
        var taken = [Bool](repeating: false, count: doc.normalized.count)
        var out: [Entity] = []
        func free(_ r: Range<Int>) -> Bool { !taken[r].contains(true) }
        func take(_ r: Range<Int>) { for k in r { taken[k] = true } }
        // Figures inside a web or e-mail address are parts of it (…/2024/05/01/…, q=30%).
        let addresses = WebAddresses.ranges(doc.normalized)
        for r in addresses { take(r) }

        let money = MoneyExtractor(data: data, parser: parser).extract(doc)
        let dates = DateExtractor(data: data, parser: parser, referenceYear: referenceYear).extract(doc)
        for d in dates where free(d.range) { take(d.range); if dims.contains(.date) { out.append(d) } }
        for m in money where free(m.range) { take(m.range); if dims.contains(.money) { out.append(m) } }
        for m in TableMoneyExtractor(data: data).extract(doc, near: money) where free(m.range) {
            take(m.range)
            if dims.contains(.money) { out.append(m) }
        }
        let durations = DurationExtractor(data: data, parser: parser).extract(doc)
        for d in durations where free(d.range) { take(d.range); if dims.contains(.duration) { out.append(d) } }
        if dims.contains(.percentage) || dims.contains(.number) {
            let explicitNumbers = dims.contains(.number) && !dims.contains(.money)
            for n in NumberExtractor(parser: parser).extract(doc, numbers: dims.contains(.number), keep: { explicitNumbers || free($0) })
                where dims.contains(n.dim) {
                guard !addresses.contains(where: { $0.overlaps(n.range) }) else { continue }
                if n.dim == .percentage || explicitNumbers || free(n.range) { out.append(n) }
            }
        }
        // Sort small keys, not the (large) entities themselves.
        let order = out.indices.sorted { a, b in
            let x = out[a].range, y = out[b].range
            if x.lowerBound != y.lowerBound { return x.lowerBound < y.lowerBound }
            if x.upperBound != y.upperBound { return x.upperBound > y.upperBound }
            return a < b
        }
        return order.map { out[$0] }
    }
}
