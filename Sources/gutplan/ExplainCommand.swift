import GutPlanKit

/// `gutplan explain`: which rules fired for these inputs, in order, and why.
enum ExplainCommand: Subcommand {
    static let name = "explain"
    static let summary = "Show which rules fired for a profile, in order, and the facts behind each."
    static let options: [OptionSpec] = PlanRequest.inputOptions
    static let discussion = """
    Takes the same inputs as 'gutplan plan' and prints the derived flags, the
    weights, the preferred foods, additions, steps and notes, each with the rule
    that produced it.

    Examples:
      gutplan explain --confirmed zinc --symptoms fatigue
      gutplan explain --labs labs.txt --diet vegan
    """

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GutPlanError) {
        let request = try PlanRequest(arguments)
        try PlanCommand.checkInputsExist(request)
        let (gutplan, completed) = try Backend.prepare(request, interactive: arguments.has("interactive"),
                                                       command: name, context: context)
        let width = context.stdoutIsTerminal ? context.terminalWidth : 80
        let text = try Backend.explain(gutplan, completed, width: width)
        context.writeOutput(text.hasSuffix("\n") ? text : text + "\n")
    }
}
