/// Line-level normalization over already character-normalized text: stray bullets before headings,
/// spaced-out lines ("客 户 资 料", "甲 方 : 张 三"), and hard line wraps inside a sentence.
///
/// It only deletes scalars or turns a newline into a space, so every surviving scalar keeps its
/// original span. Template blanks survive: a spaced-out line needs most of its Han characters
/// separated by single spaces, while a blank is a lone gap ("人民币 元整") or a run of spaces.
struct LineNormalizer {
    var options: NormalizationOptions

    /// Returns a keep-mask over `text` and rewrites wrap newlines to spaces in place where needed.
    func apply(_ text: inout [UInt32]) -> [Bool] {
        var keep = [Bool](repeating: true, count: text.count)
        var lines: [Range<Int>] = []
        var ls = 0
        for i in 0..<text.count where text[i] == 0x0A {
            lines.append(ls..<i)
            ls = i + 1
        }
        lines.append(ls..<text.count)

        for line in lines {
            stripBullet(text, line, &keep)
            if options.collapseSpacedCJK { collapseSpaced(text, line, &keep) }
        }
        if options.joinWrappedLines && lines.count > 1 {
            for k in 0..<(lines.count - 1) {
                joinIfWrapped(&text, lines[k], lines[k + 1], &keep)
            }
        }
        return keep
    }

    /// '?第一条', '第一条': a replacement or private-use bullet glued to the start of a line.
    private func stripBullet(_ t: [UInt32], _ line: Range<Int>, _ keep: inout [Bool]) {
        var i = line.lowerBound
        while i < line.upperBound && CharClass.isSpace(t[i]) { i += 1 }
        guard i + 1 < line.upperBound else { return }
        let c = t[i]
        let isOdd = c == 0x3F || c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF)
        guard isOdd else { return }
        let next = t[i + 1]
        if CharClass.isHan(next) || CharClass.isDigit(next) { keep[i] = false }
    }

    private func collapseSpaced(_ t: [UInt32], _ line: Range<Int>, _ keep: inout [Bool]) {
        // Most lines have no inner space at all.
        guard line.count > 2, t[(line.lowerBound + 1)..<(line.upperBound - 1)].contains(where: CharClass.isSpace) else { return }
        var han = 0
        var gaps: [Int] = []
        var i = line.lowerBound
        while i < line.upperBound {
            let c = t[i]
            if CharClass.isHan(c) { han += 1 }
            // A tab separates table cells; OCR spacing is spaces.
            if CharClass.isSpace(c), c != Self.tab, i > line.lowerBound, i + 1 < line.upperBound {
                let a = t[i - 1], b = t[i + 1]
                if !CharClass.isSpace(a) && !CharClass.isSpace(b) && CharClass.isCJKish(a) && CharClass.isCJKish(b)
                    && (CharClass.isHan(a) || CharClass.isHan(b)) {
                    gaps.append(i)
                }
            }
            i += 1
        }
        guard gaps.count >= 2, Double(gaps.count) >= 0.5 * Double(han - 1) else {
            collapseSpacedRuns(t, gaps, &keep)
            return
        }
        // Gaps before a unit (年 月 日, 号楼 单元 层 室, 万 元) are where a template wants a number:
        // a line made mostly of those is a blank template, not spaced-out text.
        let beforeUnit = gaps.filter { Self.unitChars.contains(t[$0 + 1]) }.count
        guard beforeUnit * 2 < gaps.count else { return }
        for g in gaps { keep[g] = false }
    }

    /// Spaced-out runs inside a line ("出 租 方 ( 甲 方 ):北京…", "法 定 代 表 人 :钱卫东"): chains of
    /// single characters each separated by one space, at least two gaps long, not made of gaps
    /// before units (a "年 月 日" blank stays).
    private func collapseSpacedRuns(_ t: [UInt32], _ gaps: [Int], _ keep: inout [Bool]) {
        var k = 0
        while k < gaps.count {
            var e = k
            while e + 1 < gaps.count && gaps[e + 1] == gaps[e] + 2 { e += 1 }
            let chain = gaps[k...e]
            if chain.count >= 2 {
                let beforeUnit = chain.filter { Self.unitChars.contains(t[$0 + 1]) }.count
                if beforeUnit * 2 < chain.count { for g in chain { keep[g] = false } }
            }
            k = e + 1
        }
    }

    private static let tab: UInt32 = 0x09

    static let unitChars = ScalarSet("年月日号时分秒元角万楼单层室栋幢户平个天周岁%")

    private func joinIfWrapped(_ t: inout [UInt32], _ a: Range<Int>, _ b: Range<Int>, _ keep: inout [Bool]) {
        // Last and first kept, non-space characters of the two lines.
        var ae = a.upperBound - 1
        while ae >= a.lowerBound && (CharClass.isSpace(t[ae]) || !keep[ae]) { ae -= 1 }
        var bs = b.lowerBound
        while bs < b.upperBound && (CharClass.isSpace(t[bs]) || !keep[bs]) { bs += 1 }
        guard ae >= a.lowerBound, bs < b.upperBound else { return }  // an empty line: a paragraph break
        guard ae == a.upperBound - 1, bs == b.lowerBound else { return }  // indented or padded: a real break
        let last = t[ae], first = t[bs]
        guard CharClass.isHan(last) || last == 0x2C || last == 0x3001 else { return }
        guard CharClass.isHan(first) else { return }
        let aLen = a.upperBound - a.lowerBound
        guard aLen >= 16 else { return }  // titles and short field lines are real lines
        // Table rows (cells separated by tabs, as DOCX tables are read) are real lines.
        if t[a].contains(Self.tab) || t[b].contains(Self.tab) { return }
        if Self.looksLikeField(t, a) || Self.looksLikeField(t, b) || Self.startsWithHeading(t, b) { return }
        let nl = a.upperBound
        if CharClass.isHan(last) { keep[nl] = false } else { t[nl] = 0x20 }
    }

    /// "甲方:……" — a label and a colon near the start.
    private static func looksLikeField(_ t: [UInt32], _ line: Range<Int>) -> Bool {
        let end = min(line.upperBound, line.lowerBound + 20)
        for i in line.lowerBound..<end where t[i] == 0x3A { return true }
        return false
    }

    /// 第X条 / 一、 / 1、 / (一) at the start of a line.
    static func startsWithHeading(_ t: [UInt32], _ line: Range<Int>) -> Bool {
        HeadingScanner.match(t, at: line.lowerBound, limit: line.upperBound) != nil
    }
}
