/// Literal strings at least one of which occurs in every match of a pattern (the "required
/// factors" of RE2's prefilter), so that regions without any of them are never handed to ICU.
///
/// `(?<![不禁未无].{0,8})(预先|提前)[^。]{0,12}利息` needs `利息`; `仲裁|法院` needs one of `仲裁`, `法院`.
/// The analysis is conservative: any construct it does not understand makes it give up (nil), which
/// only costs speed, never a match.
enum RegexLiterals {
    /// At most this many strings in a set.
    private static let maxSet = 24

    /// What a sub-pattern can match.
    private struct Info {
        /// Every string it can match, when that is a small finite set ("" for zero-width).
        var exact: Set<String>?
        /// Every match contains one of these (non-empty) strings; nil when unknown.
        var need: Set<String>?
    }

    private struct GiveUp: Error {}

    /// The required literals of a pattern as UTF-16, or nil when there is no useful set.
    static func required(_ pattern: String) -> [[UInt16]]? {
        var p = Parser(Array(pattern.unicodeScalars))
        guard let info = try? p.alternation(), p.i == p.s.count, let need = info.need, !need.isEmpty,
              !need.contains("") else { return nil }
        return need.sorted().map { Array($0.utf16) }
    }

    private static func score(_ s: Set<String>) -> (Int, Int) {
        (s.map { $0.unicodeScalars.count }.min() ?? 0, -s.count)
    }

    private static func better(_ a: Set<String>?, _ b: Set<String>?) -> Set<String>? {
        guard let a else { return b }
        guard let b else { return a }
        return score(b) > score(a) ? b : a
    }

    private static func needOf(exact: Set<String>?) -> Set<String>? {
        guard let exact, !exact.isEmpty, !exact.contains("") else { return nil }
        return exact
    }

    private static func product(_ a: Set<String>, _ b: Set<String>) -> Set<String>? {
        guard a.count * b.count <= maxSet else { return nil }
        var out = Set<String>()
        for x in a { for y in b { out.insert(x + y) } }
        return out
    }

    private struct Parser {
        let s: [Unicode.Scalar]
        var i = 0
        init(_ s: [Unicode.Scalar]) { self.s = s }

        var peek: Unicode.Scalar? { i < s.count ? s[i] : nil }

        mutating func alternation() throws(GiveUp) -> Info {
            var branches = [try concatenation()]
            while peek == "|" {
                i += 1
                branches.append(try concatenation())
            }
            if branches.count == 1 { return branches[0] }
            var exact: Set<String>? = []
            var need: Set<String>? = []
            for b in branches {
                if let e = b.exact, let x = exact, x.count + e.count <= RegexLiterals.maxSet { exact = x.union(e) } else { exact = nil }
                if let n = b.need, let x = need { need = x.union(n) } else { need = nil }
            }
            return Info(exact: exact, need: need)
        }

        mutating func concatenation() throws(GiveUp) -> Info {
            var items: [Info] = []
            while let c = peek, c != "|", c != ")" {
                var atom = try self.atom()
                atom = try quantified(atom)
                items.append(atom)
            }
            // Exact runs of consecutive items, and the best single need.
            var best: Set<String>?
            var run: Set<String>? = [""]
            var whole: Set<String>? = [""]
            for item in items {
                best = RegexLiterals.better(best, item.need)
                if let e = item.exact {
                    run = run.flatMap { RegexLiterals.product($0, e) }
                    whole = whole.flatMap { RegexLiterals.product($0, e) }
                    if run == nil { run = e }
                } else {
                    best = RegexLiterals.better(best, RegexLiterals.needOf(exact: run))
                    run = [""]
                    whole = nil
                }
                best = RegexLiterals.better(best, RegexLiterals.needOf(exact: run))
            }
            return Info(exact: whole, need: best)
        }

        mutating func quantified(_ atom: Info) throws(GiveUp) -> Info {
            guard let c = peek else { return atom }
            var minCount = 1, maxCount = 1
            switch c {
            case "?": minCount = 0; i += 1
            case "*": minCount = 0; maxCount = Int.max; i += 1
            case "+": maxCount = Int.max; i += 1
            case "{":
                guard let (lo, hi) = interval() else { return atom }  // a literal '{'
                minCount = lo; maxCount = hi
            default: return atom
            }
            if peek == "?" || peek == "+" { i += 1 }  // lazy / possessive
            if minCount == 0 {
                if maxCount == 1, let e = atom.exact, e.count < RegexLiterals.maxSet { return Info(exact: e.union([""]), need: nil) }
                return Info(exact: nil, need: nil)
            }
            if minCount == 1 && maxCount == 1 { return atom }
            return Info(exact: nil, need: atom.need ?? RegexLiterals.needOf(exact: atom.exact))
        }

        /// `{m}`, `{m,}`, `{m,n}`; nil (position unchanged) when the brace is not an interval.
        mutating func interval() -> (Int, Int)? {
            var j = i + 1
            func number() -> Int? {
                var v: Int?
                while j < s.count, let d = Int(String(s[j])), s[j].isASCII {
                    v = (v ?? 0) * 10 + d
                    if v! > 100_000 { return nil }
                    j += 1
                }
                return v
            }
            guard let lo = number() else { return nil }
            var hi = lo
            if j < s.count, s[j] == "," {
                j += 1
                hi = number() ?? Int.max
            }
            guard j < s.count, s[j] == "}" else { return nil }
            i = j + 1
            return (lo, hi)
        }

        mutating func atom() throws(GiveUp) -> Info {
            guard let c = peek else { throw GiveUp() }
            i += 1
            switch c {
            case "(": return try group()
            case "[": return try characterClass()
            case "\\": return try escape()
            case ".": return Info(exact: nil, need: nil)
            case "^", "$": return Info(exact: [""], need: nil)
            case "*", "+", "?", "{", ")": throw GiveUp()
            default: return Info(exact: [String(c)], need: [String(c)])
            }
        }

        mutating func group() throws(GiveUp) -> Info {
            var zeroWidth = false
            if peek == "?" {
                i += 1
                guard let k = peek else { throw GiveUp() }
                switch k {
                case ":": i += 1
                case "=", "!": i += 1; zeroWidth = true
                case "<":
                    i += 1
                    if peek == "=" || peek == "!" { i += 1; zeroWidth = true } else {
                        while let n = peek, n != ">" { i += 1 }  // named group
                        guard peek == ">" else { throw GiveUp() }
                        i += 1
                    }
                case ">": i += 1  // atomic
                default: throw GiveUp()  // flags, comments: not analysed
                }
            }
            let inner = try alternation()
            guard peek == ")" else { throw GiveUp() }
            i += 1
            return zeroWidth ? Info(exact: [""], need: nil) : inner
        }

        mutating func characterClass() throws(GiveUp) -> Info {
            var chars = Set<String>()
            var simple = true
            if peek == "^" { simple = false; i += 1 }
            if peek == "]" { chars.insert("]"); i += 1 }
            var depth = 0
            while let c = peek {
                i += 1
                if c == "\\" {
                    guard let e = peek else { throw GiveUp() }
                    i += 1
                    if e.properties.isAlphabetic || e.properties.numericType != nil { simple = false } else { chars.insert(String(e)) }
                    if e == "p" || e == "P" || e == "N" || e == "x" || e == "u" {
                        if peek == "{" { while let n = peek, n != "}" { i += 1 }; i += 1 }
                    }
                } else if c == "[" {
                    simple = false
                    depth += 1
                } else if c == "]" {
                    if depth == 0 {
                        guard simple, !chars.isEmpty, chars.count <= RegexLiterals.maxSet else { return Info(exact: nil, need: nil) }
                        return Info(exact: chars, need: chars)
                    }
                    depth -= 1
                } else if c == "-" || c == "&" || c == ":" {
                    simple = false
                } else {
                    chars.insert(String(c))
                }
            }
            throw GiveUp()
        }

        mutating func escape() throws(GiveUp) -> Info {
            guard let e = peek else { throw GiveUp() }
            i += 1
            switch e {
            case "b", "B", "A", "z", "Z", "G": return Info(exact: [""], need: nil)
            case "n": return literal("\n")
            case "t": return literal("\t")
            case "r": return literal("\r")
            case "p", "P", "N", "x", "u", "U", "k":
                // Only the braced forms (\p{L}, \x{41}, \k<name>) are skipped; \pL, \x41 … give up.
                guard peek == "{" || peek == "<" else { throw GiveUp() }
                let close: Unicode.Scalar = peek == "{" ? "}" : ">"
                while let n = peek, n != close { i += 1 }
                guard peek != nil else { throw GiveUp() }
                i += 1
                return Info(exact: nil, need: nil)
            case "Q", "E", "c", "0": throw GiveUp()
            default:
                if e.properties.isAlphabetic || e.properties.numericType != nil { return Info(exact: nil, need: nil) }
                return literal(String(e))
            }
        }

        func literal(_ s: String) -> Info { Info(exact: [s], need: [s]) }
    }
}
