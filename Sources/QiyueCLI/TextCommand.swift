import ArgumentParser
import Foundation
import Qiyue
import QiyueIngest

/// `qiyue text FILE`: the text every span of the other commands indexes.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print exactly the text that spans refer to (decoded text, HTML/XML visible text, DOCX body).",
        discussion: """
        Spans are [start, end) Unicode scalar offsets into this text: for plain text the decoded file,
        for HTML/XML the extracted visible text, for DOCX the body as Qiyue reads it (paragraphs one per
        line with their automatic numbering, table rows one per line with cells separated by a tab,
        tracked changes accepted; headers and footers are not part of it). Nothing is added: no
        trailing newline, no file name. `qiyue extract --include-text` puts the same text into the JSON
        as source.text.
        Examples:
          qiyue text contract.docx
          qiyue text page.html -o page.txt
          cat contract.txt | qiyue text -
        """
    )

    @Argument(help: "The input file; - for standard input.")
    var file: String

    @Flag(name: .long, help: "Also print the headers and footers of a DOCX to standard error.")
    var headers = false

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let read: Ingestor.Input
        do { read = try input.read(file) } catch {
            Output.error(error.description)
            throw ExitCode(1)
        }
        if headers {
            for h in read.source.headers ?? [] { Output.error("header: " + h) }
            for f in read.source.footers ?? [] { Output.error("footer: " + f) }
        }
        try ResultOutput.with(output, inputs: [file]) { out in try out.write(read.decoded.text) }
    }
}
