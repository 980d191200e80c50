import Foundation

/// Splits normalized text into sentences (on 。；！？ and line breaks) and builds the clause tree
/// from the numbering at the start of lines (第X章 / 第X条 / 一、 / (一) / 1、 / (1) / ①).
///
/// Nesting follows the order in which numbering styles first appear, the way a reader infers it:
/// the first style seen is the top level, a new style opens a deeper level, and a style already on
/// the stack closes everything below it.
enum StructureParser {
    static func sentences(_ t: [UInt32]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var s = 0
        func flush(_ e: Int) {
            var a = s, b = e
            while a < b && (CharClass.isSpace(t[a]) || t[a] == 0x0A) { a += 1 }
            while b > a && (CharClass.isSpace(t[b - 1]) || t[b - 1] == 0x0A) { b -= 1 }
            if b > a { out.append(a..<b) }
        }
        var i = 0
        while i < t.count {
            let c = t[i]
            if c == 0x0A {
                flush(i)
                s = i + 1
            } else if CharClass.isSentenceEnd(c) {
                // Keep closing quotes and brackets with the sentence.
                var e = i + 1
                while e < t.count && (t[e] == 0x201D || t[e] == 0x2019 || t[e] == 0x29 || t[e] == 0x5D) { e += 1 }
                flush(e)
                s = e
                i = e
                continue
            }
            i += 1
        }
        flush(t.count)
        return out
    }

    struct RawClause {
        var number: String
        var style: HeadingScanner.Style
        var title: String?
        var start: Int
        var end: Int
        var depth: Int
        var parent: Int?
    }

    static func clauses(_ t: [UInt32]) -> [Clause] {
        var raw: [RawClause] = []
        var stack: [Int] = []  // indices into raw
        var lineStart = 0
        let n = t.count
        while lineStart < n {
            var lineEnd = lineStart
            while lineEnd < n && t[lineEnd] != 0x0A { lineEnd += 1 }
            var i = lineStart
            while i < lineEnd && CharClass.isSpace(t[i]) { i += 1 }
            if let m = HeadingScanner.match(t, at: i, limit: lineEnd) {
                // Close clauses of the same style (and everything deeper).
                if let k = stack.lastIndex(where: { raw[$0].style == m.style }) {
                    for idx in stack[k...] { raw[idx].end = lineStart }
                    stack.removeSubrange(k...)
                }
                let number = ScalarDecoding.string(t, i, numberEnd(t, i, m.end))
                raw.append(RawClause(number: number, style: m.style, title: title(t, m.end, lineEnd),
                                     start: i, end: n, depth: stack.count, parent: stack.last))
                stack.append(raw.count - 1)
            }
            lineStart = lineEnd + 1
        }
        for idx in stack { raw[idx].end = n }
        return raw.map { r in
            var e = r.end
            while e > r.start && (t[e - 1] == 0x0A || CharClass.isSpace(t[e - 1])) { e -= 1 }
            return Clause(number: r.number, style: r.style, title: r.title, range: r.start..<max(e, r.start + 1),
                          depth: r.depth, parent: r.parent)
        }
    }

    private static func numberEnd(_ t: [UInt32], _ s: Int, _ e: Int) -> Int {
        var k = e
        while k > s && (CharClass.isSpace(t[k - 1]) || t[k - 1] == 0x3A) { k -= 1 }
        return k
    }

    /// A short title directly after the number: "违约责任" in "第五条 违约责任", "价款" in "一、价款".
    private static func title(_ t: [UInt32], _ s: Int, _ lineEnd: Int) -> String? {
        var e = s
        while e < lineEnd && (CharClass.isHan(t[e]) || CharClass.isSpace(t[e]) && e == s) { e += 1 }
        let stop = e < lineEnd ? t[e] : 0x0A
        let len = e - s
        guard len >= 2, len <= 12 else { return nil }
        // A title ends the line or is followed by punctuation that closes it.
        guard stop == 0x0A || stop == 0x3A || CharClass.isSpace(stop) || stop == 0x3002 || e == lineEnd else { return nil }
        var a = s, b = e
        while a < b && CharClass.isSpace(t[a]) { a += 1 }
        while b > a && CharClass.isSpace(t[b - 1]) { b -= 1 }
        return ScalarDecoding.string(t, a, b)
    }
}
