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
        Values: number {value}; percentage {value} as a fraction (千分之五 → 0.005); money {value, currency}
        or {min, max, currency}, with words/figures when both are written; date {date} or the known parts
        {year, month, day}, with bound (before/after/on/from/until) when written; duration {amount, unit}
        with bound (within/after/before/from). Template blanks print {"blank": true} and no value.
        Examples:
          qiyue entities '总价款人民币壹佰捌拾伍万元整(¥1,850,000.00元)'
          qiyue entities --dim date,duration --file contract.txt
          echo '3个工作日内' | qiyue entities
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
        let extractor = EntityExtractor(knowledge: analyzer.knowledge)
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
