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

    /// Contract-type cues (Rules/classification/contract-types.yaml; nil when an older Rules
    /// directory has none).
    let contractTypes: ContractTypeClassifier?
    /// The shipped risk rules (Rules/risks), parsed while loading, or why they cannot be.
    let shippedRules: Result<[RiskRule], QiyueError>
    /// The digest of the rule files (``Producer/digest(rulesDirectory:extraFiles:settings:)``),
    /// computed once while loading.
    public let rulesDigest: String

    /// Loads the rules directory (see ``RulesDirectory``).
    public init(directory: String? = nil) throws(QiyueError) {
        guard let dir = RulesDirectory.locate(explicit: directory) else {
            throw QiyueError(.badRuleData, path: directory,
                             "cannot find the Rules directory (pass --rules-dir or set QIYUE_RULES)")
        }
        self.directory = dir
        // Three independent parts, loaded at once (start-up is most of a one-file run).
        let (first, facts, rest) = try Concurrently.run(
            { () throws(QiyueError) in
                // ICU compiles the Traditional-Simplified rules the first time a transliterator is
                // opened and keeps them for the process: opened here, in parallel, every
                // normalizer opened later (one per worker) gets them ready.
                _ = try? ICUTransliterator(id: "Traditional-Simplified")
                return (try EntityData(directory: dir), try ContractTypeClassifier(directory: dir), Producer.digest(rulesDirectory: dir))
            },
            { () throws(QiyueError) in try FactData(directory: dir) },
            { () throws(QiyueError) in
                var lex = Lexicon()
                for f in RulesDirectory.files(dir, "lexicon", ext: ["txt"]) where !f.hasSuffix("/not-numbers.txt") {
                    lex.merge(Lexicon(fileContent: try RulesDirectory.readFile(f)))
                }
                let notNumbers = Lexicon(fileContent: try RulesDirectory.read(dir, "lexicon/not-numbers.txt"))
                let classifier = try ClassifierData(directory: dir)
                // Parsed here, in parallel with the rest; an error surfaces only when a risk
                // engine asks for the shipped rules (not with --no-default-rules).
                let rules = Result { () throws(QiyueError) in try RiskRuleLoader.load(RiskEngine.ruleFiles(at: dir + "/risks")) }
                return (lex, notNumbers, classifier, rules)
            })
        (entities, contractTypes, rulesDigest) = first
        self.facts = facts
        (lexicon, notNumbers, classifier, shippedRules) = rest
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
