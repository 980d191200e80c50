/// Finds the parties: header lines such as `出租方（甲方）：成都锦华商业管理有限公司`, "以下简称甲方"
/// definitions in running text, the detail lines under a header (ID, phone, address, legal
/// representative, contact), and the side each party takes.
///
/// Side of a generic label (甲方/乙方): an explicit alias (出卖人（甲方）) first, then the wording of
/// the text (甲方自愿将…卖给乙方), then the default for the contract category — all from
/// Rules/facts/parties.yaml.
struct PartyExtractor {
    private struct Draft {
        var role: String
        var aliases: [String] = []
        var name: String?
        var nameBlank = true
        var ids: [Party.Identifier] = []
        var phones: [String] = []
        var address: String?
        var representative: String?
        var contact: String?
        var fax: String?
        var email: String?
        var postcode: String?
        var taxId: String?
        var bankAccounts: [Party.BankAccount] = []
        var range: Range<Int>
        var fromSignature = false
    }

    private static let colon: UInt32 = 0x3A
    private static let star: UInt32 = 0x2A
    /// The words that define an alias (以下简称, 下称); ``DefinedRoles`` reads them too.
    static let aliasKeys: [[UInt32]] = ["简称", "下称"].map { $0.unicodeScalars.map(\.value) }
    /// How far a party header's value and its `label: value` details reach (characters).
    static let headerWindow = 400
    private static let openParen = ScalarSet(values: [0x28, 0x5B, 0x3010, 0xFF08])
    private static let closeParen = ScalarSet(values: [0x29, 0x5D, 0x3011, 0xFF09])
    static let quotes = ScalarSet(values: [0x22, 0x27, 0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F])
    /// Where a label before its colon stops (sentence punctuation, parentheses, the colon).
    private static let labelStops = ScalarSet(values: [0x2C, 0x3002, 0x3001, 0x3B, 0x28, 0x29, 0x3A])
    /// The longest label of a `label：value` line in a party's block (特种设备安装改造修理许可证编号：).
    private static let maxLabelLength = 16
    /// Punctuation trimmed from both ends of a value.
    private static let valuePunctuation = ScalarSet(values: [0x2C, 0x3B, 0x3002, 0x3001, 0x2E, 0x3A, 0x0A, 0x0D, 0x2A])
    /// Where a name written before its parentheses starts, walking back: punctuation and the
    /// joiners 由 与 和 及.
    /// Dropped before a name is compared with the placeholders.
    private static let bracketsAndSpace = ScalarSet("（）()【】[] ")
    private static let nameStops = ScalarSet(values: [0x0A, 0x2C, 0x3001, 0x3A, 0x3B, 0x3002, 0x7531, 0x4E0E, 0x548C, 0x53CA, 0x29])

    func extract(_ ctx: inout FactContext) -> [Party] {
        var drafts: [Draft] = []
        var index: [String: Int] = [:]   // label → draft
        let t = ctx.t

        func draftIndex(for labels: [String], range: Range<Int>) -> Int {
            for l in labels { if let i = index[l] { return i } }
            drafts.append(Draft(role: labels[0], range: range))
            return drafts.count - 1
        }
        func link(_ i: Int, _ labels: [String]) {
            for l in labels where index[l] == nil {
                index[l] = i
                if l != drafts[i].role && !drafts[i].aliases.contains(l) { drafts[i].aliases.append(l) }
            }
            // Prefer the generic label (甲方) as the role.
            if ctx.data.parties.roles[drafts[i].role] != "generic",
               let g = ([drafts[i].role] + drafts[i].aliases).first(where: { ctx.data.parties.roles[$0] == "generic" }) {
                drafts[i].aliases.removeAll { $0 == g }
                drafts[i].aliases.insert(drafts[i].role, at: 0)
                drafts[i].role = g
            }
        }

        // 1. Header lines.
        var current: Int?
        var wrapped: Int?   // the party whose name ended the previous line
        var table = PartyTable()
        var pendingDetails: [Header] = []
        var prose: [(String, Range<Int>)] = []   // a name in running text and the details in parentheses after it
        var lineStart = 0
        while lineStart <= t.count {
            var lineEnd = lineStart
            while lineEnd < t.count && t[lineEnd] != 0x0A { lineEnd += 1 }
            // A label whose value is on the next line (名称：⏎成都锦程餐饮管理有限公司) reads as one line.
            if lineEnd < t.count, endsWithColon(lineStart..<lineEnd, ctx) {
                var nextEnd = lineEnd + 1
                while nextEnd < t.count && t[nextEnd] != 0x0A { nextEnd += 1 }
                let next = ctx.trimmed((lineEnd + 1)..<nextEnd)
                if !next.isEmpty && !next.contains(where: { t[$0] == Self.colon }) { lineEnd = nextEnd }
            }
            let line = lineStart..<lineEnd
            // Party tables (markdown `| 项目 | 卖方 | 买方 |` or tab-separated rows).
            let cells = tableCells(line, ctx)
            if cells.count >= 3 || cells.count == 1 && cells[0].isEmpty {
                func fill(_ i: Int, _ field: String, _ label: String, _ cell: Range<Int>) {
                    assign(field, label: label, cell, to: &drafts[i], ctx)
                }
                if tableRow(cells, &table, ctx, draftIndex: draftIndex, link: link, fill: fill) {
                    current = nil
                    lineStart = lineEnd + 1
                    continue
                }
                table = PartyTable()
            } else if !ctx.trimmed(line).isEmpty {
                table = PartyTable()
            }
            var hs = headers(in: line, ctx)
            let wrap = wrapped
            wrapped = nil
            // A role on a line of its own (劳动者 / 赠与人（以下简称甲方）) heads the detail lines below it.
            if hs.isEmpty, let h = roleHeading(line, ctx) { hs = [h] }
            // A descriptor the role list lacks, then the name and its alias (加盟總部：某某公司（以下簡稱「甲方」）).
            if hs.isEmpty, let h = describedHeading(line, ctx) { hs = [h] }
            for h in hs {
                // A details heading (乙方收款账户：) describes a party defined elsewhere; it defines none.
                if h.detailsOnly && !h.labels.contains(where: { index[$0] != nil }) {
                    pendingDetails.append(h)   // the party may be defined in running text (以下简称乙方)
                    continue
                }
                let i = draftIndex(for: h.labels, range: h.range)
                link(i, h.labels)
                if h.signature {
                    if drafts[i].nameBlank, let n = h.name { drafts[i].name = n; drafts[i].nameBlank = false }
                    if drafts[i].range == h.range { drafts[i].fromSignature = true }
                    // The signature block's own lines (联系电话, 开户银行, 账号) describe that party too.
                    current = hs.count == 1 ? i : nil
                    details(in: h.rest, of: &drafts[i], ctx)
                    if let r = h.remark { details(in: r, of: &drafts[i], ctx) }
                } else {
                    if drafts[i].nameBlank || drafts[i].fromSignature {
                        if let n = h.name { drafts[i].name = n; drafts[i].nameBlank = false }
                        drafts[i].range = h.range
                        drafts[i].fromSignature = false
                    }
                    current = hs.count == 1 ? i : nil
                    details(in: h.rest, of: &drafts[i], ctx)
                    if let r = h.remark { details(in: r, of: &drafts[i], ctx) }
                    if hs.count == 1, h.name != nil, h.rest.isEmpty, h.remark == nil { wrapped = i }
                }
            }
            if hs.isEmpty && current == nil { prose += proseDetails(line, ctx) }
            if hs.isEmpty, let acct = accountHeading(line, ctx), let owner = index[acct.label] ?? index[ctx.role(acct.label)] {
                // The lines after it (户名：, 开户行：, 账号：) describe that party's account.
                details(in: acct.rest, of: &drafts[owner], ctx)
                current = owner
                lineStart = lineEnd + 1
                continue
            }
            if hs.isEmpty, let c = current, !line.isEmpty {
                let body = ctx.trimmed(line)
                if let w = wrap, w == c, let n = drafts[c].name, let tail = wrappedNameTail(body, after: n, ctx) {
                    // An OCR break inside the name (…有限公⏎司).
                    drafts[c].name = n + tail
                } else if !body.isEmpty, body.allSatisfy({ t[$0] < 0x2E80 }), body.contains(where: { (0x41...0x7A).contains(t[$0]) }),
                          !body.contains(where: { t[$0] == Self.colon }) {
                    // A line in Latin script (Hefeng Medical Devices (Suzhou) Co., Ltd.): the name's translation.
                } else if let lead = leadingLabel(body, ctx), !isClauseLine(line, ctx) {
                    // `label：value` lines stay in the block; an unknown label (备案证明编号：, 经营者：) or
                    // someone else's (紧急联系人：) is skipped.
                    let foreign = ctx.contains(ctx.data.foreignContacts, in: lead)
                    if ctx.match(ctx.data.fieldLabels, endingAt: lead.upperBound) != nil {
                        if !foreign { details(in: line, of: &drafts[c], ctx) }
                    } else if namesOrganization(after: lead, body, ctx) {
                        // 目标公司：某某有限公司: another organisation, not this party.
                        current = nil
                    } else if !foreign, let k = spacedField(after: lead, body, ctx) {
                        // 证件类型：居民身份证　证件号码：…: the known fields after the unknown one.
                        details(in: k..<body.upperBound, of: &drafts[c], ctx)
                    }
                } else if ctx.first(ctx.data.fieldLabels, in: line) != nil && !isClauseLine(line, ctx) {
                    details(in: line, of: &drafts[c], ctx)
                } else if !body.isEmpty && !continuesField(body, after: lineStart, ctx) {
                    current = nil
                }
            }
            lineStart = lineEnd + 1
        }

        // 2. "以下简称甲方" definitions in running text.
        for d in aliasDefinitions(ctx) {
            // A third party named in running text (某某公司（以下简称"债务人"）) is none of this contract's.
            if ctx.data.signingOnlyRoles.contains(d.label) && index[d.label] == nil { continue }
            let i = draftIndex(for: [d.label], range: d.range)
            link(i, [d.label])
            if drafts[i].nameBlank, let n = d.name { drafts[i].name = n; drafts[i].nameBlank = false; drafts[i].range = d.range }
        }
        for h in pendingDetails {
            guard let i = h.labels.lazy.compactMap({ index[$0] }).first else { continue }
            details(in: h.rest, of: &drafts[i], ctx)
        }
        // A party introduced in prose with its details in parentheses (本合同由张明远（身份证号：…，手机…）与…).
        for (name, paren) in prose {
            for i in drafts.indices where drafts[i].name == name { details(in: paren, of: &drafts[i], ctx) }
        }

        for d in drafts {
            ctx.primaryRole[d.role] = d.role
            for a in d.aliases { ctx.primaryRole[a] = d.role }
        }

        // 3. Sides.
        let cueSides = sidesFromWording(ctx)
        // parties.yaml `counterpartSides`: a side decided by another party's label (承包人 beside a 分包人).
        let present = Set(drafts.flatMap { [$0.role] + $0.aliases })
        var counterpart: [String: String] = [:]
        for rule in ctx.data.parties.counterpartSides ?? [] where rule.when.contains(where: present.contains) {
            counterpart.merge(rule.sides) { a, _ in a }
        }
        var parties = drafts.map { d in
            let labels = [d.role] + d.aliases
            var side = labels.compactMap { l -> String? in
                let s = ctx.data.parties.roles[l]
                return s == "generic" ? nil : s
            }.first
            if let s = side, let c = ctx.category, let mapped = ctx.data.parties.categorySides[s]?[c] { side = mapped }
            if let s = labels.lazy.compactMap({ counterpart[$0] }).first { side = s }
            if side == nil { side = cueSides[d.role] }
            if side == nil {
                let table = ctx.data.parties.bySide[d.role] ?? [:]
                side = table[ctx.category ?? "default"] ?? table["default"] ?? "other"
            }
            let kind: String? = d.name.map { n in
                ctx.data.organizationSuffixes.contains { n.hasSuffix($0) } || n.count > 6 ? "organization" : "person"
            }
            return Party(role: d.role, aliases: d.aliases, side: side!, name: d.name, blank: d.name == nil, kind: kind,
                         ids: d.ids, phones: d.phones, address: d.address, representative: d.representative,
                         contact: d.contact, span: ctx.doc.originalSpan(d.range), fax: d.fax, email: d.email,
                         postcode: d.postcode, taxId: d.taxId, bankAccounts: d.bankAccounts.isEmpty ? nil : d.bankAccounts)
        }
        complementSides(&parties, drafts.map { explicitSide($0, ctx) != nil }, ctx)
        return parties
    }

    /// The side a label itself names (出卖人 → seller; 甲方 names none).
    private func explicitSide(_ d: Draft, _ ctx: FactContext) -> String? {
        ([d.role] + d.aliases).compactMap { l -> String? in
            let s = ctx.data.parties.roles[l]
            return s == "generic" ? nil : s
        }.first
    }

    /// One side vocabulary per contract: when exactly one of two parties names its side
    /// (乙方（受让方）), the other — a bare 甲方 — takes the complement (transferor), not its
    /// category default (seller). Pairs from Rules/facts/parties.yaml `complements`.
    private func complementSides(_ parties: inout [Party], _ explicit: [Bool], _ ctx: FactContext) {
        let main = parties.indices.filter { !["guarantor", "other"].contains(parties[$0].side) || !explicit[$0] }
        guard main.count == 2 else { return }
        let (a, b) = (main[0], main[1])
        guard explicit[a] != explicit[b] else { return }
        let (known, open) = explicit[a] ? (a, b) : (b, a)
        if let c = ctx.data.sideComplements[parties[known].side] { parties[open].side = c }
    }

    // MARK: Tables

    /// What the rows above said about a party table: the party of each column (roles across the
    /// top) or the field of each column (fields across the top, a party per row).
    private struct PartyTable {
        var partyColumns: [Int: Int] = [:]
        var fieldColumns: [String?] = []
        var fieldTexts: [String] = []
    }

    /// The cells of a table row: markdown pipes or tabs; empty when the line is no table row, and
    /// a markdown rule row (| --- | --- |) gives one empty cell.
    private func tableCells(_ line: Range<Int>, _ ctx: FactContext) -> [Range<Int>] {
        let t = ctx.t
        let body = ctx.trimmed(line)
        guard !body.isEmpty else { return [] }
        let pipe: UInt32 = 0x7C
        let sep: UInt32
        if t[body.lowerBound] == pipe { sep = pipe } else if body.contains(where: { t[$0] == Self.tab }) { sep = Self.tab } else { return [] }
        var out: [Range<Int>] = []
        var a = sep == pipe ? body.lowerBound + 1 : body.lowerBound
        var k = a
        while k <= body.upperBound {
            if k == body.upperBound || t[k] == sep {
                let c = trimCell(a..<k, ctx)
                if !(sep == pipe && k == body.upperBound && c.isEmpty) { out.append(c) }
                a = k + 1
            }
            k += 1
        }
        if sep == pipe, out.allSatisfy({ c in c.allSatisfy { t[$0] == 0x2D || t[$0] == 0x3A } }) { return [body.lowerBound..<body.lowerBound] }
        return out
    }

    private func trimCell(_ r: Range<Int>, _ ctx: FactContext) -> Range<Int> {
        var a = r.lowerBound, b = r.upperBound
        while a < b && (FactContext.isSpace(ctx.t[a]) || ctx.t[a] == Self.star) { a += 1 }
        while b > a && (FactContext.isSpace(ctx.t[b - 1]) || ctx.t[b - 1] == Self.star) { b -= 1 }
        return a..<b
    }

    /// A cell that is exactly a role label (卖方, 发包人, 甲方（出租方）).
    private func cellRole(_ c: Range<Int>, _ ctx: FactContext) -> [String]? {
        let roles = ctx.roles(in: c)
        guard let first = roles.first else { return nil }
        // A descriptor with the role in brackets: 保理人（甲方）, 委托方(乙方), 原出租方（甲方）.
        let r = first.range.lowerBound > c.lowerBound ? roles[roles.count - 1] : first
        if r.range.lowerBound > c.lowerBound {
            let open = r.range.lowerBound - 1
            guard open > c.lowerBound, open - c.lowerBound <= 8, Self.openParen.contains(ctx.t[open]),
                  r.range.upperBound == c.upperBound - 1, Self.closeParen.contains(ctx.t[c.upperBound - 1]),
                  (c.lowerBound..<open).allSatisfy({ CharClass.isHan(ctx.t[$0]) }) else { return nil }
            return roles.map(\.label)
        }
        // The label, then only a parenthesis (甲方（出租方）).
        let i = r.range.upperBound
        if i < c.upperBound {
            guard Self.openParen.contains(ctx.t[i]), Self.closeParen.contains(ctx.t[c.upperBound - 1]) else { return nil }
        }
        return roles.map(\.label)
    }

    /// A cell that is exactly a field label (联系电话, 统一社会信用代码（USCC）), or alternative labels of
    /// one field for persons and companies (名称/姓名, 证件号码/统一社会信用代码): the first one's.
    private func cellField(_ c: Range<Int>, _ ctx: FactContext) -> String? {
        guard let f = ctx.match(ctx.data.fieldLabels, at: c.lowerBound) else { return nil }
        if f.end == c.upperBound { return f.value }
        if f.end + 1 < c.upperBound, ctx.t[f.end] == Scalar.slash || ctx.t[f.end] == 0x3001,
           cellField(f.end + 1..<c.upperBound, ctx) == f.value {
            return f.value
        }
        guard Self.openParen.contains(ctx.t[f.end]), Self.closeParen.contains(ctx.t[c.upperBound - 1]) else { return nil }
        return f.value
    }

    /// Reads one table row into the parties; false when the row is no part of a party table.
    private func tableRow(_ cells: [Range<Int>], _ table: inout PartyTable, _ ctx: FactContext,
                          draftIndex: ([String], Range<Int>) -> Int, link: (Int, [String]) -> Void,
                          fill: (Int, String, String, Range<Int>) -> Void) -> Bool {
        // Roles across the top: | 项目 | 卖方 | 买方 |.
        let roleCells = cells.indices.dropFirst().compactMap { j in cellRole(cells[j], ctx).map { (j, $0) } }
        if roleCells.count >= 2 && cellRole(cells[0], ctx) == nil {
            table = PartyTable()
            for (j, labels) in roleCells {
                let i = draftIndex(labels, cells[j])
                link(i, labels)
                table.partyColumns[j] = i
            }
            return true
        }
        // Fields across the top: 角色 | 名称 | 法定代表人 | 地址 | 电话.
        let fields = cells.map { cellField($0, ctx) }
        if fields.compactMap({ $0 }).count >= 2 && cellRole(cells[0], ctx) == nil {
            table = PartyTable()
            table.fieldColumns = fields
            table.fieldTexts = cells.map { ctx.text($0) }
            return true
        }
        if !table.partyColumns.isEmpty, let f = fields[0] {
            for (j, i) in table.partyColumns where j < cells.count && !cells[j].isEmpty {
                fill(i, f, ctx.text(cells[0]), cells[j])
            }
            return true
        }
        if !table.fieldColumns.isEmpty, let labels = cellRole(cells[0], ctx) {
            let i = draftIndex(labels, cells[0])
            link(i, labels)
            // The role column may have no heading of its own (统一社会信用代码 | 开户银行 | 账号).
            let shift = cells.count - table.fieldColumns.count
            guard shift == 0 || shift == 1 else { return false }
            for (h, f) in table.fieldColumns.enumerated() {
                guard let f, h + shift < cells.count, h + shift > 0 else { continue }
                let c = cells[h + shift]
                guard !c.isEmpty else { continue }
                fill(i, f, table.fieldTexts[h], c)
            }
            return true
        }
        return cells.count == 1 && cells[0].isEmpty && (!table.partyColumns.isEmpty || !table.fieldColumns.isEmpty)
    }

    // MARK: Block lines

    /// Whether a line ends with a colon (after spaces and markdown emphasis): a label whose value
    /// is on the next line.
    private func endsWithColon(_ r: Range<Int>, _ ctx: FactContext) -> Bool {
        var b = r.upperBound
        while b > r.lowerBound && (FactContext.isSpace(ctx.t[b - 1]) || ctx.t[b - 1] == 0x0D || ctx.t[b - 1] == Self.star) { b -= 1 }
        return b > r.lowerBound && ctx.t[b - 1] == Self.colon
    }

    /// The label of a `label：value` line: the text before its first colon, when it is short and
    /// holds no sentence punctuation.
    private func leadingLabel(_ body: Range<Int>, _ ctx: FactContext) -> Range<Int>? {
        var k = body.lowerBound
        while k < body.upperBound && k - body.lowerBound <= Self.maxLabelLength && !Self.labelStops.contains(ctx.t[k]) { k += 1 }
        guard k < body.upperBound, k > body.lowerBound, ctx.t[k] == Self.colon else { return nil }
        var e = k
        while e > body.lowerBound && (FactContext.isSpace(ctx.t[e - 1]) || ctx.t[e - 1] == Self.star) { e -= 1 }
        var a = body.lowerBound
        while a < e && ctx.t[a] == Self.star { a += 1 }
        return a < e ? a..<e : nil
    }

    /// Whether the value after an unknown label names an organisation (目标公司：天津某某有限公司（…）).
    private func namesOrganization(after lead: Range<Int>, _ body: Range<Int>, _ ctx: FactContext) -> Bool {
        var a = lead.upperBound
        while a < body.upperBound && (ctx.t[a] == Self.colon || ctx.t[a] == Self.star || FactContext.isSpace(ctx.t[a])) { a += 1 }
        var b = a
        while b < body.upperBound && !FactContext.isSpace(ctx.t[b]) && !Self.openParen.contains(ctx.t[b]) && ctx.t[b] != 0x2C { b += 1 }
        guard b > a else { return false }
        let v = ctx.text(a..<b)
        return ctx.data.organizationSuffixes.contains { $0.count >= 2 && v.hasSuffix($0) }
    }

    /// The first known `field：` after the value of an unknown label, set off by a space.
    private func spacedField(after lead: Range<Int>, _ body: Range<Int>, _ ctx: FactContext) -> Int? {
        var k = lead.upperBound + 1
        while k < body.upperBound {
            if FactContext.isSpace(ctx.t[k - 1]), let f = ctx.match(ctx.data.fieldLabels, at: k),
               followedByColon(f.end, body, ctx, allowParen: true) { return k }
            k += 1
        }
        return nil
    }

    /// The rest of a name broken by a line end: a short line with no colon that makes the name end
    /// with an organisation suffix it did not have.
    private func wrappedNameTail(_ body: Range<Int>, after name: String, _ ctx: FactContext) -> String? {
        guard body.count <= 4, !body.contains(where: { ctx.t[$0] == Self.colon }) else { return nil }
        let suffixes = ctx.data.organizationSuffixes
        let tail = ctx.originalClean(body)
        guard !suffixes.contains(where: { name.hasSuffix($0) }),
              suffixes.contains(where: { (name + tail).hasSuffix($0) && $0.count > tail.count }) else { return nil }
        return tail
    }

    /// `DESCRIPTOR：NAME（以下简称"甲方"）[details]`, the descriptor a few Chinese characters that are
    /// neither a role label nor a field label (加盟總部, 保理商, 委托单位): a party header whose label
    /// is the alias defined in the parentheses.
    private func describedHeading(_ line: Range<Int>, _ ctx: FactContext) -> Header? {
        let t = ctx.t
        let body = ctx.trimmed(line)
        guard body.count >= 6 else { return nil }
        var c = body.lowerBound
        while c < body.upperBound && c - body.lowerBound <= 8 && t[c] != Self.colon { c += 1 }
        guard c < body.upperBound, t[c] == Self.colon, c - body.lowerBound >= 2,
              (body.lowerBound..<c).allSatisfy({ CharClass.isHan(t[$0]) }),
              ctx.match(ctx.data.fieldLabels, at: body.lowerBound) == nil,
              !ctx.contains(ctx.data.signatureWords, in: body.lowerBound..<c) else { return nil }
        // The first parenthesis after the name must define the alias.
        var open = c + 1
        while open < body.upperBound && !Self.openParen.contains(t[open]) && t[open] != Self.colon { open += 1 }
        guard open < body.upperBound, Self.openParen.contains(t[open]) else { return nil }
        var close = open + 1
        while close < body.upperBound && !Self.closeParen.contains(t[close]) { close += 1 }
        let roles = ctx.roles(in: open..<close).map(\.label)
        // (A third party named in a recital line is none of this contract's: 主合同：…（以下简称"债务人"）.)
        guard close < body.upperBound, ctx.containsAny(Self.aliasKeys, in: open..<close), !roles.isEmpty,
              !roles.contains(where: { ctx.data.signingOnlyRoles.contains($0) }) else { return nil }
        let nr = trimPunctuation(ctx.trimmed((c + 1)..<open), ctx)
        // (鉴于：乙方因向某某公司（以下简称"债务人"）销售…: running text, not a header.)
        guard ctx.roles(in: nr).isEmpty, !nr.contains(where: { ctx.data.partyJoiners.contains(t[$0]) }) else { return nil }
        let name = nr.isEmpty || !isNameLike(nr, ctx) ? nil : ctx.originalClean(nr)
        var labels: [String] = []
        for l in roles where !labels.contains(l) { labels.append(l) }
        return Header(labels: labels, name: name, signature: false, range: body,
                      rest: (close + 1)..<body.upperBound, valueEnd: close + 1)
    }

    /// A line holding only a role label and parentheses (劳动者, 赠与人（以下简称甲方）,
    /// 披露方/接收方一（以下简称“甲方”）) when the next line holds a `field：value` detail.
    private func roleHeading(_ line: Range<Int>, _ ctx: FactContext) -> Header? {
        let t = ctx.t
        let body = ctx.trimmed(line)
        guard !body.isEmpty, body.count <= 30, !body.contains(where: { t[$0] == Self.colon }),
              !ctx.contains(ctx.data.signatureWords, in: body) else { return nil }
        let roles = ctx.roles(in: body)
        guard let first = roles.first else { return nil }
        var labels: [String] = []
        if first.range.lowerBound == body.lowerBound {
            // The label, then only parentheses.
            var i = first.range.upperBound
            while i < body.upperBound {
                while i < body.upperBound && FactContext.isSpace(t[i]) { i += 1 }
                guard i < body.upperBound else { break }
                guard Self.openParen.contains(t[i]) else { return nil }
                while i < body.upperBound && !Self.closeParen.contains(t[i]) { i += 1 }
                i += 1
            }
        } else {
            // A name of the role the text does not list, then （以下简称甲方）.
            guard Self.closeParen.contains(t[body.upperBound - 1]), let last = roles.last,
                  ctx.containsAny(Self.aliasKeys, in: body.lowerBound..<last.range.upperBound) else { return nil }
        }
        for r in roles where !labels.contains(r.label) { labels.append(r.label) }
        guard line.upperBound < t.count else { return nil }
        var nextEnd = line.upperBound + 1
        while nextEnd < t.count && t[nextEnd] != 0x0A { nextEnd += 1 }
        let next = ctx.trimmed((line.upperBound + 1)..<nextEnd)
        guard let f = ctx.first(ctx.data.fieldLabels, in: next), followedByColon(f.range.upperBound, next, ctx, allowParen: true) else { return nil }
        return Header(labels: labels, name: nil, signature: false, range: body, rest: body.upperBound..<body.upperBound,
                      valueEnd: body.upperBound)
    }

    // MARK: Header lines

    private struct Header {
        var labels: [String]
        var name: String?
        var signature: Bool
        var range: Range<Int>
        var rest: Range<Int>
        var valueEnd: Int
        /// A parenthesis after the name (（香港身份證號碼：K382615(5)）): details too.
        var remark: Range<Int>? = nil
        /// 乙方收款账户：…: a heading for details, not a definition.
        var detailsOnly = false
    }

    /// Every header in a line (two-column layouts hold two): a role label directly followed by
    /// optional parentheses and a colon.
    private func headers(in line: Range<Int>, _ ctx: FactContext) -> [Header] {
        let body = ctx.trimmed(line)
        guard !body.isEmpty else { return [] }
        var out: [Header] = []
        for m in ctx.roles(in: body) {
            if let last = out.last, m.range.lowerBound < last.valueEnd { continue }
            guard let h = header(m, in: body, ctx) else { continue }
            if var prev = out.popLast() {
                prev.range = prev.range.lowerBound..<min(prev.range.upperBound, m.range.lowerBound)
                out.append(prev)
            }
            out.append(h)
        }
        return out
    }

    /// `LABEL[(ALIAS|签字)]* : NAME [(以下简称X)] [field: value …]`.
    private func header(_ m: (range: Range<Int>, label: String), in body: Range<Int>, _ ctx: FactContext) -> Header? {
        let t = ctx.t
        var labels = [m.label]
        var signature = false
        var i = m.range.upperBound
        // 债权人（甲方）：: a role the text does not list, named by the generic label in parentheses.
        if i < body.upperBound, Self.closeParen.contains(t[i]), m.range.lowerBound > body.lowerBound,
           Self.openParen.contains(t[m.range.lowerBound - 1]) {
            let prefix = body.lowerBound..<(m.range.lowerBound - 1)
            // (委托代理人（乙方）：, 签字（甲方）： name no party.)
            guard !prefix.isEmpty, prefix.count <= 10, ctx.roles(in: prefix).isEmpty,
                  ctx.first(ctx.data.fieldLabels, in: prefix) == nil, !ctx.contains(ctx.data.signatureWords, in: prefix),
                  !prefix.contains(where: { t[$0] == Self.colon || t[$0] == 0x2C || t[$0] == 0x3002 || t[$0] == 0x3B }) else { return nil }
            // 托　运　方（甲方）: a letter-spaced role label is an alias too.
            let squeezed = prefix.map { t[$0] }.filter { !FactContext.isSpace($0) }
            if squeezed.count < prefix.count, let r = ctx.data.roles.match(squeezed, at: 0), r.end == squeezed.count {
                labels.append(ScalarDecoding.string(squeezed, 0, squeezed.count))
            }
            i += 1
        }
        // A label that opens the line may be set off from its value by a run of spaces (so may a
        // generic label in parentheses after an unlisted or letter-spaced one).
        let opensLine = m.range.lowerBound == body.lowerBound || (m.range.lowerBound > body.lowerBound && t[m.range.lowerBound - 1] == Self.star)
            || i > m.range.upperBound
        // Parenthesised aliases or signature words.
        while true {
            // (A tab ends the label's table cell: what follows is the value.)
            var p = i
            while p < body.upperBound && FactContext.isSpace(t[p]) && t[p] != Self.tab { p += 1 }
            guard p < body.upperBound, Self.openParen.contains(t[p]) else { break }
            i = p
            var j = i + 1
            while j < body.upperBound && !Self.closeParen.contains(t[j]) { j += 1 }
            guard j < body.upperBound else { return nil }
            let inner = (i + 1)..<j
            if ctx.contains(ctx.data.signatureWords, in: inner) { signature = true }
            for r in ctx.roles(in: inner) { labels.append(r.label) }
            i = j + 1
        }
        // 用户名称： / 甲方姓名： / 客户单位名称：: the role, then the name field's own label.
        if let f = ctx.match(ctx.data.fieldLabels, at: i), f.value == "name", followedByColon(f.end, body, ctx, allowParen: true) {
            i = f.end
        }
        // 乙方收款账户： / 甲方联系方式：: a heading for the party's details, with no name.
        var detailsOnly = false
        var s0 = i
        while s0 < body.upperBound && FactContext.isSpace(t[s0]) { s0 += 1 }
        if let w = ctx.match(ctx.data.detailHeadings, at: s0), valueStart(after: w.end, body, ctx) != nil {
            i = w.end
            detailsOnly = true
        }
        guard let start = valueStart(after: i, body, ctx, gap: opensLine) else {
            // "甲方（签字）" without a colon at the end of a line is still a signature slot.
            return nil
        }
        i = start
        // The value runs to the next "label:" (a field or another role) or the line end, and a
        // header with its details spans at most `headerWindow` characters (a line without breaks,
        // as OCR and scraped pages give, is not one header).
        let limit = min(body.upperBound, i + Self.headerWindow)
        var end = limit
        var k = i
        while k < limit {
            if let f = ctx.match(ctx.data.fieldLabels, at: k) {
                if followedByColon(f.end, body, ctx, allowParen: true) { end = k; break }
                // 张三，手机13906712458: a number right after its label ends the name too.
                if k > i, Self.numericFields.contains(f.value), f.end < body.upperBound, (0x30...0x39).contains(t[f.end]) { end = k; break }
                // 某某有限公司，统一社会信用代码9131…，住所…: a label right after a comma, in running prose.
                if k > i, t[k - 1] == 0x2C, f.end < body.upperBound, !FactContext.isSpace(t[f.end]) { end = k; break }
            }
            if let r = ctx.match(ctx.data.roles, at: k), k > i, FactContext.isSpace(t[k - 1]) || t[k - 1] == 0x2C,
               followedByColon(r.end, body, ctx, allowParen: true) { end = k; break }
            k += 1
        }
        var valueRange = ctx.trimmed(i..<end)
        // A value that is another role label (甲方      乙方) is no name.
        if let r = ctx.roles(in: valueRange).first, r.range.lowerBound == valueRange.lowerBound {
            valueRange = valueRange.lowerBound..<valueRange.lowerBound
            end = r.range.lowerBound
        }
        let p = remarkStart(in: valueRange, ctx)
        var remark: Range<Int>?
        if p < valueRange.upperBound {
            var q = p + 1
            while q < valueRange.upperBound && !Self.closeParen.contains(t[q]) { q += 1 }
            // An alias is a whole word there (以下简称“业主”), not the head of a longer one
            // (业主委员会代章 names the signer, not the party).
            for r in ctx.roles(in: (p + 1)..<q) where !labels.contains(r.label)
                && (r.range.upperBound >= q || !CharClass.isHan(t[r.range.upperBound]) || ctx.data.aliasJoiners.contains(t[r.range.upperBound])) { labels.append(r.label) }
            // The remark may run to the value's end when it holds an inner parenthesis (K382615(5)).
            remark = (p + 1)..<valueRange.upperBound
            valueRange = ctx.trimmed(valueRange.lowerBound..<p)
        }
        // "甲方(转让方): 。 乙方(受让方): 。 甲乙双方就…": a value that opens with sentence punctuation is
        // a blank followed by running text — still a header (its labels count), with no name.
        var q = valueRange.lowerBound
        while q < valueRange.upperBound && FactContext.isSpace(t[q]) { q += 1 }
        if q < valueRange.upperBound && (t[q] == 0x3002 || t[q] == 0x3B) { valueRange = q..<q }
        valueRange = trimPunctuation(valueRange, ctx)
        // 陆某，男，居民身份证号码…: a name holds no comma; what follows it (性别, 民族) is no part of it.
        if let comma = valueRange.first(where: { t[$0] == 0x2C }) { valueRange = trimPunctuation(valueRange.lowerBound..<comma, ctx) }
        var name: String?
        if !valueRange.isEmpty {
            guard valueRange.count <= 40, isNameLike(valueRange, ctx) else { return nil }
            if !ctx.text(valueRange).unicodeScalars.allSatisfy({ FactContext.isSpace($0.value) }) {
                name = filledName(ctx.originalClean(valueRange), ctx)
            }
        }
        if detailsOnly { name = nil }
        let restEnd = min(body.upperBound, end + Self.headerWindow)
        let range = m.range.lowerBound..<restEnd
        // 甲方收款账户：户名孙立，账号6222…: the details heading's value holds the details.
        let restStart = detailsOnly ? min(start, end) : end
        return Header(labels: labels, name: name, signature: signature, range: range, rest: restStart..<restEnd, valueEnd: end,
                      remark: remark, detailsOnly: detailsOnly)
    }

    private func followedByColon(_ e: Int, _ body: Range<Int>, _ ctx: FactContext, allowParen: Bool = false, gap: Bool = false) -> Bool {
        var j = e
        while j < body.upperBound && FactContext.isSpace(ctx.t[j]) && ctx.t[j] != Self.tab { j += 1 }
        if allowParen && j < body.upperBound && Self.openParen.contains(ctx.t[j]) {
            while j < body.upperBound && !Self.closeParen.contains(ctx.t[j]) { j += 1 }
            j += 1
        }
        return valueStart(after: j, body, ctx, gap: gap) != nil
    }

    /// A table cell boundary: DOCX tables are read as one row per line, cells separated by a tab.
    private static let tab: UInt32 = 0x09

    /// Where a label's value starts: after a colon, or after the tab that ends the label's table
    /// cell (`出卖人（甲方）⇥王建国`); nil when neither follows the label.
    /// With `gap`, a run of two or more spaces ends the label's cell as well (统一社会信用代码    9133…),
    /// and markdown emphasis around the label (**电话**：) is skipped.
    private func valueStart(after e: Int, _ body: Range<Int>, _ ctx: FactContext, gap: Bool = false) -> Int? {
        var j = e, cell = false, spaces = 0
        while j < body.upperBound && (FactContext.isSpace(ctx.t[j]) || ctx.t[j] == Self.star) {
            if ctx.t[j] == Self.tab { cell = true }
            if ctx.t[j] != Self.star { spaces += 1 }
            j += 1
        }
        guard j < body.upperBound else { return nil }
        if ctx.t[j] == Self.colon {
            var k = j + 1
            while k < body.upperBound && ctx.t[k] == Self.star { k += 1 }
            return k
        }
        if gap && spaces >= 2 && ctx.t[j] != 0x28 && ctx.t[j] != 0xFF08 { return j }
        return cell ? j : nil
    }

    /// A name as written, or nil when it is a template's placeholder: a blank run inside it
    /// (________证券公司, 中国建设银行____分行), template syntax ({{ party_a }}, ${buyer}, 【    】,
    /// <甲方名称>), or a word that only says what goes there (盖章, 签字, 公司名称) — from
    /// Rules/facts/parties.yaml `placeholders`.
    private func filledName(_ name: String, _ ctx: FactContext) -> String? {
        var run = 0
        var bare = String.UnicodeScalarView()
        for u in name.unicodeScalars {
            let c = u.value
            run = c == 0x5F || c == 0xFF3F ? run + 1 : 0
            if run >= 2 { return nil }
            if !Self.bracketsAndSpace.contains(c) { bare.append(u) }
        }
        for (open, close) in ctx.data.placeholderBrackets where name.unicodeScalars.starts(with: open.unicodeScalars) && name.contains(close) { return nil }
        if ctx.data.placeholderNames.contains(String(bare)) { return nil }
        return name
    }

    private func trimPunctuation(_ r: Range<Int>, _ ctx: FactContext) -> Range<Int> {
        var a = r.lowerBound, b = r.upperBound
        let punct = Self.valuePunctuation
        while a < b && (punct.contains(ctx.t[a]) || FactContext.isSpace(ctx.t[a])) { a += 1 }
        while b > a && (punct.contains(ctx.t[b - 1]) || FactContext.isSpace(ctx.t[b - 1]) || Self.quotes.contains(ctx.t[b - 1])) { b -= 1 }
        return a..<b
    }

    /// A name has no sentence punctuation and no obligation wording.
    private static let notInNames: [[UInt32]] = ["应", "须", "负责", "有权", "权利", "义务", "。", ";", "不得", "按照", "如下"]
        .map { $0.unicodeScalars.map(\.value) }

    private func isNameLike(_ r: Range<Int>, _ ctx: FactContext) -> Bool {
        guard ctx.containsAny(Self.notInNames, in: r) else { return true }
        // 应 inside a word of a name (供应链, 响应, 对应) is no obligation.
        var masked = false
        for k in r where ctx.t[k] == 0x5E94 {
            let prev = k > r.lowerBound ? ctx.t[k - 1] : 0
            guard Self.wordsWithYing.contains(prev) else { return false }
            masked = true
        }
        guard masked else { return false }
        let others = Self.notInNames.filter { $0 != [0x5E94] }
        return !ctx.containsAny(others, in: r)
    }
    /// Characters before 应 that make it part of a word (供应, 响应, 对应, 相应, 适应, 反应).
    private static let wordsWithYing = ScalarSet("供响对相适反")

    private func isClauseLine(_ line: Range<Int>, _ ctx: FactContext) -> Bool {
        ctx.doc.clauseStarts(at: ctx.trimmed(line).lowerBound)
    }

    // MARK: Details

    /// `label: value` pairs in a range, attached to a party.
    private func details(in range: Range<Int>, of d: inout Draft, _ ctx: FactContext) {
        let t = ctx.t
        var labels: [(range: Range<Int>, field: String, bare: Bool)] = []
        var k = range.lowerBound
        var prose: Set<Int> = []   // labels without a colon, after a comma
        while k < range.upperBound {
            if let f = ctx.match(ctx.data.fieldLabels, at: k), followedByColon(f.end, range, ctx, allowParen: true, gap: opensLine(k, ctx)) {
                labels.append((k..<f.end, f.value, false))
                k = f.end
            } else if let f = ctx.match(ctx.data.fieldLabels, at: k), Self.numericFields.contains(f.value), f.end < range.upperBound,
                      (0x30...0x39).contains(t[f.end]) {
                // 手机13906712458, 账号6214 8302 1776 5093: a number right after its label.
                labels.append((k..<f.end, f.value, true))
                k = f.end
            } else if k > 0, t[k - 1] == 0x2C, let f = ctx.match(ctx.data.fieldLabels, at: k), f.end < range.upperBound,
                      !FactContext.isSpace(t[f.end]), t[f.end] != 0x2C {
                // ，统一社会信用代码9131…，住所上海市…: a label after a comma, its value up to the next one.
                labels.append((k..<f.end, f.value, false))
                prose.insert(labels.count - 1)
                k = f.end
            } else { k += 1 }
        }
        for (n, l) in labels.enumerated() {
            var s = l.range.upperBound
            if l.bare {
                // The number only, up to the next punctuation.
                var e = s
                while e < range.upperBound && ((0x30...0x39).contains(t[e]) || t[e] == 0x20 || t[e] == 0x2D) { e += 1 }
                let v = ctx.trimmed(s..<e)
                if !v.isEmpty { assign(l.field, label: ctx.text(l.range), v, to: &d, ctx) }
                continue
            }
            if prose.contains(n) {
                // The value right after the label.
            } else if let start = valueStart(after: s, range, ctx, gap: opensLine(l.range.lowerBound, ctx)) { s = start } else {
                // 电话（Tel）：: the colon after the gloss.
                while s < range.upperBound && t[s] != Self.colon { s += 1 }
                s += 1
            }
            let e = n + 1 < labels.count ? labels[n + 1].range.lowerBound : range.upperBound
            guard s <= e else { continue }
            let v = trimPunctuation(ctx.trimmed(s..<e), ctx)
            guard !v.isEmpty else { continue }
            assign(l.field, label: ctx.text(l.range), v, to: &d, ctx)
        }
    }

    /// One field's value, attached to a party.
    /// Where a parenthesis after a name opens: "以下简称甲方" aliases, or remarks to drop (陈雅琴（代表同行
    /// 3人）) — unless it is part of the name (（有限合伙）, or the name goes on after it: 恒朗贸易（香港）有限
    /// 公司). The value's end when there is none.
    private func remarkStart(in value: Range<Int>, _ ctx: FactContext) -> Int {
        let t = ctx.t
        var p = value.lowerBound
        while p < value.upperBound {
            if Self.openParen.contains(t[p]) {
                var q = p + 1
                while q < value.upperBound && !Self.closeParen.contains(t[q]) { q += 1 }
                guard q < value.upperBound else { break }
                let inner = ctx.text((p + 1)..<q)
                let goesOn = q + 1 < value.upperBound && !Self.openParen.contains(t[q + 1]) && !FactContext.isSpace(t[q + 1])
                    && ctx.roles(in: (p + 1)..<q).isEmpty && inner.count <= 6
                if !goesOn && !(ctx.data.parties.nameParentheses ?? []).contains(inner) { break }
                p = q
            }
            p += 1
        }
        return p
    }

    private func assign(_ field: String, label: String, _ v: Range<Int>, to d: inout Draft, _ ctx: FactContext) {
        let t = ctx.t
        let text = ctx.originalClean(v)
        switch field {
        case "name":
            // A cell's name drops a remark after it as a name in running text does.
            let name = ctx.trimmed(v.lowerBound..<remarkStart(in: v, ctx))
            if d.nameBlank, !name.isEmpty, isNameLike(name, ctx), name.count <= 40, let n = filledName(ctx.originalClean(name), ctx) {
                d.name = n; d.nameBlank = false
            }
        case "id":
            // 身分證字號 F228604175 (Taiwan), 香港身份證 K382615(5) (Hong Kong).
            for (value, kind, valid) in regionalIDs(v, ctx) {
                let id = Party.Identifier(type: kind, value: value, valid: valid)
                if !d.ids.contains(id) { d.ids.append(id) }
            }
            // 统一编号 24598318: a Taiwan business number (8 digits).
            if label == "统一编号" {
                for run in alnumRuns(v, ctx) where run.count == 8 && run.allSatisfy({ (0x30...0x39).contains(t[$0]) }) {
                    let id = Party.Identifier(type: "taiwan_business_id", value: ctx.text(run),
                                              valid: IdentifierValidator.validTaiwanBusinessID(Array(t[run])))
                    if !d.ids.contains(id) { d.ids.append(id) }
                }
            }
            let runs = alnumRuns(v, ctx)
            for run in runs + spacedIDRuns(runs, ctx) where run.count == 18 || run.count > 18 && Self.spacedLength(run, ctx) == 18 {
                let scalars = Array(t[run]).filter { $0 != 0x20 }
                guard let kind = IdentifierValidator.kind(scalars, label: label) else { continue }
                let valid = kind == "resident_id" ? IdentifierValidator.validResidentID(scalars)
                    : IdentifierValidator.validCreditCode(scalars)
                let id = Party.Identifier(type: kind, value: ScalarDecoding.string(scalars, 0, scalars.count), valid: valid)
                if !d.ids.contains(id) { d.ids.append(id) }
            }
        case "phone":
            for p in phones(in: v, ctx) where !d.phones.contains(p) { d.phones.append(p) }
        case "address":
            if d.address == nil { d.address = text }
        case "representative":
            if d.representative == nil { d.representative = text }
        case "contact":
            if d.contact == nil { d.contact = text }
        case "fax":
            if d.fax == nil, let p = phones(in: v, ctx).first { d.fax = p }
        case "email":
            if d.email == nil, text.contains("@") { d.email = text.filter { !$0.isWhitespace } }
        case "postcode":
            if d.postcode == nil, let run = alnumRuns(v, ctx).first(where: { $0.count == 6 }) { d.postcode = ctx.text(run) }
        case "taxId":
            if d.taxId == nil, let run = alnumRuns(v, ctx).first(where: { $0.count >= 15 && $0.count <= 20 }) { d.taxId = ctx.text(run) }
        case "bank":
            // A bank starts an account; the number and holder that follow fill it.
            if d.bankAccounts.last.map({ $0.bank != nil }) ?? true { d.bankAccounts.append(Party.BankAccount(bank: text, account: nil, holder: nil)) }
            else { d.bankAccounts[d.bankAccounts.count - 1].bank = text }
        case "account":
            // 收款账户：中国农业银行成都玉林支行　6228 4804 6611 2730 578: the bank may come first.
            var bank: String?
            var number = text
            if let first = v.first(where: { (0x30...0x39).contains(t[$0]) }), first > v.lowerBound {
                let before = ctx.trimmed(v.lowerBound..<first)
                if !before.isEmpty, ctx.contains(ctx.data.bankWords, in: before) {
                    bank = ctx.originalClean(before)
                    number = ctx.originalClean(first..<v.upperBound)
                }
            }
            let digits = number.filter { $0.isNumber || $0 == " " || $0 == "-" }.trimmingCharacters(in: .whitespaces)
            guard digits.filter(\.isNumber).count >= 8 else { break }
            if let b = bank, d.bankAccounts.last.map({ $0.bank != nil || $0.account != nil }) ?? true {
                d.bankAccounts.append(Party.BankAccount(bank: b, account: digits, holder: nil))
            } else if let last = d.bankAccounts.last, last.account == nil {
                d.bankAccounts[d.bankAccounts.count - 1].account = digits
                if let b = bank { d.bankAccounts[d.bankAccounts.count - 1].bank = b }
            } else { d.bankAccounts.append(Party.BankAccount(bank: bank, account: digits, holder: nil)) }
        case "holder":
            if let last = d.bankAccounts.last, last.holder == nil { d.bankAccounts[d.bankAccounts.count - 1].holder = text }
            else { d.bankAccounts.append(Party.BankAccount(bank: nil, account: nil, holder: text)) }
        default:
            break
        }
    }

    /// Names in running text followed by parentheses that open with a `field：` (张明远（身份证号：…）).
    private func proseDetails(_ line: Range<Int>, _ ctx: FactContext) -> [(String, Range<Int>)] {
        let t = ctx.t
        var out: [(String, Range<Int>)] = []
        let stops = Self.nameStops
        var p = line.lowerBound
        while p < line.upperBound {
            defer { p += 1 }
            guard Self.openParen.contains(t[p]), let f = ctx.match(ctx.data.fieldLabels, at: p + 1),
                  followedByColon(f.end, line, ctx) else { continue }
            var q = p + 1
            while q < line.upperBound && !Self.closeParen.contains(t[q]) { q += 1 }
            var s = p
            while s > line.lowerBound && !stops.contains(t[s - 1]) && p - s < 20 { s -= 1 }
            let nr = trimPunctuation(ctx.trimmed(s..<p), ctx)
            if nr.count >= 2 && isNameLike(nr, ctx) && ctx.roles(in: nr).isEmpty { out.append((ctx.originalClean(nr), (p + 1)..<q)) }
            p = q
        }
        return out
    }

    /// Whether a short line without a label goes on with the value of the field line above it, cut by
    /// a hard wrap (住址：…景田北路 1⏎2 号景丽花园 6 栋): the block goes on after it.
    private func continuesField(_ body: Range<Int>, after lineStart: Int, _ ctx: FactContext) -> Bool {
        let t = ctx.t
        guard body.count <= Self.wrappedValueLength, !body.contains(where: { t[$0] == Self.colon }), lineStart >= 2 else { return false }
        var a = lineStart - 1   // the newline ending the line above
        var e = a
        while e > 0 && FactContext.isSpace(t[e - 1]) { e -= 1 }
        guard e > 0, !Self.valueEnds.contains(t[e - 1]) else { return false }
        while a > 0 && t[a - 1] != 0x0A { a -= 1 }
        guard let lead = leadingLabel(ctx.trimmed(a..<e), ctx) else { return false }
        return ctx.match(ctx.data.fieldLabels, endingAt: lead.upperBound) != nil
    }
    /// The longest line read as the rest of a wrapped value.
    static let wrappedValueLength = 30
    /// What ends a value for good (a sentence or clause end).
    private static let valueEnds = ScalarSet("。；;！？")

    /// Fields whose value is a number, read even without a colon after the label.
    private static let numericFields: Set<String> = ["phone", "account", "fax", "postcode"]

    /// A party's account named in a clause (…转入乙方指定账户：, 甲方收款账户：…, 匯入甲方指定帳戶):
    /// the role right before 账户 and where the line goes on after it.
    private func accountHeading(_ line: Range<Int>, _ ctx: FactContext) -> (label: String, rest: Range<Int>)? {
        let t = ctx.t
        var a = line.lowerBound
        while a + 1 < line.upperBound {
            defer { a += 1 }
            // 账户 / 帐户, and a bank's 户口 (Hong Kong: 存入甲方指定之銀行戶口：; 户口所在地 is a residence).
            guard (t[a] == 0x8D26 || t[a] == 0x5E10) && t[a + 1] == 0x6237
                    || t[a] == 0x6237 && t[a + 1] == 0x53E3 && a >= 2 && t[a - 2] == 0x94F6 && t[a - 1] == 0x884C else { continue }
            guard let r = ctx.roles(in: max(line.lowerBound, a - 8)..<a).last, a - r.range.upperBound <= 6,
                  !(r.range.upperBound..<a).contains(where: { [0x2C, 0x3002, 0x3B, 0x3001, Self.colon].contains(t[$0]) }) else { continue }
            var e = a + 2
            while e < line.upperBound && (t[e] == Self.colon || FactContext.isSpace(t[e])) { e += 1 }
            return (r.label, e..<line.upperBound)
        }
        return nil
    }

    /// Whether only spaces or markdown emphasis stand between a line's start and `k`.
    private func opensLine(_ k: Int, _ ctx: FactContext) -> Bool {
        var j = k
        while j > 0 && (FactContext.isSpace(ctx.t[j - 1]) || ctx.t[j - 1] == Self.star) && k - j < 8 { j -= 1 }
        return j == 0 || ctx.t[j - 1] == 0x0A
    }

    /// Taiwan (A123456789) and Hong Kong (K382615(5), AB123456(7)) identity numbers in a value.
    private func regionalIDs(_ r: Range<Int>, _ ctx: FactContext) -> [(String, String, Bool)] {
        var out: [(String, String, Bool)] = []
        let t = ctx.t
        func upper(_ c: UInt32) -> Bool { (0x41...0x5A).contains(c) }
        func digit(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) }
        var i = r.lowerBound
        while i < r.upperBound {
            guard upper(t[i]), i == r.lowerBound || !upper(t[i - 1]) && !digit(t[i - 1]) else { i += 1; continue }
            var j = i
            while j < r.upperBound && upper(t[j]) && j - i < 2 { j += 1 }
            let letters = j - i
            var k = j
            while k < r.upperBound && digit(t[k]) { k += 1 }
            let digits = k - j
            if letters == 1 && digits == 9 && (k == r.upperBound || !digit(t[k])) {
                let s = Array(t[i..<k])
                out.append((ctx.text(i..<k), "taiwan_id", IdentifierValidator.validTaiwanID(s)))
            } else if digits == 6, k + 2 < r.upperBound, t[k] == 0x28, digit(t[k + 1]) || t[k + 1] == 0x41, t[k + 2] == 0x29 {
                let s = Array(t[i..<k]) + [t[k + 1]]
                out.append((ctx.text(i..<(k + 3)), "hong_kong_id", IdentifierValidator.validHongKongID(s)))
                k += 3
            }
            i = max(k, i + 1)
        }
        return out
    }

    /// Runs of letters and digits joined across single spaces (4403061978 11025825, as OCR and
    /// spaced typing split an ID), when no run alone has 18 characters.
    private func spacedIDRuns(_ runs: [Range<Int>], _ ctx: FactContext) -> [Range<Int>] {
        guard !runs.contains(where: { $0.count == 18 }), runs.count >= 2 else { return [] }
        var out: [Range<Int>] = []
        var k = 0
        while k < runs.count {
            var e = k
            while e + 1 < runs.count && runs[e + 1].lowerBound == runs[e].upperBound + 1 && ctx.t[runs[e].upperBound] == 0x20 { e += 1 }
            if e > k { out.append(runs[k].lowerBound..<runs[e].upperBound) }
            k = e + 1
        }
        return out
    }

    /// The characters of a run other than spaces.
    static func spacedLength(_ r: Range<Int>, _ ctx: FactContext) -> Int { r.filter { ctx.t[$0] != 0x20 }.count }

    private func alnumRuns(_ r: Range<Int>, _ ctx: FactContext) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = r.lowerBound
        func isAlnum(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
        while i < r.upperBound {
            if isAlnum(ctx.t[i]) {
                var j = i
                while j < r.upperBound && isAlnum(ctx.t[j]) { j += 1 }
                out.append(i..<j)
                i = j
            } else { i += 1 }
        }
        return out
    }

    /// Mobile numbers (1[3-9] + 9 digits), landlines (0 + area code + 7–8 digits, dash optional,
    /// the area code maybe in parentheses: (03) 327-5566), service numbers (400/800 + 7 digits),
    /// and numbers after a country code in parentheses or after + ((852) 2345 6789, +86 138…).
    private func phones(in r: Range<Int>, _ ctx: FactContext) -> [String] {
        var out: [String] = []
        var i = r.lowerBound
        let t = ctx.t
        func digit(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) }
        func codeMark(_ c: UInt32) -> Bool { c == 0x28 || c == 0x29 || c == 0x2B }
        while i < r.upperBound {
            guard digit(t[i]) || (t[i] == 0x28 || t[i] == 0x2B) && i + 1 < r.upperBound && digit(t[i + 1]) else { i += 1; continue }
            var j = i
            var s: [UInt32] = []
            var marked = false
            while j < r.upperBound && (digit(t[j]) || t[j] == 0x2D || t[j] == 0x20 || codeMark(t[j]) && s.count <= 4) {
                if digit(t[j]) { s.append(t[j]) } else if codeMark(t[j]) { marked = true }
                j += 1
            }
            func starts(_ p: String) -> Bool { s.starts(with: p.unicodeScalars.map(\.value)) }
            let mobile = s.count == 11 && s[0] == 0x31 && (0x33...0x39).contains(s[1])
            if mobile && !marked {
                out.append(ScalarDecoding.string(s, 0, s.count))
            } else if s.count >= 9 && s.count <= 12 && s[0] == 0x30 {
                out.append(ctx.text(ctx.trimmed(i..<j)))
            } else if s.count == 10 && (starts("400") || starts("800")) {
                out.append(ctx.text(ctx.trimmed(i..<j)))
            } else if marked && (s.count == 11 && (starts("852") || starts("853")) || s.count >= 11 && s.count <= 13 && (starts("86") || starts("886"))) {
                out.append(ctx.text(ctx.trimmed(i..<j)))
            } else if mobile {
                out.append(ScalarDecoding.string(s, 0, s.count))
            } else if s.count >= 7 && s.count <= 8 {
                out.append(ctx.text(ctx.trimmed(i..<j)))
            }
            i = max(j, i + 1)
        }
        return out
    }

    // MARK: Aliases in running text

    /// `NAME（以下简称"甲方"）` anywhere: the label and the name before the parenthesis.
    private func aliasDefinitions(_ ctx: FactContext) -> [(label: String, name: String?, range: Range<Int>)] {
        let t = ctx.t
        var out: [(String, String?, Range<Int>)] = []
        let key: [UInt32] = Array("简称".unicodeScalars.map(\.value))
        let yi: UInt32 = 0x4EE5, xia: UInt32 = 0x4E0B, cheng: UInt32 = 0x79F0   // 以 下 称
        var i = 0
        while i + 1 < t.count {
            defer { i += 1 }
            // 简称 or 以下称 (张明远以下称“出借人”).
            let plain = t[i] == key[0] && t[i + 1] == key[1]
            let below = t[i] == xia && t[i + 1] == cheng && i > 0 && t[i - 1] == yi
            guard plain || below else { continue }
            var j = i + 2
            while j < t.count && (Self.quotes.contains(t[j]) || FactContext.isSpace(t[j]) || t[j] == Self.colon || t[j] == 0x4E3A) { j += 1 }
            guard let r = ctx.roles(in: j..<min(t.count, j + 8)).first, r.range.lowerBound == j else { continue }
            // Back to the opening parenthesis, then the name before it; without one, the name
            // right before 以下.
            var p = i
            while p > 0 && !Self.openParen.contains(t[p - 1]) && i - p < 8 && t[p - 1] != 0x0A { p -= 1 }
            let nameEnd: Int
            let inParens = p > 0 && Self.openParen.contains(t[p - 1])
            if inParens {
                nameEnd = p - 1
            } else {
                var e = below ? i - 1 : i
                if plain && e >= 2 && t[e - 2] == yi && t[e - 1] == xia { e -= 2 }
                guard e > 0, e < i || below, !Self.closeParen.contains(t[e - 1]) else { continue }
                nameEnd = e
            }
            var s = nameEnd
            let stops = Self.nameStops
            while s > 0 && !stops.contains(t[s - 1]) && nameEnd - s < 40 { s -= 1 }
            let nr = trimPunctuation(ctx.trimmed(s..<nameEnd), ctx)
            let endsWithRole = ctx.roleMentions.contains { $0.range.upperBound == nr.upperBound }
            let name = nr.isEmpty || endsWithRole || !isNameLike(nr, ctx) ? nil : ctx.originalClean(nr)
            // Outside parentheses only a named definition counts (双方以下称甲方、乙方 defines nobody).
            if !inParens && name == nil { continue }
            out.append((r.label, name, s..<min(t.count, r.range.upperBound + 1)))
        }
        return out
    }

    // MARK: Sides from wording

    /// Sides for generic labels from wording such as 甲方自愿将…卖给乙方; the first cue found decides.
    private func sidesFromWording(_ ctx: FactContext) -> [String: String] {
        var sides: [String: String] = [:]
        let t = ctx.t
        for s in ctx.doc.sentences {
            let mentions = ctx.roles(in: s.range).filter { ctx.data.parties.roles[$0.label] == "generic" }
            guard mentions.count >= 2 else { continue }
            for cue in ctx.data.sideCues {
                guard let hit = find(cue.pieces, in: s.range, t) else { continue }
                let before = mentions.filter { $0.range.upperBound <= hit.lowerBound }
                // The role right before the verb acts (乙方委托甲方为客户提供服务: 甲方 provides).
                guard let a = before.last else { continue }
                guard let b = mentions.first(where: { ctx.role($0.label) != ctx.role(a.label) && $0.range.lowerBound > a.range.lowerBound }) else { continue }
                let ra = ctx.role(a.label), rb = ctx.role(b.label)
                if sides[ra] == nil && sides[rb] == nil {
                    sides[ra] = cue.sides[0]
                    sides[rb] = cue.sides[1]
                }
                return sides
            }
        }
        return sides
    }

    /// The range of the first place the pieces occur in order, each gap at most 12 characters.
    private func find(_ pieces: [[UInt32]], in r: Range<Int>, _ t: [UInt32]) -> Range<Int>? {
        guard let firstPiece = pieces.first, !firstPiece.isEmpty else { return nil }
        func at(_ p: [UInt32], _ i: Int) -> Bool {
            guard i + p.count <= r.upperBound else { return false }
            for k in 0..<p.count where t[i + k] != p[k] { return false }
            return true
        }
        var i = r.lowerBound
        outer: while i < r.upperBound {
            defer { i += 1 }
            guard at(firstPiece, i) else { continue }
            var end = i + firstPiece.count
            for p in pieces.dropFirst() {
                var j = end
                var found = false
                while j <= min(r.upperBound - p.count, end + 12) {
                    if at(p, j) { found = true; break }
                    j += 1
                }
                guard found else { continue outer }
                end = j + p.count
            }
            return i..<end
        }
        return nil
    }
}
