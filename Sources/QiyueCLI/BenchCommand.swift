import ArgumentParser
import Foundation
import Qiyue
import QiyueIngest

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
        /// extract, then the report encoded as JSON as `qiyue extract` writes it
        case json
        /// reference point: decode, then ICU's zh word break alone (no normalization, lexicon or numbers)
        case icu
        /// reading alone: decoding, markup and DOCX extraction (what `qiyue text` does)
        case read
    }

    @Argument(help: "Files or directories (searched for .txt/.html files).")
    var paths: [String] = ["Corpus"]

    @Option(help: "Stage to measure: segment (decode + normalize + segment), entities (+ entities), facts (+ classification and facts, no risk rules), extract (everything, as qiyue extract, without writing); json (extract and the JSON encoding of the report); icu (reference: decode + ICU's zh word break alone); read (decoding and DOCX extraction alone).")
    var stage: Stage = .extract

    @Option(help: "Number of timed runs (the median is reported).")
    var runs: Int = 5

    @Option(help: "Repeat the input set this many times within each run (to check memory stays flat).")
    var repeatInputs: Int = 1

    @Option(help: "For facts/extract: treat every input as this contract category (so text the classifier would pass over is analyzed in full).")
    var category: String?
    @Flag(help: "Also save every input as DOCX in memory (one paragraph per line, article numbers as Word's automatic numbering) and time both sets in the same run, interleaved; prints both and the DOCX/text time ratio.")
    var docx = false

    @Option(help: "With --docx: word (paragraph and run properties as Word writes them, document.xml about 20× the text) or plain (bare paragraphs, about 3×).")
    var docxStyle: DocxWriter.Style = .word

    @Flag(help: "Also take the text of every PDF, image, hOCR or ALTO input (what qiyue text prints) as plain UTF-8 text and time both sets in the same run, interleaved; prints both and the paged/text time ratio.")
    var pagedVsText = false

    @OptionGroup var input: InputOptions

    func run() throws {
        let files = FileWalker.inputs(paths).compactMap { try? $0.get() }
        guard !files.isEmpty else { throw ValidationError("no input files under \(paths.joined(separator: " "))") }
        let inputs: [(String, [UInt8])] = files.compactMap { f in
            (try? FileReader.read(path: f.raw, maxBytes: input.maxBytes)).map { (f.name, $0) }
        }
        let bytes = inputs.reduce(0) { $0 + $1.1.count } * repeatInputs
        let bench = try BenchRunner(stage: stage, input: input, category: category)
        var docxInputs = docx ? try Self.savedAsDocx(inputs, bench: bench, style: docxStyle) : []
        if pagedVsText { docxInputs = Self.asText(inputs, bench: bench) }
        let compare = docx || pagedVsText
        _ = try bench.runOnce(inputs)  // warm-up: loads rules, ICU data, caches
        if compare { _ = try bench.runOnce(docxInputs) }
        var times: [Double] = [], docxTimes: [Double] = [], cpuTimes: [Double] = []
        // CPU seconds of this thread too: on a machine busy with other work the wall time of a run
        // includes time the thread was not running, its CPU time does not.
        var cpuPairs: [Double] = [], wallPairs: [Double] = []
        bench.directNanos = 0
        bench.foundationNanos = 0
        func timed(_ set: [(String, [UInt8])]) throws -> (wall: Double, cpu: Double) {
            let c0 = ThreadCPU.seconds()
            let t0 = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<max(1, repeatInputs) { _ = try bench.runOnce(set) }
            return (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9, ThreadCPU.seconds() - c0)
        }
        for _ in 0..<max(1, runs) {
            let a = try timed(inputs)
            times.append(a.wall)
            cpuTimes.append(a.cpu)
            if compare {
                let b = try timed(docxInputs)
                docxTimes.append(b.wall)
                // Pair by pair, as the runs alternate, so that drift in the machine's speed cancels.
                wallPairs.append(b.wall / a.wall)
                cpuPairs.append(b.cpu / a.cpu)
            }
        }
        wallPairs.sort()
        cpuPairs.sort()
        times.sort()
        docxTimes.sort()
        let median = times[times.count / 2]
        let mb = Double(bytes) / 1_000_000
        let docs = inputs.count * repeatInputs
        Output.line("stage: \(stage.rawValue)  files: \(inputs.count)  input: \(String(format: "%.2f", mb)) MB UTF-8-equivalent bytes read  runs: \(times.count)")
        Output.line(String(format: "throughput: %.2f MB/s (median; min run %.3f s, median %.3f s, max %.3f s)", mb / median, times.first!, median, times.last!))
        Output.line(String(format: "documents: %.1f docs/s", Double(docs) / median))
        // The same runs by this thread's CPU time: steadier than wall time on a busy machine.
        cpuTimes.sort()
        Output.line(String(format: "cpu throughput: %.2f MB/s (median CPU time of the runs, %.3f s)", mb / cpuTimes[cpuTimes.count / 2], cpuTimes[cpuTimes.count / 2]))
        if docx {
            let dm = docxTimes[docxTimes.count / 2]
            let docxMB = Double(docxInputs.reduce(0) { $0 + $1.1.count } * repeatInputs) / 1_000_000
            Output.line(String(format: "docx (\(docxStyle.rawValue)): the same texts as %.2f MB of DOCX: %.2f MB/s of text (median; min run %.3f s, median %.3f s, max %.3f s)",
                               docxMB, mb / dm, docxTimes.first!, dm, docxTimes.last!))
            Output.line(String(format: "docx/text time: %.2f× (medians)", dm / median))
            Output.line(String(format: "docx/text pairwise: wall %.2f×, CPU %.2f× (median of %d interleaved pairs)",
                               wallPairs[wallPairs.count / 2], cpuPairs[cpuPairs.count / 2], cpuPairs.count))
        }
        if stage == .json {
            // Shares of `qiyue extract`'s work (extract + one encoder), summed over all runs.
            let total = times.reduce(0, +) * 1e9
            let direct = Double(bench.directNanos), foundation = Double(bench.foundationNanos)
            let extract = total - direct - foundation
            Output.line(String(format: "json share of extract+json: direct encoder %.1f%% (%.3f ms/doc), Foundation JSONEncoder %.1f%% (%.3f ms/doc)",
                               100 * direct / (extract + direct), direct / 1e6 / Double(docs * times.count),
                               100 * foundation / (extract + foundation), foundation / 1e6 / Double(docs * times.count)))
        }
        if pagedVsText {
            let tm = docxTimes[docxTimes.count / 2]
            let pages = inputs.compactMap { try? bench.ingestor.read($0.1, name: $0.0).source.pages?.count }.reduce(0, +)
            Output.line(String(format: "pages: %d, %.1f pages/s (median)", pages, Double(pages * max(1, repeatInputs)) / median))
            Output.line(String(format: "the same texts as plain text: min run %.3f s, median %.3f s, max %.3f s", docxTimes.first!, tm, docxTimes.last!))
            Output.line(String(format: "paged/text time: %.2f× (medians)", median / tm))
            // The pairs hold text/paged here (the paged inputs are the main set).
            Output.line(String(format: "paged/text pairwise: wall %.2f×, CPU %.2f× (median of %d interleaved pairs)",
                               1 / wallPairs[wallPairs.count / 2], 1 / cpuPairs[cpuPairs.count / 2], cpuPairs.count))
        }
        Output.line("peak memory (max RSS): \(PeakMemory.megabytes()) MB")
    }
}

extension DocxWriter.Style: ExpressibleByArgument {}

extension BenchCommand {
    /// Every input's decoded text saved as a DOCX, in memory.
    static func savedAsDocx(_ inputs: [(String, [UInt8])], bench: BenchRunner, style: DocxWriter.Style) throws -> [(String, [UInt8])] {
        try inputs.compactMap { name, bytes in
            guard let read = try? bench.ingestor.read(bytes, name: name) else { return nil }
            return (name + ".docx", try DocxWriter.docx(fromText: read.decoded.text, numbering: true, style: style))
        }
    }
}

extension BenchCommand {
    /// Every paged input's text (what `qiyue text` prints) as plain UTF-8 text.
    static func asText(_ inputs: [(String, [UInt8])], bench: BenchRunner) -> [(String, [UInt8])] {
        inputs.compactMap { name, bytes in
            guard let read = try? bench.ingestor.read(bytes, name: name) else { return nil }
            return (name + ".txt", Array(read.decoded.text.utf8))
        }
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
    let ingestor: Ingestor
    /// --stage json: time spent in each JSON encoder.
    var directNanos: UInt64 = 0, foundationNanos: UInt64 = 0
    private let foundation: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    init(stage: BenchCommand.Stage, input: InputOptions, category: String? = nil) throws {
        self.stage = stage
        self.category = category
        icu = try ICUWordBreakReference()
        ingestor = input.ingestor
        pipeline = try input.makePipeline { _ in stage == .extract || stage == .json ? .shipped : .none }
        analyzer = pipeline.analyzer
        entities = EntityExtractor(knowledge: pipeline.knowledge)
    }

    /// Returns a count so the work cannot be optimized away.
    func runOnce(_ inputs: [(String, [UInt8])]) throws -> Int {
        var n = 0
        for (name, bytes) in inputs {
            // Text, HTML and DOCX alike, as `qiyue extract` reads them.
            guard let read = try? ingestor.read(bytes, name: name) else { continue }
            let decoded = read.analyzed, source = read.source
            if stage == .icu { n += icu.countBoundaries(decoded.text); continue }
            if stage == .read { n += decoded.encoding.count; continue }
            switch stage {
            case .segment: n += analyzer.analyze(decoded, source: source).tokens.count
            case .entities: n += entities.extract(analyzer.analyze(decoded, source: source)).count
            case .icu, .read: break
            case .facts, .extract:
                // As `qiyue extract` runs it: texts that are not contracts are not word-segmented.
                let r = pipeline.report(decoded, source: source, category: category)
                n += r.amounts.count + r.parties.count + r.risks.count
            case .json:
                // Timed apart, in the same run: the direct encoder (what the commands write with)
                // and Foundation's JSONEncoder (for comparison); both are outside the extract time.
                let r = pipeline.report(decoded, source: source, category: category)
                let t0 = DispatchTime.now().uptimeNanoseconds
                n += ReportJSON.encode(r).utf8.count
                let t1 = DispatchTime.now().uptimeNanoseconds
                n += ((try? foundation.encode(r))?.count ?? 0)
                let t2 = DispatchTime.now().uptimeNanoseconds
                directNanos += t1 - t0
                foundationNanos += t2 - t1
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
