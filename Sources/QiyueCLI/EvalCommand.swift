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
    @OptionGroup var output: OutputOptions

    func run() throws {
        let pipeline = try input.makePipeline()
        let entities = try EntityCorpus(directory: corpus + "/entities")
        let entityFailures = entities.check(analyzer: pipeline.analyzer)
        // The blind sets: written and annotated by helpers that had not read the extractors, never
        // edited after their first score; printed apart, never part of the floors.
        let blindEntities = try EntityCorpus(directory: corpus + "/blind/entities", lenient: true)
        let blindEntityFailures = blindEntities.check(analyzer: pipeline.analyzer)
        let facts = try FactEvaluation.run(corpus: corpus, pipeline: pipeline, goldCategory: goldCategory)
        let split = try SplitEvaluation.run(corpus: corpus, analyzer: pipeline.analyzer)
        let blindDir = corpus + "/blind/documents"
        let blindFacts = FileManager.default.fileExists(atPath: blindDir)
            ? try FactEvaluation.run(corpus: corpus, pipeline: pipeline, goldCategory: goldCategory, directory: "blind/documents") : nil
        try ResultOutput.with(output, inputs: []) { out in
            try write(out, entities: (entities, entityFailures), blindEntities: (blindEntities, blindEntityFailures),
                      facts: facts, blindFacts: blindFacts, split: split)
        }
    }

    private func write(_ out: ResultOutput, entities: (EntityCorpus, [EntityCorpus.Failure]),
                       blindEntities: (EntityCorpus, [EntityCorpus.Failure]),
                       facts: FactEvaluation, blindFacts: FactEvaluation?, split: SplitEvaluation) throws {
        let (corpusEntities, entityFailures) = entities
        let (blind, blindFailures) = blindEntities
        if json {
            struct All: Encodable {
                var facts: FactEvaluation; var blindFacts: FactEvaluation?; var classification: SplitEvaluation
                var entityFailures: [String]
                var entityClasses: [EntityCorpus.ClassScore]; var blindClasses: [EntityCorpus.ClassScore]; var blindFailures: [String]
            }
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let all = All(facts: facts, blindFacts: blindFacts, classification: split, entityFailures: entityFailures.map(\.description),
                          entityClasses: corpusEntities.scores(failures: entityFailures), blindClasses: blind.scores(failures: blindFailures),
                          blindFailures: blindFailures.map(\.description))
            try out.line(String(decoding: try enc.encode(all), as: UTF8.self))
            return
        }
        try out.line("Entities: \(corpusEntities.cases.count - entityFailures.count)/\(corpusEntities.cases.count) examples pass (Corpus/entities)")
        try printClasses(corpusEntities.scores(failures: entityFailures), out)
        for f in entityFailures where !noMisses { try out.line("  \(f)") }
        if !blind.cases.isEmpty || !blind.skipped.isEmpty {
            try out.line("")
            try out.line("blind: \(blind.cases.count - blindFailures.count)/\(blind.cases.count) examples pass (\(corpus)/blind/entities, scored apart)")
            try printClasses(blind.scores(failures: blindFailures), out)
            for s in blind.skipped { try out.line("  skipped \(s)") }
            for f in blindFailures where !noMisses { try out.line("  \(f)") }
        }
        try out.line("")
        try out.line(facts.renderText(misses: !noMisses))
        try out.line(split.renderText())
        if let blindFacts {
            try out.line("")
            try out.line("Blind set (written by a helper that had not read the extractors; never edited, not in the floors)")
            try out.line(blindFacts.renderText(misses: !noMisses))
        }
    }

    private func printClasses(_ scores: [EntityCorpus.ClassScore], _ out: ResultOutput) throws {
        for c in scores {
            let pad = String(repeating: " ", count: max(1, 28 - c.className.count))
            try out.line("  \(c.className)\(pad)\(String(format: "%.3f", c.accuracy))  \(c.passed)/\(c.total)")
        }
    }
}
