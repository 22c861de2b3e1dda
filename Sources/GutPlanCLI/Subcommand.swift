import GutPlanKit

/// A `gutplan` subcommand: its options, help and action.
protocol Subcommand {
    /// As typed: `plan`, `rules check`.
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    static var options: [OptionSpec] { get }
    /// Paragraphs after the option list: details and examples.
    static var discussion: String { get }
    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError)
}

extension Subcommand {
    /// The command-list entry of a command that takes file arguments (`swap PLAN.json`, `batch
    /// DIR...`): its own usage line, `--help` anywhere before `--`, positionals allowed.
    static func positionalEntry(usage: String) -> HelpCommand.Entry {
        /// `help` with its first line (the generic usage) replaced by `usage`.
        let full = {
            let text = help.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            return usage + "\n" + (text.count > 1 ? String(text[1]) : "")
        }
        return HelpCommand.Entry(name: name, summary: summary, help: full) { arguments, context throws(CLIError) in
            if arguments.prefix(while: { $0 != "--" }).contains(where: { $0 == "--help" || $0 == "-h" }) {
                try context.writeOutput(full())
                return
            }
            let parsed = try ArgumentParser.parse(arguments, options: options, command: name, allowsPositionals: true)
            try run(parsed, context: context)
        }
    }

    /// The full help text: usage, summary, options, discussion.
    static var help: String {
        var lines = ["Usage: gutplan \(name)\(options.isEmpty ? "" : " [options]")", "", summary, ""]
        if !options.isEmpty {
            lines.append("Options:")
            let all = options + [OptionSpec("help", short: "h", help: "Show this help.")]
            let labels = all.map { spec in
                (spec.short.map { "-\($0), " } ?? "    ") + "--\(spec.name)" + (spec.valueName.map { " \($0)" } ?? "")
            }
            let column = min(28, (labels.map(\.count).max() ?? 0) + 4)
            for (spec, label) in zip(all, labels) {
                let padded = "  " + label + String(repeating: " ", count: max(1, column - label.count))
                let wrapped = HelpText.wrap(spec.help, width: 78 - padded.count)
                if padded.count > column + 2 {
                    lines.append("  " + label)
                    lines += wrapped.map { String(repeating: " ", count: column + 2) + $0 }
                } else {
                    lines.append(padded + (wrapped.first ?? ""))
                    lines += wrapped.dropFirst().map { String(repeating: " ", count: padded.count) + $0 }
                }
            }
            lines.append("")
        }
        lines.append(discussion)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses `arguments`; prints help and returns `nil` for `--help`.
    static func parse(_ arguments: [String], context: CommandContext) throws(CLIError) -> ParsedArguments? {
        // `--help` wins even over other mistakes on the same line.
        if arguments.prefix(while: { $0 != "--" }).contains(where: { $0 == "--help" || $0 == "-h" }) {
            try context.writeOutput(help)
            return nil
        }
        return try ArgumentParser.parse(arguments, options: options, command: name)
    }
}

enum HelpText {
    /// Word wrap for help texts (plain ASCII).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
