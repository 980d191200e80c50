import ArgumentParser
import Foundation
import Qiyue

/// `qiyue eval`: accuracy over the annotated Corpus.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the pipeline against the annotated Corpus: precision, recall and F1 per dimension and field.",
        discussion: """
        Reads CORPUS/entities/*.yaml (entity examples), CORPUS/documents/*.txt with their *.gold.json
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
        let facts = try FactEvaluation.run(corpus: corpus, pipeline: pipeline, goldCategory: goldCategory)
        let split = try SplitEvaluation.run(corpus: corpus, analyzer: pipeline.analyzer)
        // The blind set: written and annotated by a helper that had not read the extractors, never
        // edited after its first score; printed apart, never part of the floors.
        let blindDir = corpus + "/blind/documents"
        let blind = FileManager.default.fileExists(atPath: blindDir)
            ? try FactEvaluation.run(corpus: corpus, pipeline: pipeline, goldCategory: goldCategory, directory: "blind/documents") : nil
        try ResultOutput.with(output, inputs: []) { out in
            try write(out, entities: entities, entityFailures: entityFailures, facts: facts, blind: blind, split: split)
        }
    }

    private func write(_ out: ResultOutput, entities: EntityCorpus, entityFailures: [EntityCorpus.Failure],
                       facts: FactEvaluation, blind: FactEvaluation?, split: SplitEvaluation) throws {
        if json {
            struct All: Encodable {
                var facts: FactEvaluation; var blindFacts: FactEvaluation?; var classification: SplitEvaluation; var entityFailures: [String]
            }
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let all = All(facts: facts, blindFacts: blind, classification: split, entityFailures: entityFailures.map(\.description))
            try out.line(String(decoding: try enc.encode(all), as: UTF8.self))
            return
        }
        try out.line("Entities: \(entities.cases.count - entityFailures.count)/\(entities.cases.count) examples pass (Corpus/entities)")
        for f in entityFailures where !noMisses { try out.line("  \(f)") }
        try out.line("")
        try out.line(facts.renderText(misses: !noMisses))
        try out.line(split.renderText())
        if let blind {
            try out.line("")
            try out.line("Blind set (written by a helper that had not read the extractors; never edited, not in the floors)")
            try out.line(blind.renderText(misses: !noMisses))
        }
    }
}
