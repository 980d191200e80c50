import Foundation

/// The typical contract of 民法典 合同编 a contract is (classification.contractType): cue words
/// per type from Rules/classification/contract-types.yaml. A title that names a type decides (most
/// hits, ties to the type listed first, the most specific); otherwise the cues at the start of
/// the text (up to `bodyCap` per type) do.
struct ContractTypeClassifier: Sendable {
    struct File: Decodable, Sendable {
        struct TypeCues: Decodable, Sendable {
            var type: String
            var cues: [String]
            /// The contract category a contract of this type always is (construction → other_contract);
            /// nil where the type spans categories (承揽 is a service or another contract).
            var category: String?
        }
        var bodyCap: Int
        var titleWeight: Int
        var types: [TypeCues]
    }

    private let file: File
    private let cues: WordTable<Int>   // cue → index into file.types

    /// Loads the types; nil when the Rules directory has no contract-types.yaml (an older one).
    init?(directory: String) throws(QiyueError) {
        let f: File? = try EntityData.load(directory, "classification/contract-types.yaml", ifMissing: nil)
        guard let f else { return nil }
        file = f
        cues = WordTable(f.types.enumerated().flatMap { i, t in t.cues.map { (EntityData.norm($0), i) } })
    }

    /// The contract type of a document ("other" when no cue is found).
    func classify(_ doc: Document) -> String {
        let t = doc.normalized
        // A title that names a type decides: the most hits, then the most specific (listed first).
        // 二手房买卖合同 is a house sale, 存量房买卖居间合同 too, 融资租赁合同 a financial lease.
        if let k = titleType(t, 0..<t.count) { return file.types[k].type }
        var best = -1
        var scores = [Int](repeating: 0, count: file.types.count)
        for m in findAll(t, 0..<min(t.count, 3_000)) where scores[m] < file.bodyCap { scores[m] += 1 }
        for k in scores.indices where scores[k] > 0 && (best < 0 || scores[k] > scores[best]) { best = k }
        return best < 0 ? "other" : file.types[best].type
    }

    /// The type a title names and the category that type always is: the category of a contract
    /// whose title names such a type (幕墙工程专业分包合同 → construction → other_contract). The title is
    /// the first non-empty line of `range`; nil when it names no type or the type has no category.
    func titleCategory(_ doc: Document, range: Range<Int>) -> (type: String, category: String)? {
        guard let k = titleType(doc.normalized, range), let c = file.types[k].category else { return nil }
        return (file.types[k].type, c)
    }

    /// The index of the type the title (the first non-empty line of `r`, its first 60 characters)
    /// names most often, ties to the one listed first; nil when it names none.
    private func titleType(_ t: [UInt32], _ r: Range<Int>) -> Int? {
        var i = r.lowerBound
        while i < r.upperBound && (t[i] == 0x0A || CharClass.isSpace(t[i])) { i += 1 }
        var e = i
        while e < r.upperBound && t[e] != 0x0A { e += 1 }
        var hits = [Int](repeating: 0, count: file.types.count)
        for m in findAll(t, i..<min(e, i + 60)) { hits[m] += 1 }
        var best = -1
        for k in hits.indices where hits[k] > 0 && (best < 0 || hits[k] > hits[best]) { best = k }
        return best < 0 ? nil : best
    }

    private func findAll(_ t: [UInt32], _ r: Range<Int>) -> [Int] {
        var out: [Int] = []
        var i = r.lowerBound
        while i < r.upperBound {
            if cues.startsWord(t[i]), let m = cues.match(t, at: i), m.end <= r.upperBound {
                out.append(m.value)
                i = m.end
            } else {
                i += 1
            }
        }
        return out
    }
}
