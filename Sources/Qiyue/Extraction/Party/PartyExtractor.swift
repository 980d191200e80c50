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
    /// How far a party header's value and its `label: value` details reach (characters).
    static let headerWindow = 400
    private static let openParen: Set<UInt32> = [0x28, 0x5B, 0x3010, 0xFF08]
    private static let closeParen: Set<UInt32> = [0x29, 0x5D, 0x3011, 0xFF09]
    private static let quotes: Set<UInt32> = [0x22, 0x27, 0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F]

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
        var lineStart = 0
        while lineStart <= t.count {
            var lineEnd = lineStart
            while lineEnd < t.count && t[lineEnd] != 0x0A { lineEnd += 1 }
            let line = lineStart..<lineEnd
            let hs = headers(in: line, ctx)
            for h in hs {
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
                }
            }
            if hs.isEmpty, let c = current, !line.isEmpty {
                if ctx.first(ctx.data.fieldLabels, in: line) != nil && !isClauseLine(line, ctx) {
                    details(in: line, of: &drafts[c], ctx)
                } else if !ctx.trimmed(line).isEmpty {
                    current = nil
                }
            }
            lineStart = lineEnd + 1
        }

        // 2. "以下简称甲方" definitions in running text.
        for d in aliasDefinitions(ctx) {
            let i = draftIndex(for: [d.label], range: d.range)
            link(i, [d.label])
            if drafts[i].nameBlank, let n = d.name { drafts[i].name = n; drafts[i].nameBlank = false; drafts[i].range = d.range }
        }

        for d in drafts {
            ctx.primaryRole[d.role] = d.role
            for a in d.aliases { ctx.primaryRole[a] = d.role }
        }

        // 3. Sides.
        let cueSides = sidesFromWording(ctx)
        var parties = drafts.map { d in
            let labels = [d.role] + d.aliases
            var side = labels.compactMap { l -> String? in
                let s = ctx.data.parties.roles[l]
                return s == "generic" ? nil : s
            }.first
            if let s = side, let c = ctx.category, let mapped = ctx.data.parties.categorySides[s]?[c] { side = mapped }
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
        // 乙方收款账户： / 甲方联系方式：: a heading for the party's details, with no name.
        var detailsOnly = false
        var s0 = i
        while s0 < body.upperBound && FactContext.isSpace(t[s0]) { s0 += 1 }
        if let w = ctx.match(ctx.data.detailHeadings, at: s0), valueStart(after: w.end, body, ctx) != nil {
            i = w.end
            detailsOnly = true
        }
        guard let start = valueStart(after: i, body, ctx) else {
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
            if let f = ctx.match(ctx.data.fieldLabels, at: k), followedByColon(f.end, body, ctx) { end = k; break }
            if let r = ctx.match(ctx.data.roles, at: k), k > i, FactContext.isSpace(t[k - 1]) || t[k - 1] == 0x2C,
               followedByColon(r.end, body, ctx, allowParen: true) { end = k; break }
            k += 1
        }
        var valueRange = ctx.trimmed(i..<end)
        // A parenthesis after the name: "以下简称甲方" aliases, or remarks to drop.
        var p = valueRange.lowerBound
        while p < valueRange.upperBound && !Self.openParen.contains(t[p]) { p += 1 }
        var remark: Range<Int>?
        if p < valueRange.upperBound {
            var q = p + 1
            while q < valueRange.upperBound && !Self.closeParen.contains(t[q]) { q += 1 }
            for r in ctx.roles(in: (p + 1)..<q) where !labels.contains(r.label) { labels.append(r.label) }
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
        return Header(labels: labels, name: name, signature: signature, range: range, rest: end..<restEnd, valueEnd: end,
                      remark: remark)
    }

    private func followedByColon(_ e: Int, _ body: Range<Int>, _ ctx: FactContext, allowParen: Bool = false) -> Bool {
        var j = e
        while j < body.upperBound && FactContext.isSpace(ctx.t[j]) && ctx.t[j] != Self.tab { j += 1 }
        if allowParen && j < body.upperBound && Self.openParen.contains(ctx.t[j]) {
            while j < body.upperBound && !Self.closeParen.contains(ctx.t[j]) { j += 1 }
            j += 1
        }
        return valueStart(after: j, body, ctx) != nil
    }

    /// A table cell boundary: DOCX tables are read as one row per line, cells separated by a tab.
    private static let tab: UInt32 = 0x09

    /// Where a label's value starts: after a colon, or after the tab that ends the label's table
    /// cell (`出卖人（甲方）⇥王建国`); nil when neither follows the label.
    private func valueStart(after e: Int, _ body: Range<Int>, _ ctx: FactContext) -> Int? {
        var j = e, cell = false
        while j < body.upperBound && FactContext.isSpace(ctx.t[j]) {
            if ctx.t[j] == Self.tab { cell = true }
            j += 1
        }
        guard j < body.upperBound else { return nil }
        if ctx.t[j] == Self.colon { return j + 1 }
        return cell ? j : nil
    }

    /// A name as written, or nil when it is a template's placeholder: a blank run inside it
    /// (________证券公司, 中国建设银行____分行), template syntax ({{ party_a }}, ${buyer}, 【    】,
    /// <甲方名称>), or a word that only says what goes there (盖章, 签字, 公司名称) — from
    /// Rules/facts/parties.yaml `placeholders`.
    private func filledName(_ name: String, _ ctx: FactContext) -> String? {
        let s = name.unicodeScalars.map(\.value)
        var run = 0
        for c in s {
            run = c == 0x5F || c == 0xFF3F ? run + 1 : 0
            if run >= 2 { return nil }
        }
        for (open, close) in ctx.data.placeholderBrackets where name.hasPrefix(open) && name.contains(close) { return nil }
        let bare = name.filter { !"（）()【】[] ".contains($0) }
        if ctx.data.parties.placeholders?.contains(bare) == true { return nil }
        return name
    }

    private func trimPunctuation(_ r: Range<Int>, _ ctx: FactContext) -> Range<Int> {
        var a = r.lowerBound, b = r.upperBound
        let punct: Set<UInt32> = [0x2C, 0x3B, 0x3002, 0x3001, 0x2E, 0x3A]
        while a < b && (punct.contains(ctx.t[a]) || FactContext.isSpace(ctx.t[a])) { a += 1 }
        while b > a && (punct.contains(ctx.t[b - 1]) || FactContext.isSpace(ctx.t[b - 1]) || Self.quotes.contains(ctx.t[b - 1])) { b -= 1 }
        return a..<b
    }

    /// A name has no sentence punctuation and no obligation wording.
    private static let notInNames: [[UInt32]] = ["应", "须", "负责", "有权", "权利", "义务", "。", ";", "不得", "按照", "如下"]
        .map { $0.unicodeScalars.map(\.value) }

    private func isNameLike(_ r: Range<Int>, _ ctx: FactContext) -> Bool {
        !ctx.containsAny(Self.notInNames, in: r)
    }

    private func isClauseLine(_ line: Range<Int>, _ ctx: FactContext) -> Bool {
        ctx.doc.clauseStarts(at: ctx.trimmed(line).lowerBound)
    }

    // MARK: Details

    /// `label: value` pairs in a range, attached to a party.
    private func details(in range: Range<Int>, of d: inout Draft, _ ctx: FactContext) {
        let t = ctx.t
        var labels: [(range: Range<Int>, field: String)] = []
        var k = range.lowerBound
        while k < range.upperBound {
            if let f = ctx.match(ctx.data.fieldLabels, at: k), followedByColon(f.end, range, ctx) {
                labels.append((k..<f.end, f.value))
                k = f.end
            } else { k += 1 }
        }
        for (n, l) in labels.enumerated() {
            var s = l.range.upperBound
            if let start = valueStart(after: s, range, ctx) { s = start } else {
                while s < range.upperBound && t[s] != Self.colon { s += 1 }
                s += 1
            }
            let e = n + 1 < labels.count ? labels[n + 1].range.lowerBound : range.upperBound
            guard s <= e else { continue }
            let v = trimPunctuation(ctx.trimmed(s..<e), ctx)
            guard !v.isEmpty else { continue }
            let text = ctx.originalClean(v)
            switch l.field {
            case "name":
                if d.nameBlank, isNameLike(v, ctx), v.count <= 40, let n = filledName(text, ctx) { d.name = n; d.nameBlank = false }
            case "id":
                // 身分證字號 F228604175 (Taiwan), 香港身份證 K382615(5) (Hong Kong).
                for (value, kind, valid) in regionalIDs(v, ctx) {
                    let id = Party.Identifier(type: kind, value: value, valid: valid)
                    if !d.ids.contains(id) { d.ids.append(id) }
                }
                for run in alnumRuns(v, ctx) where run.count == 18 {
                    let scalars = Array(t[run])
                    let label = ctx.text(l.range)
                    guard let kind = IdentifierValidator.kind(scalars, label: label) else { continue }
                    let valid = kind == "resident_id" ? IdentifierValidator.validResidentID(scalars)
                        : IdentifierValidator.validCreditCode(scalars)
                    let id = Party.Identifier(type: kind, value: ctx.text(run), valid: valid)
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
                let digits = text.filter { $0.isNumber || $0 == " " || $0 == "-" }.trimmingCharacters(in: .whitespaces)
                guard digits.filter(\.isNumber).count >= 8 else { break }
                if let last = d.bankAccounts.last, last.account == nil { d.bankAccounts[d.bankAccounts.count - 1].account = digits }
                else { d.bankAccounts.append(Party.BankAccount(bank: nil, account: digits, holder: nil)) }
            case "holder":
                if let last = d.bankAccounts.last, last.holder == nil { d.bankAccounts[d.bankAccounts.count - 1].holder = text }
                else { d.bankAccounts.append(Party.BankAccount(bank: nil, account: nil, holder: text)) }
            default:
                break
            }
        }
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

    /// Mobile numbers (1[3-9] + 9 digits) and landlines (0 + area code + 7–8 digits, dash optional).
    private func phones(in r: Range<Int>, _ ctx: FactContext) -> [String] {
        var out: [String] = []
        var i = r.lowerBound
        let t = ctx.t
        func digit(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) }
        while i < r.upperBound {
            guard digit(t[i]) else { i += 1; continue }
            var j = i
            var s: [UInt32] = []
            while j < r.upperBound && (digit(t[j]) || t[j] == 0x2D || t[j] == 0x20) {
                if digit(t[j]) { s.append(t[j]) }
                j += 1
            }
            if s.count == 11 && s[0] == 0x31 && (0x33...0x39).contains(s[1]) {
                out.append(ScalarDecoding.string(s, 0, s.count))
            } else if s.count >= 10 && s.count <= 12 && s[0] == 0x30 {
                out.append(ctx.text(ctx.trimmed(i..<j)))
            } else if s.count >= 7 && s.count <= 8 {
                out.append(ctx.text(ctx.trimmed(i..<j)))
            }
            i = j
        }
        return out
    }

    // MARK: Aliases in running text

    /// `NAME（以下简称"甲方"）` anywhere: the label and the name before the parenthesis.
    private func aliasDefinitions(_ ctx: FactContext) -> [(label: String, name: String?, range: Range<Int>)] {
        let t = ctx.t
        var out: [(String, String?, Range<Int>)] = []
        let key: [UInt32] = Array("简称".unicodeScalars.map(\.value))
        var i = 0
        while i + 1 < t.count {
            defer { i += 1 }
            guard t[i] == key[0], t[i + 1] == key[1] else { continue }
            var j = i + 2
            while j < t.count && (Self.quotes.contains(t[j]) || FactContext.isSpace(t[j]) || t[j] == Self.colon || t[j] == 0x4E3A) { j += 1 }
            guard let r = ctx.roles(in: j..<min(t.count, j + 8)).first, r.range.lowerBound == j else { continue }
            // Back to the opening parenthesis, then the name before it.
            var p = i
            while p > 0 && !Self.openParen.contains(t[p - 1]) && i - p < 8 && t[p - 1] != 0x0A { p -= 1 }
            guard p > 0, Self.openParen.contains(t[p - 1]) else { continue }
            let nameEnd = p - 1
            var s = nameEnd
            let stops: Set<UInt32> = [0x0A, 0x2C, 0x3001, 0x3A, 0x3B, 0x3002, 0x7531, 0x4E0E, 0x548C, 0x53CA, 0x29]
            while s > 0 && !stops.contains(t[s - 1]) && nameEnd - s < 40 { s -= 1 }
            let nr = trimPunctuation(ctx.trimmed(s..<nameEnd), ctx)
            let endsWithRole = ctx.roleMentions.contains { $0.range.upperBound == nr.upperBound }
            let name = nr.isEmpty || endsWithRole || !isNameLike(nr, ctx) ? nil : ctx.originalClean(nr)
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
