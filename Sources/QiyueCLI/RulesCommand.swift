import ArgumentParser

/// `qiyue rules`: check risk rule files and run their examples.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check risk rule files (lint) and run their examples (test).",
        discussion: """
        Risk rules are YAML files, one rule each (Rules/README.md; schema Rules/schema/risk-rule.schema.json).
          qiyue rules lint my-rules/             # every problem as file:line:column: message
          qiyue rules test                       # the shipped rules' examples, as a pass/fail table
          qiyue rules test my-rules/extra.yaml   # only these rules
        """,
        subcommands: [RulesLintCommand.self, RulesTestCommand.self]
    )
}
