import Yams

/// Every YAML file Qiyue reads (rule files, Rules/ data, Corpus examples) goes through here, so
/// that no file can take unbounded time or memory: its size, its nesting and the size of its tree
/// with aliases expanded are checked before anything walks it. An alias bomb — a few hundred bytes
/// of anchors referring to anchors — is refused with a coded error instead of growing to gigabytes.
///
/// Yams composes aliases by sharing the anchored node (copy-on-write), so composing is cheap; the
/// cost appears only when the tree is walked, which is why the expanded size is counted with a
/// bounded walk first.
enum BoundedYAML {
    /// The bounds; each is generous for hand-written rule files.
    struct Limits: Sendable {
        /// Bytes of YAML text.
        var maxBytes = 4 << 20
        /// Nesting of collections.
        var maxDepth = 64
        /// Nodes of the tree with every alias expanded.
        var maxNodes = 200_000
    }

    /// What is wrong with a text or tree, if anything.
    enum Problem: Error, CustomStringConvertible {
        case tooLarge(Int, Int)
        case tooDeep(Int)
        case tooManyNodes(Int)

        var description: String {
            switch self {
            case let .tooLarge(n, max): "YAML file is \(n) bytes, over the limit of \(max)"
            case let .tooDeep(max): "YAML nesting is deeper than \(max) levels"
            case let .tooManyNodes(max):
                "YAML expands to more than \(max) nodes with its aliases expanded (an alias bomb?); refused before expanding"
            }
        }
    }

    /// Checks the text before parsing: its size, and a cheap upper bound of its nesting (flow
    /// brackets outside quotes plus block indentation), so that the recursive composer never
    /// meets a pathologically deep document.
    static func precheck(_ text: String, limits: Limits = Limits()) throws(Problem) {
        let n = text.utf8.count
        if n > limits.maxBytes { throw .tooLarge(n, limits.maxBytes) }
        var flow = 0
        var quote: UInt8 = 0
        var atLineStart = true
        var indent = 0
        var comment = false
        let bound = limits.maxDepth * 4
        for c in text.utf8 {
            if c == 0x0A { atLineStart = true; indent = 0; comment = false; if quote == 0x27 || quote == 0x22 { continue }; continue }
            if comment { continue }
            if atLineStart {
                if c == 0x20 || c == 0x2D { indent += 1; if flow + indent > bound { throw .tooDeep(limits.maxDepth) }; continue }
                atLineStart = false
            }
            if quote != 0 { if c == quote { quote = 0 }; continue }
            switch c {
            case 0x22, 0x27: quote = c
            case 0x23: comment = true
            case 0x5B, 0x7B:
                flow += 1
                if flow + indent > bound { throw .tooDeep(limits.maxDepth) }
            case 0x5D, 0x7D: flow = max(0, flow - 1)
            default: break
            }
        }
    }

    /// Checks a composed tree: depth and expanded node count, by a walk that stops at the bounds.
    static func check(_ root: Node, limits: Limits = Limits()) throws(Problem) {
        var count = 0
        var stack: [(Node, Int)] = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            count += 1
            if count > limits.maxNodes { throw .tooManyNodes(limits.maxNodes) }
            if depth > limits.maxDepth { throw .tooDeep(limits.maxDepth) }
            switch node {
            case .scalar, .alias: break
            case .sequence(let s): for child in s { stack.append((child, depth + 1)) }
            case .mapping(let m):
                for (k, v) in m { stack.append((k, depth + 1)); stack.append((v, depth + 1)) }
            }
        }
    }

    /// Tag resolution for plain scalars: null, bool, int and float only. Yams tries each rule's
    /// regular expression on every plain scalar (most of ours are Chinese words that match none);
    /// timestamps, merge keys (`<<`) and `=` are not used by any Qiyue file, and dropping their
    /// rules takes a third off the cost of loading the rules at start-up.
    static let resolver = Resolver.default.removing(.timestamp).removing(.merge).removing(.value)

    /// Parses a YAML text into Yams nodes within the bounds; nil for an empty document. Yams'
    /// own errors are rethrown as they are (callers report them with positions).
    static func compose(_ text: String, limits: Limits = Limits()) throws -> Node? {
        try precheck(text, limits: limits)
        guard let node = try Yams.compose(yaml: text, resolver) else { return nil }
        try check(node, limits: limits)
        return node
    }

    /// Parses a YAML text into Foundation-style values (`[String: Any]`, `[Any]`, scalars) within
    /// the bounds. Errors: `code` with `path` and the reason.
    static func load(_ text: String, path: String, code: QiyueError.Code = .badRuleData,
                     limits: Limits = Limits()) throws(QiyueError) -> Any? {
        do {
            guard let node = try compose(text, limits: limits) else { return nil }
            return Constructor.default.any(from: node)
        } catch let p as Problem {
            throw QiyueError(code, path: path, p.description)
        } catch {
            throw QiyueError(code, path: path, "YAML cannot be read: \(error)")
        }
    }
}
