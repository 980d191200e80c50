import ArgumentParser
import Qiyue

/// `qiyue`: the command-line front of the pipeline.
struct QiyueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qiyue",
        abstract: "Read Chinese contracts: parties, amounts, deadlines, penalties and risks as JSON.",
        discussion: """
        Pipeline: decode → normalize → segment → extract → classify → rules → JSON.
        Spans in all output are [start, end) Unicode scalar offsets into the decoded original text.
        Exit status: 0 success, 1 some input failed (reported on stderr, the rest processed), 2 usage error.
        """,
        subcommands: [ExtractCommand.self, TextCommand.self, EntitiesCommand.self, SegmentCommand.self, SplitCommand.self, RulesCommand.self, EvalCommand.self, BenchCommand.self]
    )
}
