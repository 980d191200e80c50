import ArgumentParser
import Foundation
import Qiyue
import QiyueIngest

/// `qiyue entities`: numbers, percentages, money, dates and durations, one JSON line each.
struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Print the entities in a text, one JSON line each: {dim, text, span, value, rule}.",
        discussion: """
        Every entity names the rule that made it (money.range, duration.compound, date.time …) and its
        resolved value: number {value} (overflow: true and no value beyond Double's range); percentage
        {value} as a fraction (千分之五 → 0.005), kind: discount for 八折, unit: point for 个百分点; money
        {value, currency} or {min, max, currency} for ranges and bounds, with words/figures when both are
        written; date {date} or the known parts {year, month, day}, start/end for ranges, time and grain
        for date-times, valid: false for an impossible date, bound (before/after/from/until/on) when
        written; duration {amount, unit} with iso (ISO 8601), dayKind, min/max for ranges and bounds, and
        bound (within/after/before/from). Template blanks print "blank": true with any filled parts.
        Two-digit years (24年) are read near the text's own four-digit year, else --reference-date, else
        the POSIX %y pivot (69–99 → 19xx, 00–68 → 20xx).
        Examples:
          qiyue entities '总价款人民币壹佰捌拾伍万元整(¥1,850,000.00元)'
          qiyue entities --dim date,duration --file contract.txt
          echo '3个工作日内' | qiyue entities
          qiyue entities --reference-date 2024-01-01 '24年3月1日至6月30日' 
        """
    )

    @Argument(help: "The text (omit to read --file or standard input).")
    var text: String?

    @Option(name: .long, help: "Read the text from this file (any supported encoding; text, HTML or DOCX; - for standard input).")
    var file: String?

    @Option(name: .long, parsing: .singleValue, help: "Dimensions to report, comma-separated: number, percentage, money, date, duration (default: all).")
    var dim: [String] = []

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        var dims = Set<EntityDimension>()
        for part in dim.flatMap({ $0.split(separator: ",") }) {
            guard let d = EntityDimension(rawValue: part.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown dimension '\(part)'; use number, percentage, money, date, duration")
            }
            dims.insert(d)
        }
        if dims.isEmpty { dims = Set(EntityDimension.allCases) }
        let analyzer = try input.makeAnalyzer()
        let doc: Document
        if let text, file == nil {
            doc = analyzer.analyze(text: text, source: SourceInfo(path: "<argument>"))
        } else {
            do {
                let read = try input.read(file ?? "-")
                doc = analyzer.analyze(read.decoded, source: read.source)
            } catch {
                Output.error(error.description)
                throw ExitCode(1)
            }
        }
        let extractor = EntityExtractor(knowledge: analyzer.knowledge, referenceDate: try input.checkedReferenceDate())
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        for e in extractor.extract(doc, dims: dims) {
            out += String(decoding: try enc.encode(e), as: UTF8.self) + "\n"
        }
        let lines = out
        try ResultOutput.with(output, inputs: file.map { [$0] } ?? []) { try $0.write(lines) }
    }
}
