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

    @Option(name: .long, help: "The date (YYYY-MM-DD) two-digit years (24年) are read near when a text has no four-digit year; default: the POSIX %y pivot (69–99 → 19xx, 00–68 → 20xx).")
    var referenceDate: String?

    var decoding: DecodingOptions { DecodingOptions(encoding: encoding, maxBytes: maxBytes) }
    var normalization: NormalizationOptions { NormalizationOptions(traditionalToSimplified: !keepTraditional) }

    /// A pipeline over the rules directory; `risks` picks the risk rules from the loaded knowledge.
    func makePipeline(risks: (KnowledgeBase) throws -> Pipeline.RiskRules = { _ in .shipped }) throws -> Pipeline {
        let kb = try KnowledgeBase(directory: rulesDir)
        let pipeline = try Pipeline(knowledge: kb, decoding: decoding, normalization: normalization, risks: risks(kb))
        pipeline.referenceDate = try checkedReferenceDate()
        return pipeline
    }

    /// --reference-date, checked.
    func checkedReferenceDate() throws -> String? {
        guard let r = referenceDate else { return nil }
        let parts = r.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ Int($0) != nil }) else {
            throw ValidationError("--reference-date needs YYYY-MM-DD, got '\(r)'")
        }
        return r
    }

    func makeAnalyzer() throws -> Analyzer {
        let kb = try KnowledgeBase(directory: rulesDir)
        return try Analyzer(knowledge: kb, decoding: decoding, normalization: normalization)
    }
}
