import ArgumentParser
import Qiyue

/// Options shared by every command that reads input files.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "Force the input encoding (an ICU converter name such as GBK, Big5, UTF-16LE) instead of detecting it.")
    var encoding: String?

    @Option(name: .long, help: "Refuse inputs larger than this many bytes.")
    var maxBytes: Int = 32 << 20

    @Flag(name: .long, help: "Keep Traditional characters instead of converting them to Simplified.")
    var keepTraditional = false

    @Option(name: .long, help: "The Rules directory (default: $QIYUE_RULES, the package's Rules/, or ./Rules).")
    var rulesDir: String?

    var decoding: DecodingOptions { DecodingOptions(encoding: encoding, maxBytes: maxBytes) }
    var normalization: NormalizationOptions { NormalizationOptions(traditionalToSimplified: !keepTraditional) }

    /// A pipeline over the rules directory; `risks` picks the risk rules from the loaded knowledge.
    func makePipeline(risks: (KnowledgeBase) throws -> Pipeline.RiskRules = { _ in .shipped }) throws -> Pipeline {
        let kb = try KnowledgeBase(directory: rulesDir)
        return try Pipeline(knowledge: kb, decoding: decoding, normalization: normalization, risks: risks(kb))
    }

    func makeAnalyzer() throws -> Analyzer {
        let kb = try KnowledgeBase(directory: rulesDir)
        return try Analyzer(knowledge: kb, decoding: decoding, normalization: normalization)
    }
}
