/// What every fact extractor reads: the document, its entities and precomputed look-ups
/// (token boundaries, role-label mentions), with small scanning helpers over the normalized text.
struct FactContext {
    let doc: Document
    let data: FactData
    let entities: [Entity]
    /// The normalized text.
    let t: [UInt32]
    /// The contract category, when known (decides the sides of 甲方/乙方).
    let category: String?
    /// Token start / end positions.
    private let tokenStart: [Bool]
    private let tokenEnd: [Bool]
    /// The longest entity, in normalized scalars (bounds the look-back of ``entities(_:in:)``).
    private let longestEntity: Int
    /// Role-label mentions, token-aligned, in text order.
    private(set) var roleMentions: [(range: Range<Int>, label: String)] = []
    /// Label → the party's primary role label (出卖人 → 甲方 when 出卖人（甲方）).
    var primaryRole: [String: String] = [:]
    /// Primary role label → side, once the parties are known.
    var sides: [String: String] = [:]
    /// Counts the characters the scanning helpers visit, when a test asks (nil otherwise).
    let meter: WorkMeter?

    init(doc: Document, data: FactData, entities: [Entity], category: String?, meter: WorkMeter? = nil) {
        self.doc = doc
        self.meter = meter
        self.data = data
        self.entities = entities
        self.category = category
        t = doc.normalized
        var s = [Bool](repeating: false, count: t.count + 1)
        var e = [Bool](repeating: false, count: t.count + 1)
        for tok in doc.tokens { s[Int(tok.start)] = true; e[Int(tok.end)] = true }
        s[t.count] = true
        e[0] = true
        tokenStart = s
        tokenEnd = e
        longestEntity = entities.map(\.range.count).max() ?? 0
        roleMentions = findAll(data.roles, in: 0..<t.count, aligned: true).map { ($0.range, text($0.range)) }
        // Labels the contract defines for itself (房屋征收部门：…) when the list names too few parties.
        let defined = DefinedRoles.mentions(self, known: roleMentions)
        if !defined.isEmpty {
            roleMentions = (roleMentions + defined).sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
    }

    // MARK: Scanning

    /// Non-overlapping longest matches of a table's words in `range`, left to right. With `aligned`,
    /// a match must start and end on token boundaries (so 供方 is not found inside 提供方便).
    func findAll<V>(_ table: WordTable<V>, in range: Range<Int>, aligned: Bool = false) -> [(range: Range<Int>, value: V)] {
        var out: [(Range<Int>, V)] = []
        meter?.add(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            if table.startsWord(t[i]), let m = table.match(t, at: i), m.end <= range.upperBound,
               !aligned || (tokenStart[i] && tokenEnd[m.end]) {
                out.append((i..<m.end, m.value))
                i = m.end
            } else {
                i += 1
            }
        }
        return out
    }

    /// The first match in `range`.
    func first<V>(_ table: WordTable<V>, in range: Range<Int>) -> (range: Range<Int>, value: V)? {
        var i = range.lowerBound
        defer { meter?.add(i - range.lowerBound + 1) }
        while i < range.upperBound {
            if table.startsWord(t[i]), let m = table.match(t, at: i), m.end <= range.upperBound { return (i..<m.end, m.value) }
            i += 1
        }
        return nil
    }

    /// Whether any of `words` (scalar sequences) occurs in `range`.
    func containsAny(_ words: [[UInt32]], in range: Range<Int>) -> Bool {
        meter?.add(range.count * words.count)
        for w in words where !w.isEmpty && w.count <= range.count {
            var i = range.lowerBound
            let last = range.upperBound - w.count
            while i <= last {
                if t[i] == w[0] {
                    var k = 1
                    while k < w.count && t[i + k] == w[k] { k += 1 }
                    if k == w.count { return true }
                }
                i += 1
            }
        }
        return false
    }

    /// Whether any word of the table occurs in `range`.
    func contains<V>(_ table: WordTable<V>, in range: Range<Int>) -> Bool { first(table, in: range) != nil }

    /// The match nearest to the end of `range` (ending at or before it).
    func last<V>(_ table: WordTable<V>, in range: Range<Int>) -> (range: Range<Int>, value: V)? {
        findAll(table, in: range).last
    }

    /// The word matched exactly at `i`.
    func match<V>(_ table: WordTable<V>, at i: Int) -> (end: Int, value: V)? {
        meter?.add(1)
        return i < t.count ? table.match(t, at: i) : nil
    }

    /// The word ending exactly at `i`.
    func match<V>(_ table: WordTable<V>, endingAt i: Int) -> (start: Int, value: V)? {
        table.match(t, endingAt: i)
    }

    // MARK: Ranges

    /// The sentence containing `offset` (or a zero-length range there).
    func sentence(at offset: Int) -> Range<Int> {
        if let i = doc.sentenceIndex(at: offset) { return doc.sentences[i].range }
        return offset..<offset
    }

    /// The phrase containing `offset`: the sentence part between commas, colons and semicolons.
    func phrase(at offset: Int) -> Range<Int> {
        let s = sentence(at: offset)
        var a = offset, b = offset
        defer { meter?.add(b - a + 1) }
        while a > s.lowerBound && !Self.isPhraseBreak(t[a - 1]) { a -= 1 }
        while b < s.upperBound && !Self.isPhraseBreak(t[b]) { b += 1 }
        return a..<b
    }

    static func isPhraseBreak(_ c: UInt32) -> Bool {
        c == 0x2C || c == 0xFF0C || c == 0x3001 || c == 0x3B || c == 0x3A || c == 0x3002 || c == 0x0A
            || c == 0x21 || c == 0x3F
    }

    static func isSpace(_ c: UInt32) -> Bool { c == 0x20 || c == 0x09 || c == 0x3000 || c == 0x5F || c == 0xA0 }


    /// `a..<b`, or the empty range at `a` when `b` is before it (an entity may run past the
    /// phrase or sentence it starts in: 1,200 crosses a comma, an OCR figure a line break).
    static func upTo(_ a: Int, _ b: Int) -> Range<Int> { a..<max(a, b) }

    /// The start of the line that holds `offset`.
    func lineStart(of offset: Int) -> Int {
        var a = offset
        while a > 0 && t[a - 1] != 0x0A { a -= 1 }
        return a
    }

    /// The start of the line before the line that starts at `start` (> 0).
    func lineStart(before start: Int) -> Int { lineStart(of: start - 1) }

    /// The header row of the table whose row holds `offset` (rows are lines of tab-separated cells
    /// once normalized; a markdown rule line between header and rows is stepped over), when that row
    /// is not the header itself.
    func tableHeader(of offset: Int) -> Range<Int>? {
        let a = lineStart(of: offset)
        func hasTab(_ s: Int) -> Bool {
            var k = s
            while k < t.count && t[k] != 0x0A { if t[k] == 0x09 { return true }; k += 1 }
            return false
        }
        guard hasTab(a) else { return nil }
        var header = a
        for _ in 0..<Self.tableLookBack {
            guard header > 0 else { break }
            let p = lineStart(before: header)
            if !hasTab(p), p > 0,
               (p..<(header - 1)).allSatisfy({ Self.isSpace(t[$0]) || t[$0] == 0x2D || t[$0] == 0x7C || t[$0] == 0x3A }) {
                let q = lineStart(before: p)
                if hasTab(q) { header = q; continue }
            }
            guard hasTab(p) else { break }
            header = p
        }
        guard header < a else { return nil }
        var e = header
        while e < t.count && t[e] != 0x0A { e += 1 }
        return header..<e
    }

    /// `r` from the end of the sentence before it (。！？ or a line break): the pieces of a list after
    /// a colon (按下列标准支付违约金：低于99.9%的，按10%支付；低于99.0%的，按25%支付) share its lead. A
    /// list set one item per line reaches back over the items before it (lines ending with ；) to
    /// the line that ends with the lead's colon (…支付违约金：⏎- 出发前7日解除的，支付…的20%；).
    func withListLead(_ r: Range<Int>) -> Range<Int> {
        var a = r.lowerBound
        while true {
            while a > 0 && !Self.sentenceEnds.contains(t[a - 1]) && r.lowerBound - a < Self.leadLimit { a -= 1 }
            guard a > 1, t[a - 1] == 0x0A, r.lowerBound - a < Self.leadLimit else { break }
            // (One blank line may stand between the lead and its items, as Markdown sets a list.)
            var p = a - 1
            var blankLines = 0
            while p > 0 && (Self.isSpace(t[p - 1]) || (t[p - 1] == 0x0A && blankLines == 0)) {
                if t[p - 1] == 0x0A { blankLines += 1 }
                p -= 1
            }
            guard p > 0, Self.listLineEnds.contains(t[p - 1]) else { break }
            a = p - 1
            if t[p - 1] == 0x3A || t[p - 1] == 0xFF1A {
                while a > 0 && !Self.sentenceEnds.contains(t[a - 1]) && r.lowerBound - a < Self.leadLimit { a -= 1 }
                break
            }
        }
        return a..<r.upperBound
    }
    /// How a line of a list ends: the lead's colon, or an item's semicolon.
    static let listLineEnds = ScalarSet(":：;；")
    static let sentenceEnds = ScalarSet("。！？!?\n")
    /// How far back the lead of a list is looked for.
    static let leadLimit = 400

    /// How many rows above a cell a table's header row may be.
    static let tableLookBack = 30

    /// Normalized text of a range.
    func text(_ r: Range<Int>) -> String { ScalarDecoding.string(t, r.lowerBound, r.upperBound) }

    /// The original text under a normalized range, without the spaces typesetting or OCR put
    /// between CJK characters ("赵 立 军" → "赵立军"); Traditional characters stay as written.
    func originalClean(_ r: Range<Int>) -> String {
        let span = doc.originalSpan(r)
        meter?.add(span.end - span.start)
        let o = doc.originalScalars
        var out = String.UnicodeScalarView()
        var i = span.start
        while i < span.end {
            let c = o[i]
            if c == 0x20 || c == 0x3000 || c == 0x09 || c == 0x0A || c == 0x0D {
                var j = i
                while j < span.end && (o[j] == 0x20 || o[j] == 0x3000 || o[j] == 0x09 || o[j] == 0x0A || o[j] == 0x0D) { j += 1 }
                let prev = out.last?.value ?? 0
                let next = j < span.end ? o[j] : 0
                if prev < 0x80 && next < 0x80 && prev != 0 && next != 0 { out.append(" ") }
                i = j
                continue
            }
            if let u = Unicode.Scalar(c) { out.append(u) }
            i += 1
        }
        return String(out)
    }

    /// `range` without leading and trailing spaces / blank marks.
    func trimmed(_ r: Range<Int>) -> Range<Int> {
        let out = Self.trimmed(t, r)
        meter?.add(r.count - out.count + 1)
        return out
    }

    /// `r` without the spaces and blanks (`isSpace`) at either end.
    static func trimmed(_ t: [UInt32], _ r: Range<Int>) -> Range<Int> {
        var a = r.lowerBound, b = r.upperBound
        while a < b && isSpace(t[a]) { a += 1 }
        while b > a && isSpace(t[b - 1]) { b -= 1 }
        return a..<b
    }

    /// Entities of a dimension overlapping `range` (entities are sorted by start).
    func entities(_ dim: EntityDimension, in range: Range<Int>) -> [Entity] {
        var out: [Entity] = []
        // An entity overlapping the range starts at most `longestEntity` before it.
        var i = entities.partitioningIndex { $0.range.lowerBound >= range.lowerBound - longestEntity }
        let from = i
        defer { meter?.add(i - from + 1) }
        while i < entities.count && entities[i].range.lowerBound < range.upperBound {
            if entities[i].dim == dim && entities[i].range.overlaps(range) { out.append(entities[i]) }
            i += 1
        }
        return out
    }

    /// Role mentions starting in `range`.
    func roles(in range: Range<Int>) -> [(range: Range<Int>, label: String)] {
        var i = roleMentions.partitioningIndex { $0.range.lowerBound >= range.lowerBound }
        let from = i
        defer { meter?.add(i - from + 1) }
        var out: [(range: Range<Int>, label: String)] = []
        while i < roleMentions.count && roleMentions[i].range.lowerBound < range.upperBound {
            out.append(roleMentions[i])
            i += 1
        }
        return out
    }

    /// Whether a role mention is an object (向甲方, 给乙方) rather than the acting party.
    func isObject(_ mention: Range<Int>, in r: Range<Int>) -> Bool {
        mention.lowerBound > r.lowerBound && data.objectMarkers.contains(t[mention.lowerBound - 1])
    }

    /// A role that opens a clause modifying a noun (按甲方申报的价值赔偿, 汇入甲方指定的账户): one to
    /// three Han characters, 的, then the noun — it names whose, not who acts. A clause before a comma
    /// (经甲方同意的，…) is a condition, not a modifier, and does not count.
    func opensRelativeClause(_ mention: Range<Int>, in r: Range<Int>) -> Bool {
        var k = mention.upperBound
        let limit = min(r.upperBound, k + 4)
        while k < limit && CharClass.isHan(t[k]) && t[k] != Self.de { k += 1 }
        guard k > mention.upperBound, k < limit, t[k] == Self.de, k + 1 < r.upperBound else { return false }
        return CharClass.isHan(t[k + 1])
    }
    static let de: UInt32 = 0x7684  // 的

    /// The primary role of the first role mention in `r` that is not an object: who acts.
    func subject(in r: Range<Int>) -> String? {
        roles(in: r).first { !isObject($0.range, in: r) }.map { role($0.label) }
    }

    /// The last role before `offset` in `r` that is not an object, when a modal follows it (…，甲方有权
    /// 解除合同，乙方还应按…5%支付违约金 → 乙方); nil when that role carries none. A role inside the time
    /// clause a modal's 在/于 opens (乙方应在甲方…之日起15日内) gives way to the role before the modal.
    func modalRole(before offset: Int, in r: Range<Int>) -> String? {
        let found = roles(in: FactContext.upTo(r.lowerBound, offset)).filter { !isObject($0.range, in: r) }
        guard var k = found.indices.last else { return nil }
        // 出卖人应在买受人解除通知送达之日起15日内退还…，并按…5%支付: a role right after the modal's
        // 在/于 opens a time clause; the role before the modal is the subject.
        while k > 0, found[k].range.lowerBound - found[k - 1].range.upperBound <= Self.modalClauseGap,
              match(data.prepositions, endingAt: found[k].range.lowerBound) != nil,
              hasModal(after: found[k - 1].range.upperBound, limit: found[k].range.lowerBound) { k -= 1 }
        let m = found[k]
        guard hasModal(after: m.range.upperBound, limit: offset) else { return nil }
        return role(m.label)
    }
    /// How far a role's modal and the 在/于 of a time clause after it may run (应当在, 须于).
    static let modalClauseGap = 5

    /// Who must act in the obligation at `range` (a deadline, a payment): the grammatical subject of
    /// its sentence, found in this order —
    /// 1. the first role before it in its phrase, then in its sentence, that is not an object
    ///    (乙方应在…30日内; 乙方开具发票，甲方收到发票后30日内付款 → 甲方);
    /// 2. else the first such role after it in the sentence (签订后7日内，发包人向承包人支付);
    /// 3. else, in a list item or right after a lead-in ending in a colon (甲方按以下方式付款：
    ///    （1）…15个工作日内，支付30%), the lead-in's subject, or an earlier item's
    ///    (1. …发包人向承包人支付10%；2. …14日内，支付40%);
    /// 4. else, when the sentence names one party only as an object (一次性付给甲方) and the contract
    ///    has two parties, the other one.
    ///
    /// Before all of these: a role that carries a modal (乙方应…, 甲方须…) — the nearest before the
    /// obligation, else the first after it — or the agent after it (…15日内由乙方退还); and a joint
    /// subject (甲乙双方应于…前共同办理) is `both`. Words from Rules/facts/parties.yaml.
    /// `limit` ends the sentence early: where the words of another obligation start.
    func actor(of range: Range<Int>, limit: Int = .max) -> String? {
        // The subject is looked for within `actorWindow` characters of the obligation, so that a
        // text without sentence ends (OCR) costs no more than one with them.
        let whole = sentence(at: range.lowerBound)
        let end = min(whole.upperBound, max(range.upperBound, range.lowerBound) + Self.actorWindow)
        let s = max(whole.lowerBound, range.lowerBound - Self.actorWindow)..<(limit >= range.upperBound ? max(range.upperBound, min(end, limit)) : end)
        let p = phrase(at: range.lowerBound)
        if let j = jointSubject(in: max(p.lowerBound, s.lowerBound)..<range.lowerBound) { return j }
        let after = roles(in: FactContext.upTo(range.upperBound, s.upperBound)).filter { !isObject($0.range, in: s) }
        let modalAfter = after.first { hasModal(after: $0.range.upperBound, limit: s.upperBound) || isAgent($0.range) }
        // A deadline that ends its phrase (乙方续存话费到账后24小时内，甲方应为乙方…) leaves the act to
        // the next phrase: a role with a modal there is who acts.
        var q = range.upperBound
        while q < p.upperBound && (Self.isSpace(t[q]) || t[q] == 0x5185 /* 内 */) { q += 1 }
        if q >= p.upperBound, let m = modalAfter, m.range.lowerBound - p.upperBound <= 2 { return role(m.label) }
        // The roles before it in its sentence (window), in its phrase first
        // (乙方开具发票，甲方收到发票后30日内付款 → 甲方).
        let before = roles(in: s.lowerBound..<range.lowerBound).filter { !isObject($0.range, in: s) }
        // In the obligation's own phrase a role that only modifies a noun (应按甲方申报的价值赔偿) is not who acts.
        // Nor does a role inside a time clause that opens the phrase (于甲方出具缴费通知后7日内结清; 在接到
        // 乙方报修通知后48小时内安排维修): it does the event counted from — unless it receives what the
        // clause counts from (在甲方收到发票之日起10个工作日内付清: the one who receives acts).
        let clause = timeClauseStart(of: p)
        let inPhrase = before.drop { $0.range.lowerBound < p.lowerBound }.filter { m in
            !opensRelativeClause(m.range, in: s)
                && !(clause.map { m.range.lowerBound > $0 } ?? false && !receives(after: m.range.upperBound))
        }
        if let m = inPhrase.last(where: { hasModal(after: $0.range.upperBound, limit: range.lowerBound) }) { return role(m.label) }
        // A deadline that leads its clause (本合同生效之日起20日内，乙方提交…; 乙方开具发票后三十日内，甲方
        // 给付; 到帐后24小时内甲方将…): the role that starts the words right after it is who acts.
        var lead = q >= p.upperBound ? p.upperBound + 1 : q
        while lead < s.upperBound && Self.isSpace(t[lead]) { lead += 1 }
        if q >= p.upperBound || (q > 0 && Self.timeEnds.contains(t[q - 1])) {
            if let m = after.first(where: { $0.range.lowerBound == lead }) {
                // 之日起三十日内，乙方如无违约情事，甲方应…: the lead role heads a condition; the role
                // with a modal after it acts.
                if match(data.conditionMarkers, at: m.range.upperBound) != nil, match(data.conditionNonMarkers, at: m.range.upperBound) == nil,
                   let actor = after.first(where: { $0.range.lowerBound > m.range.upperBound && hasModal(after: $0.range.upperBound, limit: s.upperBound) }) {
                    return role(actor.label)
                }
                return role(m.label)
            }
            if match(data.jointSubjects, at: lead) != nil { return "both" }   // 期满前30日内双方可协商续签
        }
        if let m = inPhrase.first { return role(m.label) }
        if let m = before.last(where: { hasModal(after: $0.range.upperBound, limit: range.lowerBound) || isAgent($0.range) }) {
            return role(m.label)   // 乙方应…; 由乙方自愿以…元价款购买，在签订本协议之时，一次性付给甲方
        }
        // 买受人有权解除合同，出卖人除退还已付房款外，还应赔偿…: a phrase that opens with its modal goes on
        // with the subject of its clause: the last role before it that opens a clause.
        var k = p.lowerBound
        while k < p.upperBound && Self.isSpace(t[k]) { k += 1 }
        if modalAfter == nil, hasModal(after: k, limit: p.upperBound), let m = before.last(where: { opensClause($0.range, in: whole) }) {
            return role(m.label)
        }
        if let m = modalAfter ?? before.first ?? after.first { return role(m.label) }
        if let a = continuedSubject(before: whole) { return a }
        if let a = leadInSubject(before: whole) { return a }
        let objects = Set(roles(in: s).filter { isObject($0.range, in: s) }.map { role($0.label) })
        let parties = Set(primaryRole.values)
        if objects.count == 1, parties.count == 2, let other = parties.subtracting(objects).first { return other }
        return nil
    }

    static let actorWindow = 400

    /// Whether `r` opens its sentence (after numbering) or a clause (after ，；：), as a subject does.
    func opensClause(_ r: Range<Int>, in sentence: Range<Int>) -> Bool {
        var k = r.lowerBound
        while k > sentence.lowerBound && Self.isSpace(t[k - 1]) { k -= 1 }
        if k == sentence.lowerBound || Self.clauseOpeners.contains(t[k - 1]) { return true }
        // Only an item's numbering before it (5.2 任何一方…, （三）任何一方…).
        return (sentence.lowerBound..<k).allSatisfy { Self.itemNumbering.contains(t[$0]) || Self.isSpace(t[$0]) }
    }
    static let clauseOpeners = ScalarSet(",;:，；：\n")

    /// Whether a receipt cue (收到, 接到: `receiptCues`) follows `i`, spaces aside.
    private func receives(after i: Int) -> Bool {
        var k = i
        while k < t.count && Self.isSpace(t[k]) { k += 1 }
        return data.receiptCues.keys.contains { cue in
            let n = cue.unicodeScalars.count
            return k + n <= t.count && text(k..<(k + n)) == cue
        }
    }

    /// Where a phrase opens with 在/于 (`prepositions`) after its numbering: the start of a time clause.
    private func timeClauseStart(of p: Range<Int>) -> Int? {
        var k = p.lowerBound
        while k < p.upperBound && (Self.isSpace(t[k]) || Self.itemNumbering.contains(t[k])) { k += 1 }
        return k < p.upperBound && match(data.prepositions, at: k) != nil ? k : nil
    }
    /// The characters of an item's numbering (1. / （二） / 第3条 / 5.2).
    static let itemNumbering = ScalarSet("0123456789.．、()（）〔〕[]第条款一二三四五六七八九十")
    /// 内/前/后: the last character of a time limit that runs straight into its subject (24小时内甲方将…).
    static let timeEnds = ScalarSet("内前后")

    /// A modal right after a role (乙方应, 甲方均须, 乙方也应当).
    func hasModal(after i: Int, limit: Int) -> Bool {
        var k = i
        while k < min(limit, i + 2), data.modalFillers.contains(t[k]) { k += 1 }
        return k < limit && match(data.modals, at: k) != nil
    }

    /// 由乙方退还: the agent of a passive obligation.
    private func isAgent(_ mention: Range<Int>) -> Bool {
        mention.lowerBound > 0 && data.agentMarkers.contains(t[mention.lowerBound - 1])
    }

    /// 甲乙双方应于…, 双方共同…: a joint subject before the obligation.
    private func jointSubject(in r: Range<Int>) -> String? {
        // 丙方与甲方应于…: two roles joined, a modal after the second.
        let rs = roles(in: r)
        if rs.count >= 2 {
            let a = rs[rs.count - 2], b = rs[rs.count - 1]
            if b.range.lowerBound == a.range.upperBound + 1, data.jointJoiners.contains(t[a.range.upperBound]),
               role(a.label) != role(b.label), hasModal(after: b.range.upperBound, limit: r.upperBound),
               a.range.lowerBound == 0 || !objectMarkers(t[a.range.lowerBound - 1]) { return "both" }
        }
        guard let m = last(data.jointSubjects, in: r) else { return nil }
        if m.range.lowerBound > 0, objectMarkers(t[m.range.lowerBound - 1]) { return nil }
        // Only as the subject: no single role after it before the obligation.
        return roles(in: m.range.upperBound..<r.upperBound).isEmpty ? "both" : nil
    }

    private func objectMarkers(_ c: UInt32) -> Bool { data.objectMarkers.contains(c) || c == 0x7ECF /* 经 */ }

    /// The subject of the lead-in sentence (ending in a colon) that a list item or the sentence
    /// right after it continues; nil when the sentence stands alone.
    private func leadInSubject(before s: Range<Int>) -> String? {
        guard var i = doc.sentenceIndex(at: s.lowerBound) else { return nil }
        var isItem = startsWithListMarker(s)
        var steps = 0
        while i > 0 && steps < 12 {
            let prev = doc.sentences[i - 1].range
            var e = prev.upperBound
            while e > prev.lowerBound && Self.isSpace(t[e - 1]) { e -= 1 }
            if e > prev.lowerBound && (t[e - 1] == 0x3A || t[e - 1] == 0xFF1A) {
                return subject(in: prev)
            }
            // A list item under a heading that names a party (第五条 乙方的义务) is that party's.
            if isItem, let h = HeadingScanner.match(t, at: prev.lowerBound, limit: prev.upperBound),
               h.style == .article || h.style == .chapter || h.style == .section {
                return subject(in: prev)
            }
            // Only list items chain back to their lead-in (or to an earlier item that names it).
            guard isItem, startsWithListMarker(prev) else { return nil }
            if let a = subject(in: prev) { return a }
            isItem = true
            i -= 1
            steps += 1
        }
        return nil
    }

    /// 乙方应于每季度首月的5日前支付当季租金；首季度租金于…7日内支付: a sentence after a semicolon
    /// continues the clause before it, and shares its subject.
    private func continuedSubject(before s: Range<Int>) -> String? {
        guard let i = doc.sentenceIndex(at: s.lowerBound), i > 0 else { return nil }
        let prev = doc.sentences[i - 1].range
        var e = prev.upperBound
        while e > prev.lowerBound && Self.isSpace(t[e - 1]) { e -= 1 }
        guard e > prev.lowerBound, t[e - 1] == 0x3B || t[e - 1] == 0xFF1B else { return nil }
        // The main clause's subject: a role with a modal, else the last role that is not an object
        // (甲方交车当日，乙方支付车款；余款…三日内付清 → 乙方).
        let rs = roles(in: prev).filter { !isObject($0.range, in: prev) }
        return (rs.last { hasModal(after: $0.range.upperBound, limit: prev.upperBound) } ?? rs.last).map { role($0.label) }
    }

    private func startsWithListMarker(_ r: Range<Int>) -> Bool {
        guard let m = HeadingScanner.match(t, at: r.lowerBound, limit: r.upperBound) else { return startsWithDottedNumber(r) }
        switch m.style {
        case .arabicEnum, .arabicParen, .chineseParen, .circled, .chineseEnum: return true
        case .chapter, .section, .article: return false
        }
    }

    /// 5.3 竣工结算：…: decimal item numbering (digits, a point, digits) before a space or a Han character.
    private func startsWithDottedNumber(_ r: Range<Int>) -> Bool {
        var k = r.lowerBound
        while k < r.upperBound && Self.isSpace(t[k]) { k += 1 }
        var digits = 0, points = 0
        while k < r.upperBound && (CharClass.isDigit(t[k]) || (t[k] == 0x2E && digits > 0)) {
            if t[k] == 0x2E { points += 1 } else { digits += 1 }
            k += 1
        }
        return points >= 1 && digits >= 2 && t[k - 1] != 0x2E && k < r.upperBound && (Self.isSpace(t[k]) || CharClass.isHan(t[k]))
    }

    /// Unticked checkboxes (☐ □ ▢): an option line that starts with one was not chosen.
    static let uncheckedBoxes = ScalarSet("☐□▢")
    /// Ticked checkboxes.
    static let checkedBoxes = ScalarSet("☑■√✓✔☒▣")

    /// Every checkbox option: a box and its text up to the next box or the line end.
    func checkboxOptions() -> [CheckboxOption] {
        var out: [CheckboxOption] = []
        var i = 0
        while i < t.count {
            let c = t[i]
            let checked = Self.checkedBoxes.contains(c)
            guard checked || Self.uncheckedBoxes.contains(c) else { i += 1; continue }
            var e = i + 1
            while e < t.count && t[e] != 0x0A && !Self.checkedBoxes.contains(t[e]) && !Self.uncheckedBoxes.contains(t[e]) && e - i < 80 { e += 1 }
            let body = Self.trimmed(t, (i + 1)..<e)
            if !body.isEmpty {
                let span = doc.originalSpan(i..<body.upperBound)
                out.append(CheckboxOption(text: originalClean(body), chosen: checked, span: span))
            }
            i = e
        }
        return out
    }

    /// The lines that start with an unticked checkbox (☐ 无固定期限：自 年 月 日起…): what they say
    /// is an option not chosen, not an obligation. One pass over the text, in line order.
    func unchosenOptionLines() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var ls = 0
        while ls < t.count {
            var le = ls
            while le < t.count && t[le] != 0x0A { le += 1 }
            var i = ls
            while i < le && Self.isSpace(t[i]) { i += 1 }
            if i < le && Self.uncheckedBoxes.contains(t[i]) { out.append(ls..<le) }
            ls = le + 1
        }
        return out
    }

    /// Whether `offset` lies in one of `ranges` (sorted, disjoint): binary search.
    static func contains(_ ranges: [Range<Int>], _ offset: Int) -> Bool {
        let i = ranges.partitioningIndex { $0.upperBound > offset }
        return i < ranges.count && ranges[i].contains(offset)
    }

    /// Periods of a rate per year: day 365, week 52, month 12, year (or once) 1.
    static func perYear(_ per: String) -> Double {
        switch per {
        case "day": 365
        case "week": 52
        case "month": 12
        default: 1
        }
    }

    /// The side of a role label nobody defined: its own side, or the category default for 甲方/乙方.
    func defaultSide(_ label: String) -> String? {
        guard let side = data.parties.roles[label] else { return nil }
        if side != "generic" { return side }
        let table = data.parties.bySide[label] ?? [:]
        return table[category ?? "default"] ?? table["default"]
    }

    /// The primary role label for a label as written.
    func role(_ label: String) -> String { primaryRole[label] ?? label }
}
