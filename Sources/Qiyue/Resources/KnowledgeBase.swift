import Foundation

/// Everything loaded from Rules/: lexicons, entity data, fact patterns, classifier weights and risk
/// rules. Immutable and shared by all workers.
public final class KnowledgeBase: Sendable {
    /// The directory it was loaded from.
    public let directory: String
    /// Domain terms kept as single tokens.
    let lexicon: Lexicon
    /// Words containing numerals that are not numbers.
    let notNumbers: Lexicon
    /// Entity language data.
    let entities: EntityData
    /// Fact language data (party roles, purposes, anchors, penalty wording).
    let facts: FactData
    /// Splitter cues and classifier features (Rules/classification).
    let classifier: ClassifierData

    /// Loads the rules directory (see ``RulesDirectory``).
    public init(directory: String? = nil) throws(QiyueError) {
        guard let dir = RulesDirectory.locate(explicit: directory) else {
            throw QiyueError(.badRuleData, path: directory,
                             "cannot find the Rules directory (pass --rules-dir or set QIYUE_RULES)")
        }
        self.directory = dir
        var lex = Lexicon()
        for f in RulesDirectory.files(dir, "lexicon", ext: ["txt"]) where !f.hasSuffix("/not-numbers.txt") {
            lex.merge(Lexicon(fileContent: try RulesDirectory.readFile(f)))
        }
        lexicon = lex
        notNumbers = Lexicon(fileContent: try RulesDirectory.read(dir, "lexicon/not-numbers.txt"))
        entities = try EntityData(directory: dir)
        facts = try FactData(directory: dir)
        classifier = try ClassifierData(directory: dir)
    }

    /// The shared default knowledge base, loaded on first use.
    public static func shared() throws(QiyueError) -> KnowledgeBase {
        try cache.withLock { (kb: inout KnowledgeBase?) throws(QiyueError) -> KnowledgeBase in
            if let kb { return kb }
            let loaded = try KnowledgeBase()
            kb = loaded
            return loaded
        }
    }
}

private let cache = LockedBox<KnowledgeBase?>(nil)
