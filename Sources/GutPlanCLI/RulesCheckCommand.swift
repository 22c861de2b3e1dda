import GutPlanKit

/// `gutplan rules check`: load a rule directory and report every problem with its location.
enum RulesCheckCommand: Subcommand {
    static let name = "rules check"
    static let summary = "Check a rule directory (data and .rules files); report every problem."
    static let options: [OptionSpec] = [
        OptionSpec("rules", value: "DIR", help: "Rule directory to check (default: the built-in Rules/)."),
    ]
    static let discussion = """
    Problems are printed as path:line:column: error: message, with the offending
    line. Exit code 0 when the directory is fine, 65 when it has problems, 66 when
    it is missing or cannot be read.

    Examples:
      gutplan rules check
      gutplan rules check --rules ./my-rules
    """

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) {
        let summary = try Backend.checkRules(at: arguments.value("rules"), context: context)
        try context.writeOutput(TerminalText.safe(summary.hasSuffix("\n") ? summary : summary + "\n"))
    }
}
