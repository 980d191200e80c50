import Foundation

/// Scores extracted facts against the gold annotations in Corpus/documents/*.gold.json (format in
/// Corpus/README.md): precision, recall and F1 per dimension and per field, with every miss listed.
///
/// ```swift
/// let result = try FactEvaluation.run(corpus: "Corpus", pipeline: try Pipeline())
/// print(result.renderText())
/// ```
public struct FactEvaluation: Codable, Sendable {
    /// Counts and scores for one dimension or field.
    public struct Score: Codable, Sendable {
        /// Dimension (parties) or dimension.field (parties.name).
        public var name: String
        /// True positives.
        public var tp = 0
        /// False positives.
        public var fp = 0
        /// False negatives.
        public var fn = 0
        /// Precision (1 when nothing was predicted).
        public var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        /// Recall (1 when nothing was expected).
        public var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        /// F1.
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        enum CodingKeys: String, CodingKey { case name, tp, fp, fn, precision, recall, f1 }
        init(name: String) { self.name = name }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            tp = try c.decode(Int.self, forKey: .tp)
            fp = try c.decode(Int.self, forKey: .fp)
            fn = try c.decode(Int.self, forKey: .fn)
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(tp, forKey: .tp)
            try c.encode(fp, forKey: .fp)
            try c.encode(fn, forKey: .fn)
            try c.encode(precision, forKey: .precision)
            try c.encode(recall, forKey: .recall)
            try c.encode(f1, forKey: .f1)
        }
    }

    /// A gold item not found, or a found item not in the gold.
    public struct Miss: Codable, Sendable {
        /// Document id.
        public var document: String
        /// Dimension.
        public var dimension: String
        /// "missing" (in gold, not found) or "spurious" (found, not in gold).
        public var kind: String
        /// The item key.
        public var item: String
    }

    /// The folder evaluated (relative to the corpus), e.g. `documents` or `blind/documents`.
    public var directory = "documents"
    /// Documents evaluated.
    public var documents = 0
    /// Per-dimension scores: parties, amounts, dates, deadlines, penalties, risks.
    public var dimensions: [Score] = []
    /// Per-field scores.
    public var fields: [Score] = []
    /// Every miss.
    public var misses: [Miss] = []
    /// Inputs that could not be read.
    public var errors: [String] = []

    /// The score of a dimension or field.
    public func score(_ name: String) -> Score? { (dimensions + fields).first { $0.name == name } }

    // MARK: Gold format

    /// The gold format of Corpus/README.md; the keys after `risks` are the extended format (periods,
    /// obligors, dated deadlines, party details, schedule, dispute resolution, contract type): a
    /// dimension they feed is scored only over the documents whose gold has it.
    struct Gold: Decodable {
        struct Cls: Decodable { var isContract: Bool; var category: String?; var genre: String?; var contractType: String? }
        struct Account: Decodable { var bank: String?; var account: String? }
        struct P: Decodable {
            var role: String; var side: String; var name: String?
            var idNumber: String?; var phone: String?; var taxId: String?; var bankAccounts: [Account]?
        }
        struct A: Decodable { var value: Double?; var purpose: String }
        struct D: Decodable {
            var anchor: String?; var amount: Double?; var unit: String?; var bound: String
            var obligor: String?; var date: String?
            var hasObligor: Bool; var isDated: Bool
            enum CodingKeys: String, CodingKey { case anchor, amount, unit, bound, obligor, date }
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                anchor = try c.decodeIfPresent(String.self, forKey: .anchor)
                amount = try c.decodeIfPresent(Double.self, forKey: .amount)
                unit = try c.decodeIfPresent(String.self, forKey: .unit)
                bound = try c.decode(String.self, forKey: .bound)
                obligor = try c.decodeIfPresent(String.self, forKey: .obligor)
                date = try c.decodeIfPresent(String.self, forKey: .date)
                hasObligor = c.contains(.obligor)
                isDated = anchor == nil && c.contains(.date)
            }
        }
        struct N: Decodable { var payer: String?; var form: String; var rate: Double?; var per: String?; var amount: Double? }
        struct Per: Decodable { var kind: String; var start: String?; var end: String?; var amount: Double?; var unit: String? }
        struct Sched: Decodable { var share: Double?; var amount: Double?; var trigger: String }
        struct Dispute: Decodable { var method: String }
        var classification: Cls
        var encoding: String?
        var parties: [P]?
        var amounts: [A]?
        var dates: [String]?
        var deadlines: [D]?
        var penalties: [N]?
        var risks: [String]?
        var periods: [Per]?
        var contractTermMonths: Double?
        var paymentSchedule: [Sched]?
        var disputeResolution: Dispute?

        /// Whether the deadlines follow the extended format (obligors, dated deadlines).
        var extendedDeadlines: Bool { (deadlines ?? []).contains { $0.hasObligor || $0.isDated } }
    }

    // MARK: Running

    /// Evaluates every `<id>.txt` with a `<id>.gold.json` in `corpus/documents`. With
    /// `goldCategory`, the gold category replaces the classifier's (to score facts alone).
    /// `directory` (under `corpus`) picks another annotated set, such as `blind/documents`.
    /// `transform`, when given, rewrites each document's text before it is analyzed (the OCR noise
    /// model of `qiyue eval --noisy`); with `recognized`, the rewritten text is analyzed as OCR
    /// output is (one recognized page), as a scan's text would be.
    public static func run(corpus: String, pipeline: Pipeline, goldCategory: Bool = false,
                           directory: String = "documents", recognized: Bool = false,
                           transform: ((String, String) -> String)? = nil) throws -> FactEvaluation {
        let dir = corpus + "/" + directory
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".gold.json") }.sorted()
        guard !names.isEmpty else { throw QiyueError(.usage, path: dir, "no *.gold.json files") }
        var ev = FactEvaluation()
        ev.directory = directory
        var acc: [String: Score] = [:]
        func add(_ name: String, _ gold: [String], _ found: [String], doc: String, record: Bool) {
            var s = acc[name] ?? Score(name: name)
            var remaining = found
            for g in gold {
                if let i = remaining.firstIndex(of: g) { remaining.remove(at: i); s.tp += 1 } else {
                    s.fn += 1
                    if record { ev.misses.append(Miss(document: doc, dimension: name, kind: "missing", item: g)) }
                }
            }
            s.fp += remaining.count
            if record { for r in remaining { ev.misses.append(Miss(document: doc, dimension: name, kind: "spurious", item: r)) } }
            acc[name] = s
        }
        for n in names {
            let id = String(n.dropLast(".gold.json".count))
            let goldData = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + n))
            let gold: Gold
            do { gold = try JSONDecoder().decode(Gold.self, from: goldData) } catch {
                throw QiyueError(.usage, path: dir + "/" + n, "not a gold file: \(error)")
            }
            let report: ContractReport
            do {
                let category = goldCategory && gold.classification.isContract ? gold.classification.category : nil
                if let transform {
                    let clean = try TextDecoder().decode(contentsOf: dir + "/" + id + ".txt").text
                    let text = DecodedText(text: transform(clean, id), encoding: "UTF-8", format: .text)
                    var source = SourceInfo(path: dir + "/" + id + ".txt")
                    if recognized {
                        source.pages = [PageInfo(number: 1, span: TextSpan(0, text.scalars.count), width: 0, height: 0, unit: "px", ocr: true)]
                    }
                    report = pipeline.report(text, source: source, category: category)
                } else {
                    report = try pipeline.report(contentsOf: dir + "/" + id + ".txt", category: category)
                }
            } catch {
                ev.errors.append("\(id): \(error)")
                continue
            }
            ev.documents += 1
            // Classification (every document): contract or not, and the category of contracts.
            add("classification", [gold.classification.isContract ? (gold.classification.category ?? "contract") : "not_contract"],
                [report.classification.isContract ? (report.classification.category ?? "contract") : "not_contract"], doc: id, record: true)
            if let t = gold.classification.contractType {
                add("contractType", [t], report.classification.contractType.map { [$0] } ?? [], doc: id, record: true)
            }
            // Parties: (side, name).
            add("parties", (gold.parties ?? []).map { "\($0.side)|\($0.name ?? "∅")" },
                report.parties.map { "\($0.side)|\($0.name ?? "∅")" }, doc: id, record: true)
            add("parties.name", (gold.parties ?? []).map { "\($0.role)|\($0.name ?? "∅")" },
                report.parties.map { "\($0.role)|\($0.name ?? "∅")" }, doc: id, record: false)
            add("parties.side", (gold.parties ?? []).map { "\($0.role)|\($0.side)" },
                report.parties.map { "\($0.role)|\($0.side)" }, doc: id, record: false)
            // Amounts: (value, purpose).
            add("amounts", (gold.amounts ?? []).map { "\(num($0.value))|\($0.purpose)" },
                report.amounts.map { "\(num($0.value))|\($0.purpose)" }, doc: id, record: true)
            add("amounts.value", (gold.amounts ?? []).map { num($0.value) }, report.amounts.map { num($0.value) }, doc: id, record: false)
            // Dates.
            add("dates", gold.dates ?? [], Array(Set(report.dates.map(\.value))), doc: id, record: true)
            // Deadlines: relative ones (anchor, duration, bound); in the extended format also the
            // dated ones (date or blank, bound), each with its obligor.
            let rel = report.deadlines.compactMap { d in d.relative.map { (d, $0) } }
            if gold.extendedDeadlines {
                add("deadlines", (gold.deadlines ?? []).map(goldDeadlineKey), report.deadlines.map(deadlineKey), doc: id, record: true)
                add("deadlines.obligor", (gold.deadlines ?? []).map { $0.obligor ?? "∅" }, report.deadlines.map { $0.obligor ?? "∅" },
                    doc: id, record: false)
            } else {
                add("deadlines", (gold.deadlines ?? []).map { "\($0.anchor ?? "∅")|\(num($0.amount))|\($0.unit ?? "∅")|\($0.bound)" },
                    rel.map { "\($1.anchor)|\(num($1.amount))|\($1.unit)|\($0.bound)" }, doc: id, record: true)
            }
            add("deadlines.duration", (gold.deadlines ?? []).filter { !$0.isDated }.map { "\(num($0.amount))|\($0.unit ?? "∅")|\($0.bound)" },
                rel.map { "\(num($1.amount))|\($1.unit)|\($0.bound)" }, doc: id, record: false)
            // Periods: kind with start/end, or kind with duration, as the gold gives it.
            if let gp = gold.periods {
                var found = report.periods
                var s = acc["periods"] ?? Score(name: "periods")
                for g in gp {
                    if let i = found.firstIndex(where: { periodMatches(g, $0) }) { found.remove(at: i); s.tp += 1 } else {
                        s.fn += 1
                        ev.misses.append(Miss(document: id, dimension: "periods", kind: "missing", item: periodKey(g)))
                    }
                }
                s.fp += found.count
                for f in found { ev.misses.append(Miss(document: id, dimension: "periods", kind: "spurious", item: periodKey(f))) }
                acc["periods"] = s
            }
            if let ps = gold.paymentSchedule {
                func key(_ share: Double?, _ amount: Double?, _ trigger: String) -> String {
                    share.map { "share:\(num($0))|\(trigger)" } ?? "amount:\(num(amount))|\(trigger)"
                }
                // Keyed by what the gold gives: the share when it has one, else the amount.
                let found = report.document.paymentSchedule ?? []
                var foundKeys: [String] = []
                for (k, f) in found.enumerated() {
                    let g = k < ps.count ? ps[k] : nil
                    foundKeys.append(key(g?.share == nil && f.amount != nil ? nil : f.share, f.amount, f.trigger))
                }
                add("paymentSchedule", ps.map { key($0.share, $0.amount, $0.trigger) }, foundKeys, doc: id, record: true)
            }
            if let d = gold.disputeResolution {
                add("disputeResolution", [d.method], report.document.disputeResolution.map { [$0.method] } ?? [], doc: id, record: true)
            }
            if let m = gold.contractTermMonths {
                let got = report.document.contractTermMonths
                add("contractTermMonths", [num(m)], got.map { abs($0 - m) < 0.5 ? [num(m)] : [num($0)] } ?? [], doc: id, record: true)
            }
            // Party details (IDs, phones, tax ids, bank accounts), where the gold gives them.
            let goldDetails = (gold.parties ?? []).flatMap(goldDetailKeys)
            if !goldDetails.isEmpty {
                add("parties.details", goldDetails, report.parties.flatMap(detailKeys), doc: id, record: true)
            }
            // Penalties: (payer, form, rate or amount).
            add("penalties", (gold.penalties ?? []).map { penaltyKey($0.payer, $0.form, $0.rate, $0.amount) },
                report.penalties.map { penaltyKey($0.payer, $0.form, $0.rate, $0.amount) }, doc: id, record: true)
            add("penalties.form", (gold.penalties ?? []).map { "\($0.form)|\(num($0.rate ?? $0.amount))" },
                report.penalties.map { "\($0.form)|\(num($0.rate ?? $0.amount))" }, doc: id, record: false)
            add("penalties.payer", (gold.penalties ?? []).map { $0.payer ?? "∅" }, report.penalties.map { $0.payer ?? "∅" }, doc: id, record: false)
            // Risks.
            add("risks", Array(Set(gold.risks ?? [])).sorted(), Array(Set(report.risks.map(\.rule))).sorted(), doc: id, record: true)
        }
        let dims = ["classification", "contractType", "parties", "parties.details", "amounts", "dates", "deadlines", "periods",
                    "contractTermMonths", "penalties", "paymentSchedule", "disputeResolution", "risks"]
        ev.dimensions = dims.compactMap { acc[$0] }
        ev.fields = acc.keys.filter { !dims.contains($0) }.sorted().compactMap { acc[$0] }
        return ev
    }

    static func goldDeadlineKey(_ d: Gold.D) -> String {
        let o = d.obligor ?? "∅"
        if d.isDated { return "date:\(d.date ?? "blank")|\(d.bound)|\(o)" }
        return "\(d.anchor ?? "∅")|\(num(d.amount))|\(d.unit ?? "∅")|\(d.bound)|\(o)"
    }

    static func deadlineKey(_ d: Deadline) -> String {
        let o = d.obligor ?? "∅"
        if let r = d.relative { return "\(r.anchor)|\(num(r.amount))|\(r.unit)|\(d.bound)|\(o)" }
        return "date:\(d.date ?? "blank")|\(d.bound)|\(o)"
    }

    static func periodMatches(_ g: Gold.Per, _ p: Period) -> Bool {
        guard g.kind == p.kind else { return false }
        if g.start != nil || g.end != nil { return g.start == p.start && g.end == p.end }
        // A period the template leaves blank (gold: no dates, no amount) is found as a blank period of
        // its kind; the unit printed beside the blank (有效期____年) is not compared.
        if g.amount == nil { return p.blank == true }
        guard let a = g.amount, let u = g.unit, let d = p.duration else { return false }
        return d.unit == u && abs(d.amount - a) < 1e-9
    }

    static func periodKey(_ g: Gold.Per) -> String {
        g.start != nil || g.end != nil ? "\(g.kind)|\(g.start ?? "∅")..\(g.end ?? "∅")" : "\(g.kind)|\(num(g.amount))|\(g.unit ?? "∅")"
    }

    static func periodKey(_ p: Period) -> String {
        p.start != nil || p.end != nil ? "\(p.kind)|\(p.start ?? "∅")..\(p.end ?? "∅")"
            : "\(p.kind)|\(num(p.duration?.amount))|\(p.duration?.unit ?? "∅")"
    }

    /// Digits and letters only, upper-cased: "0574-8688 2130" and "057486882130" are one number.
    /// An identifier, phone or account as letters and digits only, full-width forms folded
    /// (９１４４… and 9144… are the same number).
    static func compact(_ s: String) -> String {
        String(String.UnicodeScalarView(s.precomposedStringWithCompatibilityMapping.uppercased().unicodeScalars
            .filter { CharacterSet.alphanumerics.contains($0) }))
    }

    static func goldDetailKeys(_ p: Gold.P) -> [String] {
        var out: [String] = []
        if let v = p.idNumber { out.append("\(p.role)|id|\(compact(v))") }
        if let v = p.taxId { out.append("\(p.role)|id|\(compact(v))") }
        if let v = p.phone { out.append("\(p.role)|phone|\(compact(v))") }
        for a in p.bankAccounts ?? [] { if let v = a.account { out.append("\(p.role)|account|\(compact(v))") } }
        return out
    }

    static func detailKeys(_ p: Party) -> [String] {
        var out = p.ids.map { "\(p.role)|id|\(compact($0.value))" } + p.phones.map { "\(p.role)|phone|\(compact($0))" }
        if let t = p.taxId, !p.ids.contains(where: { compact($0.value) == compact(t) }) { out.append("\(p.role)|id|\(compact(t))") }
        for a in p.bankAccounts ?? [] { if let v = a.account { out.append("\(p.role)|account|\(compact(v))") } }
        return out
    }

    static func num(_ v: Double?) -> String {
        guard let v else { return "blank" }
        return String(format: "%.6g", v)
    }

    static func penaltyKey(_ payer: String?, _ form: String, _ rate: Double?, _ amount: Double?) -> String {
        switch form {
        case "periodic", "one_off": "\(payer ?? "∅")|\(form)|\(num(rate))"
        case "fixed": "\(payer ?? "∅")|fixed|\(num(amount))"
        default: "\(payer ?? "∅")|\(form)"
        }
    }

    /// A printable table of the scores and the misses.
    public func renderText(misses showMisses: Bool = true) -> String {
        var out = "Facts over \(documents) documents (Corpus/\(directory))\n"
        out += "dimension              P      R      F1     tp   fp   fn\n"
        func row(_ s: Score) -> String {
            let name = s.name.padding(toLength: 20, withPad: " ", startingAt: 0)
            return String(format: "%@ %6.3f %6.3f %6.3f %5d %4d %4d\n", name, s.precision, s.recall, s.f1, s.tp, s.fp, s.fn)
        }
        for s in dimensions { out += row(s) }
        out += "fields\n"
        for s in fields { out += row(s) }
        for e in errors { out += "error: \(e)\n" }
        if showMisses && !misses.isEmpty {
            out += "misses (\(misses.count))\n"
            for m in misses { out += "  \(m.document) \(m.dimension) \(m.kind): \(m.item)\n" }
        }
        return out
    }
}
