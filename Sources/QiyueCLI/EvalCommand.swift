import ArgumentParser
import Foundation
import Qiyue
import QiyueIngest

/// `qiyue eval`: accuracy over the annotated Corpus.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the pipeline against the annotated Corpus: precision, recall and F1 per dimension and field.",
        discussion: """
        Reads CORPUS/entities/*.yaml (entity examples, scored per class), CORPUS/blind/entities/*.yaml
        when present (a blind set in the same format, scored apart), CORPUS/documents/*.txt with their *.gold.json
        (facts, classification and risks), CORPUS/blind/documents and CORPUS/fresh/documents when present
        (sets of the same kind, scored apart), CORPUS/pages/*.split.json (document boundaries) and
        CORPUS/classification (classification-only documents), and prints the scores and every miss.
        Example:
          qiyue eval Corpus
          qiyue eval --noisy 7      # facts F1 on clean text and on OCR-like variants (seeded), repaired as OCR input is
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

    @Option(help: "Also score OCR-like variants of the Corpus documents made by the seeded noise model (confusions, spaces, line wraps, dropped punctuation), repaired as OCR input is; prints per-dimension F1 on clean and noisy text.")
    var noisy: UInt64?

    @Flag(help: "With --noisy: analyze the noisy text without OCR repair.")
    var noRepair = false

    @Option(help: "Score facts on the clean documents and on DIR/<id>.txt instead (the text qiyue text printed for a scan of <id>, repaired as OCR input is); documents without one there are scored clean in both.")
    var ocrTexts: String?

    @Option(help: "With --noisy: make only this kind of error (digit, currency, day, capital, decimal, figureSpace, space, wrap, drop).")
    var noiseOnly: String?

    @Option(help: "With --noisy: also write each noisy variant (before repair) to this directory, as <id>.txt.")
    var writeNoisy: String?

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let pipeline = try input.makePipeline()
        if let seed = noisy {
            try runNoisy(pipeline, seed: seed)
            return
        }
        if let dir = ocrTexts {
            try runOCRTexts(pipeline, directory: dir)
            return
        }
        let entities = try EntityCorpus(directory: corpus + "/entities")
        let entityFailures = entities.check(analyzer: pipeline.analyzer)
        // The blind sets: written and annotated by helpers that had not read the extractors, never
        // edited after their first score; printed apart, never part of the floors.
        let blindEntities = try EntityCorpus(directory: corpus + "/blind/entities", lenient: true)
        let blindEntityFailures = blindEntities.check(analyzer: pipeline.analyzer)
        let facts = try FactEvaluation.run(corpus: corpus, pipeline: pipeline, goldCategory: goldCategory)
        let split = try SplitEvaluation.run(corpus: corpus, analyzer: pipeline.analyzer)
        // The sets scored apart: blind (written by helpers that had not read the extractors, never
        // edited after their first score) and fresh (written the same way, then read for failure
        // classes: a development set). Neither is part of the floors.
        let apart = { (dir: String) throws -> FactEvaluation? in
            FileManager.default.fileExists(atPath: corpus + "/" + dir)
                ? try FactEvaluation.run(corpus: corpus, pipeline: pipeline, goldCategory: goldCategory, directory: dir) : nil
        }
        let blindFacts = try apart("blind/documents")
        let freshFacts = try apart("fresh/documents")
        try ResultOutput.with(output, inputs: []) { out in
            try write(out, entities: (entities, entityFailures), blindEntities: (blindEntities, blindEntityFailures),
                      facts: facts, blindFacts: blindFacts, freshFacts: freshFacts, split: split)
        }
    }

    private func write(_ out: ResultOutput, entities: (EntityCorpus, [EntityCorpus.Failure]),
                       blindEntities: (EntityCorpus, [EntityCorpus.Failure]),
                       facts: FactEvaluation, blindFacts: FactEvaluation?, freshFacts: FactEvaluation?, split: SplitEvaluation) throws {
        let (corpusEntities, entityFailures) = entities
        let (blind, blindFailures) = blindEntities
        if json {
            struct All: Encodable {
                var facts: FactEvaluation; var blindFacts: FactEvaluation?; var freshFacts: FactEvaluation?; var classification: SplitEvaluation
                var entityFailures: [String]
                var entityClasses: [EntityCorpus.ClassScore]; var blindClasses: [EntityCorpus.ClassScore]; var blindFailures: [String]
            }
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let all = All(facts: facts, blindFacts: blindFacts, freshFacts: freshFacts, classification: split, entityFailures: entityFailures.map(\.description),
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
        for (heading, set) in [("Blind set (written by a helper that had not read the extractors; never edited, not in the floors)", blindFacts),
                               ("Fresh set (written by a helper that had not read the extractors, then read for failure classes; not in the floors)", freshFacts)] {
            guard let set else { continue }
            try out.line("")
            try out.line(heading)
            try out.line(set.renderText(misses: !noMisses))
        }
    }

    /// Facts F1 per dimension on the clean documents and their noisy variants.
    private func runNoisy(_ pipeline: Pipeline, seed: UInt64) throws {
        let clean = try FactEvaluation.run(corpus: corpus, pipeline: pipeline, goldCategory: goldCategory)
        let repair = !noRepair
        var rates = OCRNoise.Rates()
        if let k = noiseOnly {
            guard let r = OCRNoise.Rates.only(k) else {
                throw ValidationError("--noise-only: unknown kind '\(k)'; expected one of \(OCRNoise.Rates.kinds.joined(separator: ", "))")
            }
            rates = r
        }
        var changed = 0, repairs = 0
        let noisy = try FactEvaluation.run(corpus: corpus, pipeline: pipeline, goldCategory: goldCategory, recognized: true) { text, id in
            // Each document's own stream: the same seed gives the same variant whatever the order.
            var noise = OCRNoise(seed: seed ^ UInt64(truncatingIfNeeded: id.unicodeScalars.reduce(5381) { ($0 &* 33) &+ Int($1.value) }),
                                 rates: rates)
            let variant = noise.apply(text)
            if variant != text { changed += 1 }
            if let dir = writeNoisy {
                try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                _ = FileManager.default.createFile(atPath: dir + "/" + id + ".txt", contents: Data(variant.utf8))
            }
            guard repair else { return variant }
            let r = OCRRepairer().repair(variant)
            repairs += r.repairs.count
            return r.text
        }
        try compare(clean, noisy, title: "Noisy evaluation, seed \(seed): \(changed)/\(noisy.documents) documents changed, \(repair ? "\(repairs) repairs" : "no repair")", label: "noisy")
    }

    /// Facts F1 per dimension on the clean documents and on the OCR texts of their scans.
    private func runOCRTexts(_ pipeline: Pipeline, directory: String) throws {
        let clean = try FactEvaluation.run(corpus: corpus, pipeline: pipeline, goldCategory: goldCategory)
        var found = 0
        let ocr = try FactEvaluation.run(corpus: corpus, pipeline: pipeline, goldCategory: goldCategory, recognized: true) { text, id in
            guard let data = FileManager.default.contents(atPath: directory + "/" + id + ".txt") else { return text }
            found += 1
            let recognized = String(decoding: data, as: UTF8.self)
            return noRepair ? recognized : OCRRepairer().repair(recognized).text
        }
        try compare(clean, ocr, title: "OCR evaluation: \(found)/\(ocr.documents) documents read from \(directory)", label: "OCR")
    }

    private func compare(_ clean: FactEvaluation, _ other: FactEvaluation, title: String, label: String) throws {
        try ResultOutput.with(output, inputs: []) { out in
            try out.line(title)
            try out.line("dimension              clean F1  \(label.padding(toLength: 5, withPad: " ", startingAt: 0)) F1  drop (points)")
            var worst = 0.0
            for d in clean.dimensions {
                let n = other.score(d.name)?.f1 ?? 0
                let drop = (d.f1 - n) * 100
                worst = max(worst, drop)
                let pad = String(repeating: " ", count: max(1, 22 - d.name.count))
                try out.line(d.name + pad + String(format: "%8.3f  %8.3f  %6.1f", d.f1, n, drop))
            }
            try out.line(String(format: "largest drop: %.1f points", worst))
            // What the variant loses or adds that the clean text does not: the errors to fix.
            guard !noMisses else { return }
            var cleanMisses: [String: Int] = [:]
            func key(_ m: FactEvaluation.Miss) -> String { "\(m.document)\u{0}\(m.dimension)\u{0}\(m.kind)\u{0}\(m.item)" }
            for m in clean.misses { cleanMisses[key(m), default: 0] += 1 }
            var lines: [String] = []
            for m in other.misses {
                if let n = cleanMisses[key(m)], n > 0 { cleanMisses[key(m)] = n - 1; continue }
                lines.append("  \(m.document)  \(m.dimension)  \(m.kind): \(m.item)")
            }
            try out.line("misses on the \(label) text only (\(lines.count)):")
            for l in lines { try out.line(l) }
        }
    }

    private func printClasses(_ scores: [EntityCorpus.ClassScore], _ out: ResultOutput) throws {
        for c in scores {
            let pad = String(repeating: " ", count: max(1, 28 - c.className.count))
            try out.line("  \(c.className)\(pad)\(String(format: "%.3f", c.accuracy))  \(c.passed)/\(c.total)")
        }
    }
}
