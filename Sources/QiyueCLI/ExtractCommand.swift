import ArgumentParser
import Foundation
import Qiyue
import QiyueIngest

/// `qiyue extract`: the main job — one `qiyue.document/1` JSON document per input.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract parties, amounts, dates, deadlines, periods, penalties and risks as JSON.",
        discussion: """
        Writes one JSON document (schema qiyue.document/1, Rules/schema/qiyue.document-1.schema.json)
        per input to standard output (or --output FILE): JSON Lines when there are several inputs.
        Inputs are text (UTF-8, UTF-16, GB18030, Big5), HTML/XML, DOCX, legacy .doc/.wps (through
        LibreOffice), PDF (text layer, or OCR for scanned pages), images (PNG, JPEG, TIFF through
        Tesseract), hOCR or ALTO, told apart by content; `-` is standard input (--input-format and
        --encoding are hints for it). Paged inputs give source.pages and each fact its page; OCR
        inputs each fact's word boxes, minConfidence and needsReview, and source.repairs.
        Directories are searched for .txt/.html/.htm/.xml/.docx/.doc/.wps/.pdf/.png/.jpg/.tif/.hocr files. An input
        that cannot be read (missing, empty, binary, too large, undecodable, a zip bomb) is reported on
        standard error with the file name and an error code, skipped, and makes the exit status 1; the
        other inputs are still processed. Input files are only read.
        Examples:
          qiyue extract Corpus/documents/gen-a-09.txt --pretty
          qiyue extract Corpus/pages/000_d915155119d6f3bb.txt          # one line per document of the page
          qiyue extract --no-split Corpus/pages/000_d915155119d6f3bb.txt
          qiyue extract contracts/ -o facts.jsonl
          curl -s https://example.com/contract.html | qiyue extract - --input-format html
        """
    )

    @Argument(help: "Input files or directories; - for standard input.")
    var paths: [String]

    @Flag(help: "Pretty-print the JSON (one document per input, indented).")
    var pretty = false

    @Flag(inversion: .prefixedNo, help: "Report each document of a multi-document page (a scraped page with several 篇) as its own JSON line, with source.span its extent in the page (the default, with a notice on standard error); --no-split keeps one report per input.")
    var split = true

    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let pipeline = try reportOptions.makePipeline(input)
        let redactor = try reportOptions.redactor()
        let includeText = reportOptions.includeText, category = reportOptions.category
        var failures = 0
        // Walked by raw path bytes; "-" is standard input.
        let entries = FileWalker.inputs(paths)
        let inputNames = entries.compactMap { try? $0.get().name }
        try ResultOutput.with(output, inputs: inputNames) { out in
            func emit(_ read: Ingestor.Input) throws {
                var source = read.source
                if includeText { source.text = read.decoded.text }
                let reports = pipeline.reports(read, source: source, split: split, category: category)
                if reports.count > 1 {
                    Output.error("notice \(source.path): a page of \(reports.count) documents, reported one per line (--no-split for one report)")
                }
                for r in reports {
                    Output.warnings(r)
                    var line = ReportJSON.encode(r, pretty: pretty)
                    if let redactor { line = redactor.apply(redactor.targets(r), to: line) }
                    try out.line(line)
                }
            }
            for entry in entries {
                do {
                    let file = try entry.get()
                    try emit(file.raw == [0x2D] ? try input.read("-") : try input.ingestor.read(contentsOfRawPath: file.raw))
                } catch let e as QiyueError where e.code != .unwritableOutput && e.code != .outputFailed {
                    failures += 1
                    Output.error(e.description)
                }
            }
            if failures > 0 {
                Output.error("\(failures) input(s) failed; see the messages above")
                throw ExitCode(1)
            }
        }
    }
}
