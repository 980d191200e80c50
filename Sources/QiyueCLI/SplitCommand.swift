import ArgumentParser
import Foundation
import Qiyue
import QiyueIngest

/// `qiyue split FILE`: the documents of a multi-document page and what each one is.
struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Find the documents in a multi-document page and classify each one.",
        discussion: """
        Boundary cues (Rules/classification/split.yaml): numbered headings such as 过户合同篇3,
        客户合同范文2, 范文一, 客户部 第4篇, and title lines on pages without numbered series. Each
        document is classified (Rules/classification/features.yaml): contract or not, its category or
        genre, a confidence and the features that decided.
        Text output: one line per document, `LINE [START, END) TITLE → CLASS (CONFIDENCE)`.
        --json prints one JSON object per document: {startLine, span, title, classification}.
        --eval DIR evaluates splitting and classification on a Corpus directory instead.
        Examples:
          qiyue split Corpus/pages/000_d915155119d6f3bb.txt
          qiyue split --json page.html
          qiyue split --eval Corpus
        """
    )

    @Argument(help: "The page (any supported encoding; plain text, HTML or DOCX); - for standard input.")
    var file: String?

    @Flag(name: .long, help: "Print JSON Lines, one object per document.")
    var json = false

    @Option(name: .long, help: "Evaluate on a Corpus directory (pages/*.split.json, documents/, classification/).")
    var eval: String?

    @Option(name: .long, help: ArgumentHelp("Time classification: classify every document this many times and report the mean.", visibility: .hidden))
    var timeRuns: Int = 0

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    struct Entry: Encodable {
        var startLine: Int
        var span: TextSpan
        var title: String
        var classification: Classification
    }

    func run() throws {
        let analyzer = try input.makeAnalyzer()
        if let eval {
            let report = try SplitEvaluation.run(corpus: eval, analyzer: analyzer)
            try ResultOutput.with(output, inputs: []) { out in
                if json {
                    let enc = JSONEncoder()
                    enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                    try out.line(String(decoding: try enc.encode(report), as: UTF8.self))
                } else {
                    try out.write(report.renderText())
                }
            }
            return
        }
        guard let file else { throw ValidationError("give a FILE to split, or --eval DIR") }
        let doc: Document
        do {
            let read = try input.read(file)
            doc = analyzer.analyze(read.decoded, source: read.source)
        } catch {
            Output.error("\(error)")
            throw ExitCode(1)
        }
        let splitter = try DocumentSplitter(knowledge: analyzer.knowledge)
        let classifier = try DocumentClassifier(knowledge: analyzer.knowledge)
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        let parts = splitter.split(doc)
        if timeRuns > 0 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<timeRuns { for part in parts { _ = classifier.classify(doc, range: part.range) } }
            let ns = Double(DispatchTime.now().uptimeNanoseconds - t0) / Double(timeRuns * parts.count)
            let kb = Double(doc.original.utf8.count) / 1000 / Double(parts.count)
            Output.error(String(format: "classify: %.1f µs per document (%.1f KB UTF-8 on average)", ns / 1000, kb))
        }
        for part in parts {
            let c = classifier.classify(doc, range: part.range)
            if json {
                let entry = Entry(startLine: part.startLine, span: part.span, title: part.title, classification: c)
                out += String(decoding: try enc.encode(entry), as: UTF8.self) + "\n"
            } else {
                let kind = c.isContract ? "contract/" + (c.category ?? "?") : (c.genre ?? "?")
                let why = c.features.prefix(3).map(\.name).joined(separator: ", ")
                out += "\(part.startLine)\t\(part.span)\t\(part.title)\t→ \(kind) (\(String(format: "%.2f", c.confidence)); \(why))\n"
            }
        }
        let text = out
        try ResultOutput.with(output, inputs: [file]) { try $0.write(text) }
    }
}
