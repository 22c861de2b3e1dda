import GutPlanKit

/// `gutplan nutrients`: the nutrient ids people can flag, with units and daily targets.
enum NutrientsCommand: Subcommand {
    static let name = "nutrients"
    static let summary = "List the nutrients: ids, aliases, units, daily targets, upper limits."
    static let options: [OptionSpec] = [
        OptionSpec("sex", value: "SEX", help: "female or male (default female)."),
        OptionSpec("age", value: "N", help: "Age in years, 19 to 130 (default 35)."),
        OptionSpec("format", short: "f", value: "FORMAT", help: "text or json (default text)."),
        OptionSpec("rules", value: "DIR", help: "Rule directory to read (default: the built-in Rules/)."),
    ]
    static let discussion = """
    Targets are NIH/NASEM reference intakes for the given sex and age unless
    marked '*' (the project's own target). Any id or alias works with --confirmed
    and --suspected.

    Examples:
      gutplan nutrients
      gutplan nutrients --sex male --age 60 --format json
    """

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) {
        var input = ProfileInput()
        var format = "text"
        do {
            if let text = arguments.value("sex") { input.sex = try Validate.sex(text) }
            if let text = arguments.value("age") { input.age = try Validate.age(text) }
            if let text = arguments.value("format") { format = try Validate.format(text, allowed: ["text", "json"]) }
        } catch {
            throw CLIError.usage(error.message)
        }
        let table = try Backend.load(arguments.value("rules"), context: context).nutrientTable(sex: input.sex, age: input.age)
        try context.writeOutput(format == "json" ? table.json() : TerminalText.safe(table.text()))
    }
}
