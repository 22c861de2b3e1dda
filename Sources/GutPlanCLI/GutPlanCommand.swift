import Foundation
import GutPlanKit

/// The `gutplan` executable: a thin front end that parses arguments, calls GutPlanKit and maps
/// every error to a message on standard error and an exit code. All logic lives in the library.
/// `Sources/gutplan/main.swift` calls `main()`.
public struct GutPlanCommand {
    static let version = "0.1.0"

    public static func main() -> Never {
        // A closed pipe on standard output becomes the write error EPIPE, which ends the run
        // quietly with exit 141 (`CLIError.brokenPipe`) instead of killing the process mid-way.
        _ = signal(SIGPIPE, SIG_IGN)
        let code = run(Array(CommandLine.arguments.dropFirst()), context: .standard())
        exit(code)
    }

    /// Runs one command line and returns the exit code.
    static func run(_ arguments: [String], context: CommandContext) -> Int32 {
        var commandName: String?
        do {
            try dispatch(arguments, context: context, commandName: &commandName)
            return ExitCodes.success
        } catch {
            return ExitCodes.report(error, command: commandName, context: context)
        }
    }

    private static func dispatch(_ arguments: [String], context: CommandContext,
                                 commandName: inout String?) throws(CLIError) {
        guard let first = arguments.first else {
            throw CLIError.usage("missing command; choose " + Validate.listing(HelpCommand.commands.map { "'\($0.name)'" }))
        }
        var rest = Array(arguments.dropFirst())
        switch first {
        case "--help", "-h":
            try HelpCommand.run(rest.filter { !$0.hasPrefix("-") }, context: context)
            return
        case "--version":
            guard rest.isEmpty else { throw CLIError.usage("--version takes no arguments") }
            try context.writeOutput("gutplan \(version)\n")
            return
        case "help":
            if rest.contains("--help") || rest.contains("-h") { rest = [] }
            try HelpCommand.run(rest, context: context)
            return
        default:
            break
        }

        let commands = HelpCommand.commands
        let command: HelpCommand.Entry
        if let group = HelpCommand.groups[first], let entry = commands.first(where: { $0.name == group }) {
            // A command of two words (`rules check`, `profile new`): the group alone with --help
            // shows the command's help.
            commandName = group
            let word = String(group.dropFirst(first.count + 1))
            guard let sub = rest.first, !sub.hasPrefix("-") else {
                if rest.contains("--help") || rest.contains("-h") { try context.writeOutput(entry.help()); return }
                throw CLIError.usage("missing subcommand; use 'gutplan \(group)'")
            }
            guard sub == word else {
                throw CLIError.usage("unknown subcommand '\(first) \(sub.clipped(to: 80))'\(Suggestion.didYouMean(sub, among: [word]))")
            }
            rest.removeFirst()
            command = entry
        } else if let found = commands.first(where: { $0.name == first }) {
            command = found
            commandName = found.name
        } else if first.hasPrefix("-") {
            let hint = Suggestion.didYouMean(first, among: ["--help", "--version"])
            throw CLIError.usage("unknown option '\(first.clipped(to: 80))'\(hint); options go after the command")
        } else {
            let hint = Suggestion.didYouMean(first, among: commands.map(\.name) + HelpCommand.groups.keys.sorted() + ["help"])
            throw CLIError.usage("unknown command '\(first.clipped(to: 80))'\(hint)")
        }

        try command.execute(rest, context)
    }
}
