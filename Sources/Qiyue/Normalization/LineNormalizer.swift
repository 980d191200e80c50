/// Line-level normalization over already character-normalized text: stray bullets before headings,
/// spaced-out lines ("客 户 资 料", "甲 方 : 张 三"), spaces around figures ("自 2025 年 9 月 1 日起"),
/// and hard line wraps inside a sentence.
///
/// It only deletes scalars, turns a newline into a space or rewrites one scalar in place (OCR's O for 0
/// inside a figure, 曰 for 日 after a day), so every surviving scalar keeps its original span. Template blanks survive: a spaced-out line needs most of its Han characters
/// separated by single spaces, while a blank is a lone gap ("人民币 元整") or a run of spaces.
struct LineNormalizer {
    var options: NormalizationOptions

    /// Returns a keep-mask over `text` and rewrites wrap newlines to spaces in place where needed.
    /// `recognized` marks the scalars OCR produced (nil: none).
    func apply(_ text: inout [UInt32], recognized: [Bool]? = nil) -> [Bool] {
        var keep = [Bool](repeating: true, count: text.count)
        // Tables exported a cell per line become rows first (their newlines turn into tabs).
        var lines = Self.lines(of: text)
        if options.stripMarkup { lines = CellPerLineTable.rejoin(&text, lines: lines) }

        for line in lines {
            // (Before the figures are joined: 2 8 曰 is a day once 曰 reads 日, 2O,OOO a sum once O reads 0.)
            Self.repairFigureConfusions(&text, line)
            if options.stripMarkup { textTable(&text, line, &keep) }
            if options.stripMarkup { stripMarkdown(text, line, &keep); collapseLabelGaps(text, line, &keep) }
            stripBullet(text, line, &keep)
            if options.collapseSpacedCJK { collapseSpaced(text, line, &keep) }
            if options.collapseSpacedCJK, let recognized, line.contains(where: { recognized[$0] }) {
                collapseRecognizedGaps(text, line, recognized, &keep)
            }
            if options.collapseFigureSpaces { collapseFigureGaps(text, line, &keep); FigureGroupGaps.collapse(text, line, &keep) }
        }
        if options.joinWrappedLines && lines.count > 1 {
            for k in 0..<(lines.count - 1) {
                joinIfWrapped(&text, lines[k], lines[k + 1], &keep, recognized: recognized)
            }
        }
        return keep
    }

    /// Two OCR confusions inside figures, rewritten in place:
    /// - a Latin O read for 0 after a digit, before a digit, another O, a separator or a unit
    ///   (2O27 年, 3.2O 元, 2O,OOO 元, 4O 亩, 8801023655012O4793);
    /// - 曰 read for 日 right after a day number (one to three digits or numerals, spaces between) that
    ///   follows 月 (2 月 2 8 曰前, 三月十五曰), or after digits (交货前 2 曰通知). Nowhere else: 子曰 and
    ///   一曰…二曰 stay.
    static func repairFigureConfusions(_ t: inout [UInt32], _ line: Range<Int>) {
        for i in line where t[i] == 0x4F || t[i] == 0x6F {
            // After a digit, or after a separator right after one (2O,OOO).
            guard i > line.lowerBound, CharClass.isDigit(t[i - 1])
                || (t[i - 1] == 0x2C || t[i - 1] == 0x2E) && i - 1 > line.lowerBound && CharClass.isDigit(t[i - 2]) else { continue }
            var n = i + 1
            while n < line.upperBound && t[n] == Scalar.space && n - i <= 2 { n += 1 }
            if n == line.upperBound || CharClass.isDigit(t[n]) || t[n] == 0x4F || t[n] == 0x6F || figureFollowers.contains(t[n]) { t[i] = 0x30 }
        }
        for i in line where t[i] == 0x66F0 {
            var k = i - 1
            var figures = 0, digits = 0
            while k >= line.lowerBound, t[k] == Scalar.space || CharClass.isDigit(t[k]) || dayNumerals.contains(t[k]), figures <= 3 {
                if t[k] != Scalar.space { figures += 1 }
                if CharClass.isDigit(t[k]) { digits += 1 }
                k -= 1
            }
            if (1...3).contains(figures) && k >= line.lowerBound && t[k] == 0x6708 /* 月 */ || digits > 0 && digits == figures { t[i] = Scalar.ri }
        }
    }
    /// What may follow a figure: separators, a percent sign, a date part, a unit or a measure.
    private static let figureFollowers = ScalarSet(",.%年月日曰号元万亿千百个件台套吨亩斤公米箱瓶袋株只头份批辆天时")
    private static let dayNumerals = ScalarSet("〇零一二三四五六七八九十廿卅")

    /// The lines of `t`, without their newlines (the last one may be empty).
    static func lines(of t: [UInt32]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var s = 0
        for i in 0..<t.count where t[i] == 0x0A {
            lines.append(s..<i)
            s = i + 1
        }
        lines.append(s..<t.count)
        return lines
    }

    /// Box-drawing borders (U+2500–U+257F) and Markdown pipe tables.
    static let boxChars: ClosedRange<UInt32> = 0x2500...0x257F
    static let verticalBars = ScalarSet("│┃║┆┇┊┋|｜")

    /// Text tables read as cells, as DOCX tables are (a row per line, cells separated by a tab):
    /// a border line (─┼─, |---|---|, +---+) is dropped, and in a row the bars between cells
    /// (│ ┃ ║, or | in a row that starts with one) become tabs; the bars at the row's ends go.
    /// Every other character keeps its place, so spans still point into the original.
    private func textTable(_ t: inout [UInt32], _ line: Range<Int>, _ keep: inout [Bool]) {
        var i = line.lowerBound
        while i < line.upperBound && CharClass.isSpace(t[i]) { i += 1 }
        guard i < line.upperBound else { return }
        // A border: box characters, dashes, pluses, colons and bars only.
        var border = true, sawRule = false
        for k in i..<line.upperBound {
            let c = t[k]
            if Self.boxChars.contains(c) || c == 0x2D || c == 0x2B || c == 0x3D { sawRule = true; continue }
            if c == 0x7C || c == 0x3A || CharClass.isSpace(c) { continue }
            border = false
            break
        }
        if border && sawRule {
            for k in line { keep[k] = false }
            return
        }
        let pipeRow = t[i] == 0x7C || t[i] == 0xFF5C
        var bars: [Int] = []
        for k in i..<line.upperBound {
            let c = t[k]
            if c == 0x7C || c == 0xFF5C { if pipeRow { bars.append(k) } } else if Self.verticalBars.contains(c) || Self.boxChars.contains(c) { bars.append(k) }
        }
        guard !bars.isEmpty else { return }
        var e = line.upperBound
        while e > i && CharClass.isSpace(t[e - 1]) { e -= 1 }
        for b in bars {
            if b == i || b == e - 1 { keep[b] = false } else { t[b] = 0x09 }
        }
    }

    /// Generator-style Markdown: "#"–"######", ">" and a list bullet ("- ", "* ", "+ ") opening a
    /// line (with the space after them),
    /// and "**" / "***" emphasis anywhere (a lone "*" and "__" blanks stay).
    private func stripMarkdown(_ t: [UInt32], _ line: Range<Int>, _ keep: inout [Bool]) {
        var i = line.lowerBound
        while i < line.upperBound && CharClass.isSpace(t[i]) { i += 1 }
        var j = i
        if j < line.upperBound && t[j] == 0x23 {          // #
            while j < line.upperBound && t[j] == 0x23 && j - i < 6 { j += 1 }
        } else if j < line.upperBound && (t[j] == 0x3E || t[j] == 0x2D || t[j] == 0x2A || t[j] == 0x2B) {   // > - * + (quote, list item)
            j += 1
        }
        if j > i && (j == line.upperBound || CharClass.isSpace(t[j])) {
            for k in i..<j { keep[k] = false }
            while j < line.upperBound && CharClass.isSpace(t[j]) { keep[j] = false; j += 1 }
        }
        var k = line.lowerBound
        while k < line.upperBound {
            guard t[k] == 0x2A else { k += 1; continue }   // *
            var e = k
            while e < line.upperBound && t[e] == 0x2A { e += 1 }
            if e - k == 2 || e - k == 3 {
                for x in k..<e { keep[x] = false }
                // 须在 **30 分钟** 内: the space set off the emphasis goes with it, between two words.
                let content = { (c: UInt32) in CharClass.isHan(c) || CharClass.isDigit(c) }
                if e + 1 < line.upperBound, t[e] == Scalar.space, content(t[e + 1]), k > line.lowerBound, content(t[k - 1]) { keep[e] = false }
                if k >= line.lowerBound + 2, t[k - 1] == Scalar.space, content(t[k - 2]), e < line.upperBound, content(t[e]) { keep[k - 1] = false }
            }
            k = e
        }
    }

    /// "供   方：", "地    址：": a form label of two to six Han characters spread with spaces, at
    /// the start of a line or a cell, before its colon.
    private func collapseLabelGaps(_ t: [UInt32], _ line: Range<Int>, _ keep: inout [Bool]) {
        var i = line.lowerBound
        while i < line.upperBound && CharClass.isSpace(t[i]) { i += 1 }
        var gaps: [Int] = []
        var han = 0
        var j = i
        while j < line.upperBound && han <= 6 {
            let c = t[j]
            if CharClass.isHan(c) { han += 1; j += 1; continue }
            if CharClass.isSpace(c) && c != 0x09 && han > 0 { gaps.append(j); j += 1; continue }
            break
        }
        guard han >= 2, han <= 6, !gaps.isEmpty, j < line.upperBound, t[j] == 0x3A || t[j] == 0xFF1A else { return }
        // Only gaps between two Han characters (not the ones before the colon, which stay harmless).
        for g in gaps where g + 1 < line.upperBound && CharClass.isHan(t[g + 1]) { keep[g] = false }
        for g in gaps where g + 1 < line.upperBound && (t[g + 1] == 0x3A || t[g + 1] == 0xFF1A || CharClass.isSpace(t[g + 1])) { keep[g] = false }
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

    /// Single spaces OCR puts between Chinese characters ("违约 金", "支 付"), in recognized text
    /// only: there a lone space between two Han characters (or a Han character and Chinese
    /// punctuation) is the recognizer's, not the writer's. Kept: wider gaps, tabs, a gap before a
    /// unit (a blank "于 年 月 日前", "人民币 元整"), and a gap between a field's value and the next
    /// label with its colon (two fields on one line, "乙方：张三 身份证号：…").
    private func collapseRecognizedGaps(_ t: [UInt32], _ line: Range<Int>, _ recognized: [Bool], _ keep: inout [Bool]) {
        guard line.count > 2 else { return }
        var i = line.lowerBound + 1
        while i + 1 < line.upperBound {
            defer { i += 1 }
            guard t[i] == 0x20, keep[i], recognized[i] else { continue }
            let a = t[i - 1], b = t[i + 1]
            guard !CharClass.isSpace(a), !CharClass.isSpace(b), CharClass.isCJKish(a), CharClass.isCJKish(b),
                  CharClass.isHan(a) || CharClass.isHan(b) else { continue }
            if Self.unitChars.contains(b) { continue }
            if Self.labelFollows(t, i + 1, line.upperBound) && Self.valueBefore(t, i, line.lowerBound) { continue }
            keep[i] = false
        }
    }

    /// The word before the gap at `k` is a field's value (a colon before it on the line: "乙方：张三
    /// 身份证号："), not the start of a label the recognizer split ("联系 电话：").
    private static func valueBefore(_ t: [UInt32], _ k: Int, _ start: Int) -> Bool {
        var j = k - 1
        while j >= start {
            let c = t[j]
            if c == 0x3A || c == 0xFF1A { return true }
            if CharClass.isSpace(c) || (CharClass.isPunct(c) && c != 0x28 && c != 0x29 && c != 0xFF08 && c != 0xFF09) { return false }
            j -= 1
        }
        return false
    }

    /// A short label and its colon start at `k` (up to six characters, then ： or :).
    private static func labelFollows(_ t: [UInt32], _ k: Int, _ end: Int) -> Bool {
        var j = k
        while j < end && j < k + 7 {
            let c = t[j]
            if c == 0x3A || c == 0xFF1A { return j > k }
            if !CharClass.isHan(c) && c != 0x28 && c != 0x29 && c != 0xFF08 && c != 0xFF09 { return false }
            j += 1
        }
        return false
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

    /// What follows a figure as its unit or measure word ("45 日", "735000 元", "3 个月", "5 %").
    static let figureUnits = ScalarSet("年月日号时点分秒元角万亿千百个天周岁倍次期份台套件辆米亩吨%‰")
    /// Date units after which a postposition ends a date or a duration ("30日 前", "31 日 止").
    static let dateUnits = ScalarSet("年月日号时天")
    /// Chinese numerals, which stand before a unit as digits do (八 万, 三 个月).
    static let numeralChars = ScalarSet("零〇一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾佰仟萬億貳參叄陸兩倆俩")
    static let postpositions = ScalarSet("前后起止内以之为开")

    /// A gap of one or two spaces between a figure and the words around it: a Han character (or a
    /// currency sign) before a figure, a unit after it, and a postposition after a date unit that
    /// follows a figure. Gaps before a unit with no figure ("2014年 月 日", "人民币 元整") are
    /// template blanks and stay; so do wide gaps (columns) and gaps between two figures.
    private func collapseFigureGaps(_ t: [UInt32], _ line: Range<Int>, _ keep: inout [Bool]) {
        guard line.count > 2 else { return }
        var i = line.lowerBound + 1
        while i < line.upperBound - 1 {
            // A tab is a table cell boundary (DOCX rows, flattened tables): never removed here.
            guard CharClass.isSpace(t[i]), t[i] != 0x09 else { i += 1; continue }
            var j = i
            while j < line.upperBound && CharClass.isSpace(t[j]) && t[j] != 0x09 { j += 1 }
            defer { i = j + 1 }
            guard j - i <= 2, j < line.upperBound else { continue }
            // The kept character before the gap (a spaced-out pass may have removed some).
            var p = i - 1
            while p > line.lowerBound && !keep[p] { p -= 1 }
            guard keep[p], !CharClass.isSpace(t[p]) else { continue }
            let before = t[p], after = t[j]
            let collapse: Bool
            if CharClass.isDigit(after) {
                collapse = CharClass.isHan(before) || before == 0xA5 || before == 0x24  // 自 2025, ¥ 80, $ 50
            } else if CharClass.isDigit(before) || Self.numeralChars.contains(before) {
                // 45 日, 八 万 2 千 (a Chinese numeral before its unit, too)
                collapse = Self.figureUnits.contains(after)
            } else if Self.dateUnits.contains(before) && Self.postpositions.contains(after) {
                var q = p - 1
                while q >= line.lowerBound && (!keep[q] || CharClass.isSpace(t[q])) { q -= 1 }
                collapse = q >= line.lowerBound && CharClass.isDigit(t[q])
            } else {
                collapse = false
            }
            if collapse { for k in i..<j { keep[k] = false } }
        }
    }

    private func joinIfWrapped(_ t: inout [UInt32], _ a: Range<Int>, _ b: Range<Int>, _ keep: inout [Bool], recognized: [Bool]?) {
        // Last and first kept, non-space characters of the two lines.
        var ae = a.upperBound - 1
        while ae >= a.lowerBound && (CharClass.isSpace(t[ae]) || !keep[ae]) { ae -= 1 }
        var bs = b.lowerBound
        while bs < b.upperBound && (CharClass.isSpace(t[bs]) || !keep[bs]) { bs += 1 }
        guard ae >= a.lowerBound, bs < b.upperBound else { return }  // an empty line: a paragraph break
        // A date cut by the line end (a trailing space or two allowed): after its year or month, the
        // next line going on with the next part's figure (至 2027 年 5 月⏎31 日止); or after the
        // figure of its month or day, the next line opening with that part's unit (至 2027 年 11⏎月 20 日止).
        if bs == b.lowerBound, a.upperBound - 1 - ae <= 2,
           (Self.datePartEnd(t, a, ae) != nil && Self.dateUnitAfterFigure(t, b, bs) == Self.nextDateUnit(t[ae]))
            || Self.dateFigureEnd(t, a, ae, before: t[bs]) {
            for k in (ae + 1)...a.upperBound { keep[k] = false }
            return
        }
        guard ae == a.upperBound - 1, bs == b.lowerBound else { return }  // indented or padded: a real break
        let last = t[ae], first = t[bs]
        // No line begins with a comma, a full stop or a closing bracket: a line that does continues
        // the one before (租赁保证金⏎，即人民币…), whatever that line looks like.
        if Self.continuationMarks.contains(first) && !CharClass.isSpace(last) {
            keep[a.upperBound] = false
            return
        }
        // In OCR text a number written in words cut at the page's edge (百分之三⏎十) reads whole.
        if let recognized, recognized[ae], recognized[bs], Self.chineseNumerals.contains(last), Self.chineseNumerals.contains(first) {
            keep[a.upperBound] = false
            return
        }
        // A currency sign or word at the end of a line, its figure on the next (¥⏎45 000.00).
        if Self.currencyMarks.contains(last) && (0x30...0x39).contains(first) && a.count >= 8 {
            keep[a.upperBound] = false
            return
        }
        // OCR text cut anywhere, even right after a heading's number (三、⏎质量标准).
        if let recognized, recognized[ae], recognized[bs], CharClass.isHan(first), Self.isOnlyHeadingMark(t, a),
           !Self.startsWithHeading(t, b), !Self.looksLikeField(t, b), !t[b].contains(Self.tab) {
            keep[a.upperBound] = false
            return
        }
        guard CharClass.isHan(last) || last == 0x2C || last == 0x3001 else { return }
        guard CharClass.isHan(first) else { return }
        let aLen = a.upperBound - a.lowerBound
        // Titles and short field lines are real lines. In OCR text a short line that already holds
        // a clause (a comma, or ends with one) is a sentence cut short, not a title.
        let cutClause = recognized.map { $0[ae] && $0[bs] } == true
            && (last == 0x2C || last == 0x3001 || t[a].contains(0x2C) || t[a].contains(0x3B))
        guard aLen >= 16 || cutClause else { return }
        // Table rows (cells separated by tabs, as DOCX tables are read) are real lines.
        if t[a].contains(Self.tab) || t[b].contains(Self.tab) { return }
        if Self.looksLikeField(t, a) || Self.looksLikeField(t, b) || Self.startsWithHeading(t, b) { return }
        let nl = a.upperBound
        if CharClass.isHan(last) { keep[nl] = false } else { t[nl] = 0x20 }
    }

    /// 年 or 月 at `ae` right after a figure (spaces between allowed): the line ends inside a date.
    private static func datePartEnd(_ t: [UInt32], _ line: Range<Int>, _ ae: Int) -> Int? {
        guard t[ae] == 0x5E74 || t[ae] == 0x6708 else { return nil }  // 年 月
        var k = ae - 1
        while k >= line.lowerBound && k > ae - 3 && CharClass.isSpace(t[k]) { k -= 1 }
        return k >= line.lowerBound && CharClass.isDigit(t[k]) ? k : nil
    }

    /// Whether the line ends at `ae` with the one- or two-digit figure of a month (after 年) or a
    /// day (after 月) and `next`, opening the next line, is that part's unit (月; 日 or 号).
    private static func dateFigureEnd(_ t: [UInt32], _ line: Range<Int>, _ ae: Int, before next: UInt32) -> Bool {
        guard CharClass.isDigit(t[ae]) else { return false }
        var k = ae
        while k >= line.lowerBound && CharClass.isDigit(t[k]) { k -= 1 }
        guard ae - k <= 2 else { return false }
        while k >= line.lowerBound && k > ae - 6 && CharClass.isSpace(t[k]) { k -= 1 }
        guard k > line.lowerBound else { return false }
        let unit = t[k]
        guard (unit == 0x5E74 && next == 0x6708) || (unit == 0x6708 && (next == 0x65E5 || next == 0x53F7)) else { return false }
        // A figure before that unit too (2027 年, 5 月): the line holds a date.
        var m = k - 1
        while m >= line.lowerBound && m > k - 3 && CharClass.isSpace(t[m]) { m -= 1 }
        return m >= line.lowerBound && CharClass.isDigit(t[m])
    }

    /// The date unit right after the figure that opens a line at `bs` ("31 日" → 日), if any.
    private static func dateUnitAfterFigure(_ t: [UInt32], _ line: Range<Int>, _ bs: Int) -> UInt32? {
        var k = bs
        while k < line.upperBound && k - bs < 4 && CharClass.isDigit(t[k]) { k += 1 }
        guard k > bs else { return nil }
        let digitsEnd = k
        while k < line.upperBound && k - digitsEnd < 2 && CharClass.isSpace(t[k]) { k += 1 }
        guard k < line.upperBound else { return nil }
        return t[k] == 0x53F7 ? 0x65E5 : t[k]  // 号 is a day as 日 is
    }

    /// The unit of the part after 年 (月) and after 月 (日).
    private static func nextDateUnit(_ c: UInt32) -> UInt32 { c == 0x5E74 ? 0x6708 : 0x65E5 }

    /// Chinese numerals, plain and financial, Simplified and Traditional.
    static let chineseNumerals = ScalarSet("〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億貳參陸")

    /// Marks that never begin a line of their own: ， 、 。 ； ： and closing brackets.
    static let continuationMarks = ScalarSet("，、。；：）」』】,;:)")
    /// A currency sign or the last character of a currency word before a figure.
    static let currencyMarks = ScalarSet("¥$€£币")

    /// "甲方:……" — a label and a colon near the start.
    private static func looksLikeField(_ t: [UInt32], _ line: Range<Int>) -> Bool {
        let end = min(line.upperBound, line.lowerBound + 20)
        for i in line.lowerBound..<end where t[i] == 0x3A { return true }
        return false
    }

    /// Whether a line holds only a heading's number (三、, 第五条, (二)) and nothing after it.
    static func isOnlyHeadingMark(_ t: [UInt32], _ line: Range<Int>) -> Bool {
        guard let m = HeadingScanner.match(t, at: line.lowerBound, limit: line.upperBound) else { return false }
        return (m.end..<line.upperBound).allSatisfy { CharClass.isSpace(t[$0]) }
    }

    /// 第X条 / 一、 / 1、 / (一) at the start of a line.
    static func startsWithHeading(_ t: [UInt32], _ line: Range<Int>) -> Bool {
        HeadingScanner.match(t, at: line.lowerBound, limit: line.upperBound) != nil
    }
}
