import ArgumentParser
import Foundation
import Qiyue

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

    @Option(name: .long, help: "Read the text from this file (any supported encoding).")
    var file: String?

    @Option(name: .long, parsing: .singleValue, help: "Dimensions to report, comma-separated: number, percentage, money, date, duration (default: all).")
    var dim: [String] = []

    @OptionGroup var input: InputOptions

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
        if let file {
            do { doc = try analyzer.analyze(contentsOf: file) } catch {
                Output.error("\(error)")
                throw ExitCode(1)
            }
        } else if let text {
            doc = analyzer.analyze(text: text, source: SourceInfo(path: "<argument>"))
        } else {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let decoded = try TextDecoder(options: input.decoding).decode([UInt8](data), name: "<stdin>")
            doc = analyzer.analyze(decoded, source: SourceInfo(path: "<stdin>", encoding: decoded.encoding, format: decoded.format))
        }
        let extractor = EntityExtractor(knowledge: analyzer.knowledge, referenceDate: try input.checkedReferenceDate())
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        for e in extractor.extract(doc, dims: dims) {
            out += String(decoding: try enc.encode(e), as: UTF8.self) + "\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
