import GutPlanKit

/// `gutplan help [COMMAND]` and `gutplan --help`.
enum HelpCommand {
    /// A subcommand with its type erased (closures, not existential metatypes: calling typed-throws
    /// static requirements through `any Subcommand.Type` crashes the Swift 6.3 compiler).
    struct Entry {
        var name: String
        var summary: String
        /// The full help text, built only when asked for (building every command's help on every
        /// run cost about 1 ms of each process).
        var help: () -> String
        /// Parses (printing help for `--help`) and runs.
        var execute: ([String], CommandContext) throws(CLIError) -> Void
    }

    static func entry<Command: Subcommand>(_ command: Command.Type) -> Entry {
        Entry(name: Command.name, summary: Command.summary, help: { Command.help }) { arguments, context throws(CLIError) in
            guard let parsed = try Command.parse(arguments, context: context) else { return }
            try Command.run(parsed, context: context)
        }
    }

    static var commands: [Entry] {
        [entry(PlanCommand.self), entry(ExplainCommand.self), entry(RulesCheckCommand.self), entry(NutrientsCommand.self),
         SwapCommand.entry, ProfileNewCommand.entry, BatchCommand.entry]
    }

    /// The first word of each two-word command, and the command (`rules` → `rules check`).
    static let groups = ["rules": RulesCheckCommand.name, "profile": ProfileNewCommand.name]

    static var overview: String {
        let commands = Self.commands
        let width = (commands.map(\.name.count).max() ?? 0) + 4
        let list = commands.map { command in
            HelpText.wrap(command.summary, width: 78 - width - 2).enumerated().map { index, line in
                let label = index == 0 ? command.name : ""
                return "  " + label + String(repeating: " ", count: width - label.count) + line
            }.joined(separator: "\n")
        }
        return """
        gutplan \(GutPlanCommand.version): a seven-day meal plan for flagged nutrient deficiencies,
        for people with increased intestinal permeability ("leaky gut").

        Usage: gutplan <command> [options]

        Commands:
        \(list.joined(separator: "\n"))
          help\(String(repeating: " ", count: width - 4))Show help for a command.

        Options:
          -h, --help     Show help; also 'gutplan help <command>' and
                         'gutplan <command> --help'.
          --version      Print the version.

        Examples:
          gutplan plan --confirmed "vitamin D,zinc" --suspected b12
          gutplan plan --labs labs.csv --symptoms fatigue --diet vegetarian
          gutplan plan --labs labs.csv --format csv -o plan.csv
          gutplan plan                 (asks question by question)
          gutplan explain --labs labs.csv
          gutplan profile new ana.profile   (asks, then writes a client profile)
          gutplan plan --profile ana.profile -o ana.html
          gutplan rules check --rules ./Rules
          gutplan help plan

        Exit codes: 0 success, 1 no plan possible, 64 usage error, 65 bad data,
        66 missing or unreadable input, 70 internal error (please report it),
        73 cannot write output, 74 output failed part-way (I/O error),
        141 standard output closed by its reader.

        \(MealPlan.disclaimer.replacingOccurrences(of: "advice. ", with: "advice.\n"))

        """
    }

    /// Prints help for the command named by `words` (`["plan"]`, `["rules", "check"]`).
    static func run(_ words: [String], context: CommandContext) throws(CLIError) {
        guard !words.isEmpty else { try context.writeOutput(overview); return }
        let name = words.joined(separator: " ")
        if name == "help" { try context.writeOutput(overview); return }
        guard let command = commands.first(where: { $0.name == (groups[name] ?? name) }) else {
            let hint = Suggestion.didYouMean(name, among: commands.map(\.name) + groups.keys.sorted() + ["help"])
            throw CLIError.usage("no help for unknown command '\(name.clipped(to: 80))'\(hint)")
        }
        try context.writeOutput(command.help())
    }
}
