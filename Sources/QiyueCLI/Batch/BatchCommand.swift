#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import Qiyue
import QiyueIngest

/// `qiyue batch`: many inputs on all cores, with progress, a summary, crash-safe resumable
/// output, CSV for CRM imports, and a stream mode for Spark and Hadoop.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Process many inputs on all cores: JSON Lines or CSV results, progress, summary, --resume.",
        discussion: """
        Inputs are files, directories (walked recursively, as extract does), glob patterns (quoted,
        expanded here: 'scans/**.txt' is not special, use a directory), or a list of paths, one per
        line, with --from-list FILE (- for standard input). One worker per core (--jobs).

        Output (-o FILE, else standard output) has one JSON line per document in input order (a
        page of several documents gives one line each, as extract does), or with --format csv one
        row per document (columns documented in the README). An input that fails gives an error
        record {"source": {"path"}, "error": {"code", "message"}} and the run goes on; the exit
        status is then 1.

        Crash safety: each input's lines are written whole with one write, so a crash can only
        leave a partial last input. --resume drops it, keeps every complete line, and skips inputs
        already done (same path, same content hash); kill -9 at any moment and --resume gives every
        input exactly once. An existing results file is never overwritten unless --overwrite.

        Stream modes (--stdin-jsonl, --stdin-tsv) read records from standard input and write one
        line per record on standard output in input order, never holding more than a window of
        records: a stage for Spark's RDD.pipe and Hadoop Streaming. JSON Lines records are
        {"id": ..., "text": ...} or {"id": ..., "path": ...}; TSV records are id<TAB>text with \\n,
        \\t and \\\\ escaped, answered by id<TAB>json. Documents are not split in stream modes
        unless --split (then the line is a JSON array of reports). A bad record gives an error
        record and the exit status stays 0 (the stage must not fail for one record).
        Examples:
          qiyue batch contracts/ -o results.jsonl
          qiyue batch contracts/ -o results.jsonl --resume
          find /data -name '*.txt' | qiyue batch --from-list - -o results.jsonl --jobs 8
          qiyue batch contracts/ --format csv --bom -o results.csv
          printf '{"id":"c1","text":"甲方：…"}\\n' | qiyue batch --stdin-jsonl
        """
    )

    @Argument(help: "Input files, directories or glob patterns.")
    var inputs: [String] = []

    @Option(help: "Read input paths, one per line, from this file (- for standard input).")
    var fromList: String?

    @Flag(help: "Read {\"id\", \"text\"} or {\"id\", \"path\"} JSON lines from standard input; write one result line per record to standard output, in order.")
    var stdinJsonl = false

    @Flag(help: "Read id<TAB>text lines from standard input; write id<TAB>json lines to standard output, in order.")
    var stdinTsv = false

    @Option(name: [.short, .long], help: "Write the results to this file (default: standard output).")
    var output: String?

    @Option(help: "jsonl (default) or csv.")
    var format: BatchSettings.Format = .jsonl

    @Flag(help: "CSV: begin the file with a UTF-8 byte-order mark (for spreadsheet import).")
    var bom = false

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Continue an interrupted run: keep the complete records of --output, drop a partial last one, skip inputs already done.")
    var resume = false

    @Flag(help: "Replace an existing --output file instead of refusing.")
    var overwrite = false

    @Option(help: "Also write the summary as JSON to this file.")
    var summary: String?

    @Flag(help: "No progress and no summary on standard error (errors are still reported).")
    var quiet = false

    @Option(help: "Seconds between progress lines when standard error is not a terminal.")
    var progressInterval: Double = 10

    @Flag(inversion: .prefixedNo, help: "Report each document of a multi-document page on its own line (default: on for files, off for stream modes).")
    var split: Bool?

    @Option(help: "Most jobs and results held in memory at once (default: 16 per worker).")
    var window: Int?

    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if stdinJsonl && stdinTsv { throw ValidationError("--stdin-jsonl and --stdin-tsv exclude each other") }
        let stream = stdinJsonl || stdinTsv
        if stream && (!inputs.isEmpty || fromList != nil) { throw ValidationError("a stream mode reads standard input only; drop the input paths and --from-list") }
        if !stream && inputs.isEmpty && fromList == nil { throw ValidationError("give inputs, --from-list FILE, --stdin-jsonl or --stdin-tsv") }
        if stream && output != nil { throw ValidationError("stream modes write standard output; drop --output") }
        if stream && format == .csv { throw ValidationError("stream modes write JSON; drop --format csv") }
        if resume && output == nil { throw ValidationError("--resume needs --output FILE (the results to continue)") }
        if resume && format == .csv { throw ValidationError("--resume works on JSON Lines results; write JSON Lines and convert, or rerun the CSV") }
        if resume && overwrite { throw ValidationError("--resume and --overwrite exclude each other") }
        if bom && format != .csv { throw ValidationError("--bom is for --format csv") }
        guard jobs >= 1 && jobs <= 1024 else { throw ValidationError("--jobs must be between 1 and 1024") }
        if let window, window < 1 { throw ValidationError("--window must be positive") }
        guard progressInterval > 0 else { throw ValidationError("--progress-interval must be positive") }
    }

    func run() throws {
        let streamFormat: StreamRecord.Format? = stdinJsonl ? .jsonl : (stdinTsv ? .tsv : nil)
        // The first pipeline is made here, so that bad rules stop the run before any work.
        let first = try reportOptions.makePipeline(input)
        let settings = BatchSettings(format: format, stream: streamFormat, split: split ?? (streamFormat == nil),
                                     category: reportOptions.category, includeText: reportOptions.includeText,
                                     redactor: try reportOptions.redactor(), ingestor: input.ingestor, maxBytes: input.maxBytes)

        // Inputs are walked as they are queued, never all held; a first walk counts them for the
        // progress total (when there is progress to show).
        let paths = streamFormat == nil ? Glob.expand(inputs) : []
        var count = 0
        if !quiet && streamFormat == nil && fromList == nil { FileWalker.each(paths) { _ in count += 1 } }
        // Named files that are the output are refused before it is opened (directories are
        // walked for input extensions, and each walked file is compared with the output below).
        let outputNames = paths.filter { p in var st = stat(); return stat(p, &st) == 0 && (st.st_mode & S_IFMT) != S_IFDIR }

        var sink: BatchSink
        var done: ResumeState?
        do {
            if resume, let output {
                done = try ResumeState(resuming: output)
                if let d = done, !quiet {
                    Output.error("resume \(output): \(d.records) complete records kept" + (d.droppedBytes > 0 ? ", \(d.droppedBytes) bytes of an incomplete last input dropped" : ""))
                }
            }
            sink = try BatchSink(path: output, inputs: outputNames, append: resume, overwrite: overwrite)
            if format == .csv, sink.isNew { try sink.write((bom ? "\u{FEFF}" : "") + CSVRow.encode(CSVRow.columns)) }
        } catch let e as QiyueError {
            Output.error(e.description)
            throw ExitCode(1)
        }

        var total = BatchSummary()
        total.jobs = jobs
        total.producer = first.producer
        var progress = Progress(total: count > 0 ? count : nil,
                                interval: progressInterval, quiet: quiet)
        let started = Date()
        let firstBox = Unchecked(first)
        let makePipeline = Unchecked({ [reportOptions, input] in try reportOptions.makePipeline(input) })
        let resumed = done
        let pool = OrderedPool<BatchJob, BatchResult>(
            workers: jobs, window: window ?? jobs * 16,
            makeWorker: { k in
                let pipeline: Pipeline
                if k == 0 { pipeline = firstBox.value } else {
                    do { pipeline = try makePipeline.value() } catch {
                        // Loaded once already; a failure now (the rules changed under us) fails each job.
                        let e = QiyueError(.badRuleData, "worker \(k) cannot load the rules: \(error)")
                        return { _ in BatchResult(failure: e.code) }
                    }
                }
                let worker = BatchWorker(pipeline: pipeline, settings: settings, done: resumed)
                return { worker.run($0) }
            },
            deliver: { result in
                if !result.text.isEmpty { try sink.write(result.text) }
                total.add(result)
                progress.update(done: total.inputs, failures: total.failures)
            })

        var outputID = stat()
        let hasOutputID = output.map { stat($0, &outputID) == 0 } ?? false
        try FileWalker.each(paths) { entry in
            switch entry {
            case .success(let f):
                var st = stat()
                if hasOutputID, stat(f.raw.map { CChar(bitPattern: $0) } + [0], &st) == 0,
                   st.st_dev == outputID.st_dev, st.st_ino == outputID.st_ino {
                    try pool.submit(.failed(QiyueError(.outputIsInput, path: f.name, "is the results file of this run; not read as an input")))
                } else {
                    try pool.submit(.file(f.raw))
                }
            case .failure(let e): try pool.submit(.failed(e))
            }
        }
        if let fromList {
            try LineReader.each(path: fromList, maxLine: 1 << 16) { _, bytes in
                if !bytes.isEmpty { try pool.submit(.file(bytes)) }
            }
        }
        if streamFormat != nil {
            try LineReader.each(path: "-", maxLine: input.maxBytes, tooLong: { n in
                try pool.submit(.failed(QiyueError(.tooLarge, path: "<stdin>:\(n)", "the record is over the limit of \(input.maxBytes) bytes (see --max-bytes)")))
            }) { n, bytes in
                if !bytes.isEmpty { try pool.submit(.line(n, bytes)) }
            }
        }
        try pool.finish()
        progress.update(done: total.inputs, failures: total.failures, force: true)
        progress.end()
        sink.close()
        total.finish(seconds: Date().timeIntervalSince(started))
        if !quiet { Output.error(total.text) }
        if let summary {
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard let data = try? enc.encode(total), FileManager.default.createFile(atPath: summary, contents: data + Data("\n".utf8)) else {
                Output.error(QiyueError(.unwritableOutput, path: summary, "cannot write the summary").description)
                throw ExitCode(1)
            }
        }
        if total.failures > 0 && streamFormat == nil { throw ExitCode(1) }
    }
}

/// A value handed to another thread that only that thread then uses.
final class Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

extension BatchSettings.Format: ExpressibleByArgument {}
