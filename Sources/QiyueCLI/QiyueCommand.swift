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
        Exit status: 0 success; 1 some input failed (reported on stderr with its code, the rest
        processed); 64 usage error (a bad option or argument); 74 the results could not be written
        (Q500: a closed pipe, a full disk).
        """,
        version: Producer.version,
        subcommands: [ExtractCommand.self, BatchCommand.self, TextCommand.self, EntitiesCommand.self, SegmentCommand.self, SplitCommand.self, RulesCommand.self, EvalCommand.self, BenchCommand.self, ServeCommand.self, ReportCommand.self]
    )
}
