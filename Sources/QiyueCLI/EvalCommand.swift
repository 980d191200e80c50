import ArgumentParser
import Foundation
import Qiyue

/// `qiyue eval`: accuracy over the annotated Corpus.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the pipeline against the annotated Corpus: precision, recall and F1 per dimension and field.",
        discussion: """
        Reads CORPUS/entities/*.yaml (entity examples, scored per class), CORPUS/blind/entities/*.yaml
        when present (a blind set in the same format, scored apart), CORPUS/documents/*.txt with their *.gold.json
        (facts, classification and risks), CORPUS/pages/*.split.json (document boundaries) and
        CORPUS/classification (classification-only documents), and prints the scores and every miss.
        Example:
          qiyue eval Corpus
        """
    )

    @Argument(help: "The corpus directory.")
    var corpus: String = "Corpus"

    @Flag(help: "Use the gold contract category instead of the classifier's (scores the fact extractors alone).")
    var goldCategory = false

    @Flag(help: "Do not list the misses.")
    var noMisses = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    @OptionGroup var input: InputOptions

    func run() throws {
        let pipeline = try input.makePipeline()
        let entities = try EntityCorpus(directory: corpus + "/entities")
        let entityFailures = entities.check(analyzer: pipeline.analyzer)
        let blind = try EntityCorpus(directory: corpus + "/blind/entities", lenient: true)
        let blindFailures = blind.check(analyzer: pipeline.analyzer)
        let facts = try FactEvaluation.run(corpus: corpus, pipeline: pipeline, goldCategory: goldCategory)
        let split = try SplitEvaluation.run(corpus: corpus, analyzer: pipeline.analyzer)
        if json {
            struct All: Encodable {
                var facts: FactEvaluation; var classification: SplitEvaluation; var entityFailures: [String]
                var entityClasses: [EntityCorpus.ClassScore]; var blindClasses: [EntityCorpus.ClassScore]; var blindFailures: [String]
            }
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let all = All(facts: facts, classification: split, entityFailures: entityFailures.map(\.description),
                          entityClasses: entities.scores(failures: entityFailures), blindClasses: blind.scores(failures: blindFailures),
                          blindFailures: blindFailures.map(\.description))
            Output.line(String(decoding: try enc.encode(all), as: UTF8.self))
            return
        }
        Output.line("Entities: \(entities.cases.count - entityFailures.count)/\(entities.cases.count) examples pass (Corpus/entities)")
        printClasses(entities.scores(failures: entityFailures))
        for f in entityFailures where !noMisses { Output.line("  \(f)") }
        if !blind.cases.isEmpty || !blind.skipped.isEmpty {
            Output.line("")
            Output.line("blind: \(blind.cases.count - blindFailures.count)/\(blind.cases.count) examples pass (\(corpus)/blind/entities, scored apart)")
            printClasses(blind.scores(failures: blindFailures))
            for s in blind.skipped { Output.line("  skipped \(s)") }
            for f in blindFailures where !noMisses { Output.line("  \(f)") }
        }
        Output.line("")
        Output.line(facts.renderText(misses: !noMisses))
        Output.line(split.renderText())
    }

    private func printClasses(_ scores: [EntityCorpus.ClassScore]) {
        for c in scores {
            let pad = String(repeating: " ", count: max(1, 28 - c.className.count))
            Output.line("  \(c.className)\(pad)\(String(format: "%.3f", c.accuracy))  \(c.passed)/\(c.total)")
        }
    }
}
