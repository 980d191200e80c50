/// Role labels a contract defines for itself in its party block when the role list lacks them
/// (房屋征收部门：南京市…办公室 / 被征收人：陈秀英; 代理人：某某公司（以下简称"代理人"）, where 代理人 is
/// otherwise a contact-person field): their mentions in the text are role mentions like those of
/// the listed labels, so the parties, the obligors of deadlines and the payers of penalties see them.
///
/// Only where the party block mentions fewer than two of the listed labels (a contract has at
/// least two parties): a document whose parties the list already names keeps its reading. A
/// candidate label ends in a party noun (parties.yaml `definedLabelEndings`) and the text uses it
/// again below the block: a `LABEL：NAME` line's label that is no field, signature or
/// foreign-contact label, or the alias a `LABEL：NAME（以下简称"X"）` line defines.
enum DefinedRoles {
    /// How many lines from the top the party block may span.
    static let blockLines = 40
    /// The longest label or alias read (Han characters).
    static let maxLabel = 8

    /// Mentions of the document's own role labels (not overlapping `known`), in text order.
    static func mentions(_ ctx: FactContext, known: [(range: Range<Int>, label: String)]) -> [(range: Range<Int>, label: String)] {
        let t = ctx.t
        let endings = ctx.data.definedLabelEndings
        guard !endings.isEmpty else { return [] }
        var candidates: [String] = []
        var blockEnd = 0
        var lineStart = 0
        var lines = 0
        while lineStart < t.count && lines < blockLines {
            var lineEnd = lineStart
            while lineEnd < t.count && t[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var body = ctx.trimmed(lineStart..<lineEnd)
            while !body.isEmpty && (t[body.lowerBound] == 0x2A || t[body.lowerBound] == 0x23 || FactContext.isSpace(t[body.lowerBound])) {
                body = (body.lowerBound + 1)..<body.upperBound
            }
            guard !body.isEmpty else { continue }
            lines += 1
            if ctx.doc.clauseStarts(at: body.lowerBound) && lines > 1 { break }
            blockEnd = lineEnd
            // LABEL：
            var c = body.lowerBound
            while c < body.upperBound && c - body.lowerBound <= maxLabel && CharClass.isHan(t[c]) { c += 1 }
            var colon = c
            while colon < body.upperBound && (t[colon] == 0x2A || FactContext.isSpace(t[colon])) { colon += 1 }
            guard c - body.lowerBound >= 2, colon < body.upperBound, t[colon] == 0x3A || t[colon] == 0xFF1A else { continue }
            let labelRange = body.lowerBound..<c
            let label = ctx.text(labelRange)
            if let m = ctx.match(ctx.data.roles, at: body.lowerBound), m.end == c { continue }
            let value = ctx.trimmed((colon + 1)..<body.upperBound)
            guard !value.isEmpty, CharClass.isHan(t[value.lowerBound]) else { continue }
            // （以下简称"X"）: the alias the header defines.
            if let alias = definedAlias(in: value, ctx) {
                let a = ctx.text(alias)
                if endings.contains(where: { a.hasSuffix($0) && a.count > $0.count }), isName(value, ctx) { candidates.append(a) }
                continue
            }
            guard ctx.match(ctx.data.fieldLabels, at: body.lowerBound)?.end != c,
                  !ctx.contains(ctx.data.signatureWords, in: labelRange),
                  !ctx.contains(ctx.data.foreignContacts, in: labelRange),
                  endings.contains(where: { label.hasSuffix($0) && label.count > $0.count }),
                  isName(value, ctx) else { continue }
            candidates.append(label)
        }
        // The listed labels the block mentions (as headers, in 以下简称“甲方”, in a recital).
        let knownHeads = Set(known.lazy.filter { $0.range.upperBound <= blockEnd }.map(\.label))
        guard knownHeads.count < 2, !candidates.isEmpty else { return [] }
        var labels: [[UInt32]] = []
        for c in candidates {
            let s = c.unicodeScalars.map(\.value)
            guard !labels.contains(s) else { continue }
            // Used again below the block (as who acts), not only a line's caption.
            guard occurrences(of: s, in: blockEnd..<t.count, t).first != nil else { continue }
            labels.append(s)
        }
        guard !labels.isEmpty else { return [] }
        // Longest first, so 被征收人 is not read as a mention of a shorter label inside it.
        labels.sort { $0.count > $1.count }
        var taken = known.map(\.range)
        var out: [(range: Range<Int>, label: String)] = []
        for l in labels {
            for r in occurrences(of: l, in: 0..<t.count, t) where !taken.contains(where: { $0.overlaps(r) }) {
                // The end of a longer field label (委托代理人：) is no mention of 代理人.
                if let f = ctx.match(ctx.data.fieldLabels, endingAt: r.upperBound), f.start < r.lowerBound { continue }
                out.append((r, ScalarDecoding.string(t, r.lowerBound, r.upperBound)))
                taken.append(r)
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The Han word after 简称/下称 (and an optional 为 and quote) in the first parenthesis of a
    /// header's value.
    private static func definedAlias(in value: Range<Int>, _ ctx: FactContext) -> Range<Int>? {
        let t = ctx.t
        guard let open = value.first(where: { t[$0] == 0x28 || t[$0] == 0xFF08 }) else { return nil }
        var close = open + 1
        while close < value.upperBound && t[close] != 0x29 && t[close] != 0xFF09 { close += 1 }
        let inner = (open + 1)..<close
        guard let key = PartyExtractor.aliasKeys.lazy.compactMap({ k in occurrences(of: k, in: inner, t).first }).first else { return nil }
        var a = key.upperBound
        while a < close && (t[a] == 0x4E3A || t[a] == 0x3A || PartyExtractor.quotes.contains(t[a]) || FactContext.isSpace(t[a])) { a += 1 }
        var b = a
        while b < close && CharClass.isHan(t[b]) && b - a < maxLabel { b += 1 }
        guard b - a >= 2, b == close || PartyExtractor.quotes.contains(t[b]) || t[b] == 0x2C || t[b] == 0x3001 else { return nil }
        return a..<b
    }

    /// A party's name: Han-led, a few characters, no sentence punctuation or obligation wording.
    private static func isName(_ r: Range<Int>, _ ctx: FactContext) -> Bool {
        let t = ctx.t
        var e = r.lowerBound
        while e < r.upperBound && CharClass.isHan(t[e]) { e += 1 }
        guard e - r.lowerBound >= 2, e - r.lowerBound <= 40 else { return false }
        return !(r.lowerBound..<e).contains { notInNames.contains(t[$0]) }
    }
    private static let notInNames = ScalarSet("应须得按如的")

    private static func occurrences(of w: [UInt32], in r: Range<Int>, _ t: [UInt32]) -> [Range<Int>] {
        guard !w.isEmpty, w.count <= r.count else { return [] }
        var out: [Range<Int>] = []
        var i = r.lowerBound
        while i <= r.upperBound - w.count {
            if t[i] == w[0] && t[i..<(i + w.count)].elementsEqual(w) {
                out.append(i..<(i + w.count))
                i += w.count
            } else {
                i += 1
            }
        }
        return out
    }
}
