import Foundation

/// A set of terms matched by longest match at a position, stored as a trie in one hash table.
///
/// Loaded from plain text files (one term per line, `#` comments). A line may carry exclusions:
/// `十分 !钟` means "十分, unless followed by 钟".
struct Lexicon: Sendable {
    private var edges = TrieEdges()
    /// Per node: 0 inner, 1 a term, 2 a term with exclusions.
    private var terminal: [UInt8] = [0]
    private var exclusions: [Int32: [[UInt32]]] = [:]
    private var firstChars = ScalarSet()
    private(set) var count = 0
    private(set) var maxLength = 0

    init() {}

    init(terms: [String]) {
        for t in terms { insert(t) }
    }

    /// Parses lexicon file content.
    init(fileContent: String) {
        for raw in fileContent.split(whereSeparator: \.isNewline) {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            let excl = parts.dropFirst().filter { $0.hasPrefix("!") }.map { String($0.dropFirst()) }
            insert(String(parts[0]), unlessFollowedBy: excl)
        }
    }

    mutating func merge(_ other: Lexicon) {
        for (term, excl) in other.allTerms() { insert(term, unlessFollowedBy: excl) }
    }

    mutating func insert(_ term: String, unlessFollowedBy excl: [String] = []) {
        let scalars = term.unicodeScalars.map(\.value)
        guard !scalars.isEmpty else { return }
        firstChars.insert(scalars[0])
        var node: Int32 = 0
        for c in scalars {
            if let next = edges.child(node, c) { node = next } else {
                let next = Int32(terminal.count)
                terminal.append(0)
                edges.set(node, c, next)
                node = next
            }
        }
        if terminal[Int(node)] == 0 { count += 1; terminal[Int(node)] = 1 }
        if !excl.isEmpty {
            exclusions[node, default: []].append(contentsOf: excl.map { $0.unicodeScalars.map(\.value) })
            terminal[Int(node)] = 2
        }
        maxLength = max(maxLength, scalars.count)
    }

    /// End (exclusive) of the longest term starting at `i`, or nil.
    @inline(__always)
    func longestMatch(_ t: [UInt32], at i: Int, limit: Int? = nil) -> Int? {
        longestMatchNode(t, at: i, limit: limit)?.end
    }

    /// The longest term starting at `i`: its end (exclusive) and its trie node, or nil.
    @inline(__always)
    func longestMatchNode(_ t: [UInt32], at i: Int, limit: Int? = nil) -> (end: Int, node: Int32)? {
        let lim = limit ?? t.count
        guard i < lim, firstChars.contains(t[i]) else { return nil }
        var node: Int32 = 0
        var best: (Int, Int32)?
        var j = i
        while j < lim {
            guard let next = edges.child(node, t[j]) else { break }
            node = next
            j += 1
            let term = terminal[Int(node)]
            if term == 1 || term == 2 && !excluded(node, t, j, lim) { best = (j, node) }
        }
        return best
    }

    /// For a lexicon of reversed terms: the longest term read backwards from `i - 1` (at most
    /// `maxSteps` scalars back): its start and trie node. Exclusions do not apply.
    @inline(__always)
    func longestMatchNodeBackward(_ t: [UInt32], endingAt i: Int, maxSteps: Int) -> (start: Int, node: Int32)? {
        guard i > 0, firstChars.contains(t[i - 1]) else { return nil }
        var node: Int32 = 0
        var best: (Int, Int32)?
        var j = i - 1
        let floor = max(0, i - maxSteps)
        while j >= floor {
            guard let next = edges.child(node, t[j]) else { break }
            node = next
            if terminal[Int(node)] != 0 { best = (j, node) }
            j -= 1
        }
        return best
    }

    /// Number of trie nodes (node ids are below this).
    var nodeCount: Int { terminal.count }

    /// The trie node of a whole term, or nil.
    func node(of term: String) -> Int32? {
        let t = term.unicodeScalars.map(\.value)
        guard let m = longestMatchNode(t, at: 0), m.end == t.count else { return nil }
        return m.node
    }

    /// Whether some term starting at `i` exists (cheap first-character test).
    @inline(__always)
    func startsTerm(_ c: UInt32) -> Bool { firstChars.contains(c) }

    private func excluded(_ node: Int32, _ t: [UInt32], _ j: Int, _ lim: Int) -> Bool {
        guard let list = exclusions[node] else { return false }
        for e in list where j + e.count <= lim {
            var ok = true
            for k in 0..<e.count where t[j + k] != e[k] { ok = false; break }
            if ok { return true }
        }
        return false
    }

    /// Whether the whole string is a term.
    func contains(_ s: String) -> Bool {
        let t = s.unicodeScalars.map(\.value)
        return longestMatch(t, at: 0) == t.count
    }

    private func allTerms() -> [(String, [String])] {
        // Rebuild terms by walking edges (used only when merging at load time).
        var children: [Int32: [(UInt32, Int32)]] = [:]
        for (n, c, v) in edges.all { children[n, default: []].append((c, v)) }
        var out: [(String, [String])] = []
        func walk(_ n: Int32, _ prefix: [UInt32]) {
            if terminal[Int(n)] != 0 {
                let s = String(String.UnicodeScalarView(prefix.compactMap(Unicode.Scalar.init)))
                let ex = (exclusions[n] ?? []).map { String(String.UnicodeScalarView($0.compactMap(Unicode.Scalar.init))) }
                out.append((s, ex))
            }
            for (c, m) in children[n] ?? [] { walk(m, prefix + [c]) }
        }
        walk(0, [])
        return out
    }
}
