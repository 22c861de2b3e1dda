import GutPlanKit

/// `gutplan explain`: which rules fired for these inputs, in order, and why.
enum ExplainCommand: Subcommand {
    static let name = "explain"
    static let summary = "Show why: the chain behind each flag, the rules that fired, each item's share."
    static let options: [OptionSpec] = PlanRequest.inputOptions + [
        OptionSpec("width", value: "N", help: "Text width in columns (default: the terminal's, or 80)."),
    ]
    static let discussion = """
    Takes the same inputs as 'gutplan plan' and prints, for each flag, the chain
    that produced it (your entry, lab value or symptom -> rule -> flag), lab
    values converted into the unit each rule compares in, every rule that fired
    with what it brought, and for each day what each item contributes to the
    day's targets and which rules chose it.

    Examples:
      gutplan explain --confirmed zinc --symptoms fatigue
      gutplan explain --labs labs.csv --diet vegan
    """

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) {
        let request = try PlanRequest(arguments)
        try Backend.checkLabs(request.input.labs)
        let (gutplan, completed) = try Backend.prepare(request, interactive: arguments.has("interactive"),
                                                       command: name, context: context)
        var width = context.stdoutIsTerminal ? context.terminalWidth : 80
        if let text = arguments.value("width") {
            do { width = try Validate.width(text) } catch { throw CLIError.usage("--width \(text.clipped(to: 80)): \(error.message)") }
        }
        let text = try Backend.explain(gutplan, completed, width: width)
        try context.writeOutput(text.hasSuffix("\n") ? text : text + "\n")
    }
}
