import ArgumentParser
import Foundation
import Qiyue

/// `qiyue bench`: throughput and peak memory of the pipeline over files, in this build.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput (MB/s of input, documents/s) and peak memory of a pipeline stage.",
        discussion: """
        Inputs are read into memory first, so disk time is excluded; each run then decodes,
        normalizes and segments every input (and, for later stages, extracts, classifies and applies
        rules). Reports the median and the spread of --runs runs. Use a release build:
          swift run -c release qiyue bench --stage extract Corpus ../shared/seeds
        """
    )

    enum Stage: String, ExpressibleByArgument, CaseIterable {
        /// decode + normalize + segment
        case segment
        /// … + entities
        case entities
        /// … + classification + facts, without risk rules
        case facts
        /// the whole pipeline, as `qiyue extract` runs it (risk rules included)
        case extract
        /// reference point: decode, then ICU's zh word break alone (no normalization, lexicon or numbers)
        case icu
    }

    @Argument(help: "Files or directories (searched for .txt/.html files).")
    var paths: [String] = ["Corpus"]

    @Option(help: "Stage to measure: segment (decode + normalize + segment), entities (+ entities), facts (+ classification and facts, no risk rules), extract (everything, as qiyue extract); icu (reference: decode + ICU's zh word break alone).")
    var stage: Stage = .extract

    @Option(help: "Number of timed runs (the median is reported).")
    var runs: Int = 5

    @Option(help: "Repeat the input set this many times within each run (to check memory stays flat).")
    var repeatInputs: Int = 1

    @Option(help: "For facts/extract: treat every input as this contract category (so text the classifier would pass over is analyzed in full).")
    var category: String?

    @OptionGroup var input: InputOptions

    func run() throws {
        let files = FileWalker.inputs(paths).compactMap { try? $0.get() }
        guard !files.isEmpty else { throw ValidationError("no input files under \(paths.joined(separator: " "))") }
        let inputs: [(String, [UInt8])] = files.compactMap { f in
            (try? FileReader.read(path: f.raw, maxBytes: input.maxBytes)).map { (f.name, $0) }
        }
        let bytes = inputs.reduce(0) { $0 + $1.1.count } * repeatInputs
        let bench = try BenchRunner(stage: stage, input: input, category: category)
        _ = try bench.runOnce(inputs)  // warm-up: loads rules, ICU data, caches
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<max(1, repeatInputs) { _ = try bench.runOnce(inputs) }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        times.sort()
        let median = times[times.count / 2]
        let mb = Double(bytes) / 1_000_000
        let docs = inputs.count * repeatInputs
        Output.line("stage: \(stage.rawValue)  files: \(inputs.count)  input: \(String(format: "%.2f", mb)) MB UTF-8-equivalent bytes read  runs: \(times.count)")
        Output.line(String(format: "throughput: %.2f MB/s (median; min run %.3f s, median %.3f s, max %.3f s)", mb / median, times.first!, median, times.last!))
        Output.line(String(format: "documents: %.1f docs/s", Double(docs) / median))
        Output.line("peak memory (max RSS): \(PeakMemory.megabytes()) MB")
    }
}

/// Runs one stage over in-memory inputs.
final class BenchRunner {
    let stage: BenchCommand.Stage
    let analyzer: Analyzer
    let pipeline: Pipeline
    let entities: EntityExtractor
    let icu: ICUWordBreakReference
    let category: String?

    init(stage: BenchCommand.Stage, input: InputOptions, category: String? = nil) throws {
        self.stage = stage
        self.category = category
        icu = try ICUWordBreakReference()
        pipeline = try input.makePipeline { _ in stage == .extract ? .shipped : .none }
        analyzer = pipeline.analyzer
        entities = EntityExtractor(knowledge: pipeline.knowledge)
    }

    /// Returns a count so the work cannot be optimized away.
    func runOnce(_ inputs: [(String, [UInt8])]) throws -> Int {
        var n = 0
        for (name, bytes) in inputs {
            guard let decoded = try? TextDecoder(options: analyzer.decoding).decode(bytes, name: name) else { continue }
            if stage == .icu { n += icu.countBoundaries(decoded.text); continue }
            let source = SourceInfo(path: name, encoding: decoded.encoding, format: decoded.format)
            switch stage {
            case .segment: n += analyzer.analyze(decoded, source: source).tokens.count
            case .entities: n += entities.extract(analyzer.analyze(decoded, source: source)).count
            case .icu: break
            case .facts, .extract:
                // As `qiyue extract` runs it: texts that are not contracts are not word-segmented.
                let r = pipeline.report(decoded, source: source, category: category)
                n += r.amounts.count + r.parties.count + r.risks.count
            }
        }
        return n
    }
}

/// Peak resident memory of this process.
enum PeakMemory {
    static func megabytes() -> Int {
        if let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
            for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
                let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
                return kb / 1024
            }
        }
        return 0  // only Linux's /proc is read
    }
}
