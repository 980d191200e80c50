import ArgumentParser
import Foundation
import Qiyue
import QiyueIngest
import QiyueReport

/// `qiyue report FILE --html OUT.html`: the review page for one input as a standalone file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the review view of a contract (highlighted facts, risks by severity) as one standalone HTML file.",
        discussion: """
        The same view as the server's page (GET /), with the reports and the text embedded: no network, no
        external file; printable (a print stylesheet lists every risk after the text), so a reviewer can
        file a PDF. A multi-document page gets one tab per document (all printed).
        Examples:
          qiyue report Corpus/documents/gen-a-09.txt --html review.html
          qiyue report --no-split page.html --html review.html
        """
    )

    @Argument(help: "The input file; - for standard input.")
    var file: String

    @Option(help: "The HTML file to write (- for standard output).")
    var html: String

    @Flag(inversion: .prefixedNo, help: "One tab per document of a multi-document page (the default).")
    var split = true

    @Option(help: "Treat the input as this contract category instead of classifying it.")
    var category: String?

    @OptionGroup var input: InputOptions

    func validate() throws {
        if let c = category, !DocumentClassifier.categories.contains(c) {
            throw ValidationError("unknown category '\(c)'; expected one of \(DocumentClassifier.categories.joined(separator: ", "))")
        }
    }

    func run() throws {
        let pipeline = try input.makePipeline()
        let read: Ingestor.Input
        do { read = try input.read(file) } catch {
            Output.error(error.description)
            throw ExitCode(1)
        }
        var source = read.source
        source.text = read.decoded.text
        let reports = pipeline.reports(read.decoded, source: source, split: split, category: category)
        reports.forEach(Output.warnings)
        let page = try ReviewPage.html(reports: reports)
        var output = OutputOptions()
        output.output = html
        try ResultOutput.with(output, inputs: [file]) { out in try out.write(page) }
    }
}
