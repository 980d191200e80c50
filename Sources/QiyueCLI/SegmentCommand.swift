import ArgumentParser
import Foundation
import Qiyue
import QiyueIngest

/// `qiyue segment FILE…`: tokens, sentences and clauses of each file.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Print the tokens (and with --json, the sentences and clauses) of each file.",
        discussion: """
        Text output: one token per line as `START END KIND TEXT`, where START/END are original offsets
        and TEXT is the normalized token. --json prints one JSON object per file with tokens
        ({text, original, kind, span}), sentences and clauses.
        """
    )

    @Argument(help: "Input files (UTF-8, UTF-16 with BOM, GB18030/GBK, Big5; plain text, HTML or DOCX); - for standard input.")
    var files: [String]

    @Flag(name: .long, help: "Print JSON (one object per file) instead of a token listing.")
    var json = false

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let analyzer = try input.makeAnalyzer()
        var failed = 0
        try ResultOutput.with(output, inputs: files) { out in
            for file in files {
                do {
                    let read = try input.read(file)
                    let doc = analyzer.analyze(read.decoded, source: read.source)
                    if json {
                        try out.line(try SegmentationReport(document: doc).jsonString())
                    } else {
                        if files.count > 1 { try out.line("# \(file) (\(doc.source.encoding))") }
                        var text = ""
                        for t in doc.tokens {
                            let span = doc.originalSpan(of: t)
                            text += "\(span.start)\t\(span.end)\t\(t.kind)\t\(doc.normalizedText(of: t))\n"
                        }
                        try out.write(text)
                    }
                } catch let e as QiyueError where e.code != .unwritableOutput {
                    failed += 1
                    Output.error(e.description)
                }
            }
            if failed > 0 { throw ExitCode(1) }
        }
    }
}
