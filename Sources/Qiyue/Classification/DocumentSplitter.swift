/// Cuts a scraped page that holds several documents into its documents, by the boundary cues of
/// Rules/classification/split.yaml: numbered headings (过户合同篇3, 客户合同范文2, 范文一, 客户部 第4篇)
/// and, on pages without numbered series, title lines.
///
/// Page front matter (site title, date, 导语) before the first document is not part of any document.
/// A text with fewer than two documents yields one part covering the whole text.
/// ```swift
/// let page = try Analyzer().analyze(contentsOf: "Corpus/pages/000_d915155119d6f3bb.txt")
/// for part in try DocumentSplitter(knowledge: .shared()).split(page) {
///     print(part.startLine, part.title)   // 11 房屋过户买卖合同范文一 …
/// }
/// ```
public struct DocumentSplitter: Sendable {
    private let data: ClassifierData

    /// Creates a splitter from the knowledge base's split cues.
    public init(knowledge: KnowledgeBase) throws(QiyueError) {
        data = knowledge.classifier
    }

    /// A numbered heading found on a line.
    struct Cue {
        /// Headings with the same key form a series.
        var series: String
        /// The number (1-based).
        var number: Int
        /// Length of the title within the trimmed line (shorter than the line for inline headings).
        var titleLength: Int
    }

    /// The documents of a page, in order.
    public func split(_ doc: Document) -> [DocumentPart] {
        let index = LineIndex(doc)
        let lines = index.lines
        let cues = lines.map { $0.text.isEmpty ? nil : cue($0.text) }
        var members: [String: [Int]] = [:]
        for (i, c) in cues.enumerated() { if let c { members[c.series, default: []].append(i) } }
        let series = members.filter { $0.value.count >= data.split.minSeries }

        var starts: [(line: Int, titleLength: Int)]
        if series.isEmpty {
            starts = titleStarts(lines, cues).map { ($0, cues[$0]?.titleLength ?? lines[$0].text.count) }
        } else {
            starts = seriesStarts(lines, cues, series)
        }

        guard starts.count >= 2 else {
            let title: String
            if let s = starts.first {
                title = ScalarDecoding.string(lines[s.line].text, 0, s.titleLength)
            } else if let first = lines.first(where: { !$0.text.isEmpty }), first.text.count <= data.split.titles.maxLength {
                title = ScalarDecoding.string(first.text, 0, first.text.count)
            } else {
                title = ""
            }
            return [DocumentPart(title: title, range: 0..<doc.normalized.count,
                                 span: TextSpan(0, doc.originalScalars.count), startLine: 1)]
        }
        var parts: [DocumentPart] = []
        for (k, s) in starts.enumerated() {
            let line = lines[s.line]
            let end = k + 1 < starts.count ? lines[starts[k + 1].line] : nil
            let range = line.normalized.lowerBound..<(end?.normalized.lowerBound ?? doc.normalized.count)
            let span = TextSpan(line.original.lowerBound, end?.original.lowerBound ?? doc.originalScalars.count)
            parts.append(DocumentPart(title: ScalarDecoding.string(line.text, 0, s.titleLength), range: range,
                                      span: span, startLine: s.line + 1))
        }
        return parts
    }

    // MARK: Series pages

    /// Starts on a page with numbered series: every series heading, except group headings.
    private func seriesStarts(_ lines: [LineIndex.Line], _ cues: [Cue?],
                              _ series: [String: [Int]]) -> [(line: Int, titleLength: Int)] {
        let inSeries = cues.map { $0.map { series[$0.series] != nil } ?? false }
        let cueLines = inSeries.indices.filter { inSeries[$0] }
        var starts: [(line: Int, titleLength: Int)] = []
        for (k, h) in cueLines.enumerated() {
            let cue = cues[h]!
            var isGroup = false
            if k + 1 < cueLines.count {
                let next = cueLines[k + 1]
                let nextKey = cues[next]!.series
                isGroup = nextKey != cue.series && series[nextKey]!.first == next
            }
            if !isGroup {
                starts.append((h, cue.titleLength))
                continue
            }
            // A group heading: its first document may start at a plain title line right after it.
            guard let j = nextNonBlank(lines, after: h), !inSeries[j], isTitleShaped(lines[j].text) else { continue }
            starts.append((j, lines[j].text.count))
        }
        return starts
    }

    // MARK: Pages without series

    /// Starts on a page without numbered series, from title lines.
    private func titleStarts(_ lines: [LineIndex.Line], _ cues: [Cue?]) -> [Int] {
        let t = data.split.titles
        var candidate = [Bool](repeating: false, count: lines.count)
        for (i, l) in lines.enumerated() where !l.text.isEmpty {
            candidate[i] = cues[i] != nil || isTitle(l.text)
        }
        let first = lines.firstIndex { !$0.text.isEmpty }
        var starts: [Int] = []
        var body = 0
        for (i, l) in lines.enumerated() {
            if candidate[i] {
                if let last = starts.last, body < t.minBodyBetween {
                    // Too little text since the last title: a repeated title, a collection heading or a
                    // sub-title of the same document — except that the page's own title yields.
                    if t.firstLineIsPageTitle, last == first, body == 0, l.text != lines[last].text {
                        starts[starts.count - 1] = i
                    }
                } else {
                    starts.append(i)
                    body = 0
                }
                continue
            }
            body += l.text.count
        }
        // A title needs a body before the next title.
        var kept: [Int] = []
        for (k, s) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : lines.count
            var n = 0
            for j in (s + 1)..<max(s + 1, end) where !candidate[j] { n += lines[j].text.count }
            if n >= t.minBody { kept.append(s) }
        }
        return kept.count >= t.minDocuments ? kept : []
    }

    private func nextNonBlank(_ lines: [LineIndex.Line], after i: Int) -> Int? {
        var j = i + 1
        while j < lines.count {
            if !lines[j].text.isEmpty { return j }
            j += 1
        }
        return nil
    }

    // MARK: Line tests

    /// A numbered heading: `<stem><marker>N`, `<stem><open><marker>N<close>`, `<stem> 第N<ordinal>[:title]`
    /// or an inline `<stem><inline marker>N<text>`.
    func cue(_ s: [UInt32]) -> Cue? {
        let n = data.split.numbered
        if s.count <= n.maxLength {
            // 第N篇 [: title]
            for j in 0..<s.count where s[j] == HeadingScanner.di {
                guard let num = Self.number(s, j + 1), let e = data.ordinals.longestMatch(s, at: num.end) else { continue }
                if e == s.count || s[e] == 0x3A {
                    let ordinal = ScalarDecoding.string(s, num.end, e)
                    return Cue(series: "第N" + ordinal, number: num.value, titleLength: s.count)
                }
            }
            // <stem><marker>N, optionally bracketed.
            var end = s.count
            var open: Int?
            if let close = s.last, let o = s.lastIndex(where: { data.openBrackets[$0] == close }) {
                open = o
                end = s.count - 1
            }
            for j in 0..<end {
                guard let e = data.markers.longestMatch(s, at: j, limit: end), let num = Self.number(s, e),
                      num.end == end else { continue }
                if let open, open != j - 1 { continue }
                let stemEnd = open ?? j
                if s[0..<stemEnd].contains(where: { data.sentencePunctuation.contains($0) }) { break }
                let stem = ScalarDecoding.string(s, 0, stemEnd).filter { $0 != " " }
                return Cue(series: ScalarDecoding.string(s, j, e) + ":" + stem, number: num.value, titleLength: s.count)
            }
        }
        // Inline: 买车不过户合同协议书范文1出售方…
        let limit = min(s.count, n.maxLength)
        for j in 2..<max(2, limit) {
            guard data.inlineMarkers.startsTerm(s[j]), let e = data.inlineMarkers.longestMatch(s, at: j),
                  let num = Self.number(s, e), num.end + 1 < s.count, data.markers.longestMatch(s, at: num.end) == nil,
                  data.inlineStemEndings.contains(where: { Self.hasSuffix(s, upTo: j, $0) }) else { continue }
            if s[0..<j].contains(where: { data.sentencePunctuation.contains($0) }) { return nil }
            let stem = ScalarDecoding.string(s, 0, j).filter { $0 != " " }
            return Cue(series: ScalarDecoding.string(s, j, e) + ":" + stem, number: num.value, titleLength: num.end)
        }
        return nil
    }

    /// Short, no sentence punctuation, no clause numbering or bullet at the start.
    func isTitleShaped(_ s: [UInt32]) -> Bool {
        let t = data.split.titles
        guard s.count >= 2, s.count <= t.maxLength else { return false }
        if s.contains(where: { data.sentencePunctuation.contains($0) }) { return false }
        if data.bulletStarts.contains(s[0]) || CharClass.isDigit(s[0]) { return false }
        return HeadingScanner.match(s, at: 0, limit: s.count) == nil
    }

    /// A title line: title-shaped, and (without its decorations) ending with a title word or starting
    /// with a title prefix.
    func isTitle(_ s: [UInt32]) -> Bool {
        guard isTitleShaped(s) else { return false }
        let t = data.split.titles
        let core = stripDecorations(s)
        guard core.count >= t.minLength else { return false }
        if data.titleEndings.contains(where: { Self.hasSuffix(core, upTo: core.count, $0) }) { return true }
        return data.titlePrefixes.contains { p in p.count < core.count && Array(core.prefix(p.count)) == p }
    }

    /// Removes trailing "(经典)", "「篇一」", "6篇", "1", "模板" … repeatedly.
    private func stripDecorations(_ s: [UInt32]) -> [UInt32] {
        var c = s
        var changed = true
        while changed && !c.isEmpty {
            changed = false
            while let l = c.last, CharClass.isSpace(l) { c.removeLast() }
            guard let last = c.last else { break }
            if let o = c.lastIndex(where: { data.openBrackets[$0] == last }), o > 0 {
                c.removeSubrange(o...)
                changed = true
                continue
            }
            if let m = data.markerList.first(where: { $0.count < c.count && Self.hasSuffix(c, upTo: c.count, $0) }) {
                c.removeLast(m.count)
                changed = true
                continue
            }
            var k = c.count
            while k > 0 && (CharClass.isDigit(c[k - 1]) || HeadingScanner.chineseDigits[c[k - 1]] != nil
                            || c[k - 1] == HeadingScanner.ten) { k -= 1 }
            if k < c.count && k > 0 {
                c.removeSubrange(k...)
                changed = true
                continue
            }
            for d in data.decorations where d.count < c.count && Self.hasSuffix(c, upTo: c.count, d) {
                c.removeLast(d.count)
                changed = true
                break
            }
        }
        return c
    }

    // MARK: Helpers

    /// An Arabic (up to 6 digits) or Chinese (up to 99,999) series number starting at `i`: a page
    /// may number its documents past 999.
    static func number(_ s: [UInt32], _ i: Int) -> (value: Int, end: Int)? {
        guard i < s.count else { return nil }
        return HeadingScanner.arabicNumber(s, i, s.count, maxDigits: 6) ?? HeadingScanner.chineseNumber(s, i, s.count)
    }

    static func hasSuffix(_ s: [UInt32], upTo end: Int, _ suffix: [UInt32]) -> Bool {
        guard suffix.count <= end else { return false }
        var k = 0
        while k < suffix.count {
            if s[end - suffix.count + k] != suffix[k] { return false }
            k += 1
        }
        return true
    }
}
