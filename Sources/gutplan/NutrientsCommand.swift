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
        let base = try Backend.load(arguments.value("rules"), context: context).knowledge
        let band = AgeBand(age: input.age) ?? .from31to50
        try context.writeOutput(format == "json"
            ? json(base.nutrients, sex: input.sex, band: band)
            : TerminalText.safe(text(base.nutrients, sex: input.sex, band: band)))
    }

    /// An object keyed by nutrient id, in knowledge-base order:
    /// `{"zinc": {"name": "Zinc", "unit": "mg", "target": 8, "upper_limit": 40, ...}, ...}`
    /// (`target` and `upper_limit` null where there is none).
    static func json(_ nutrients: [Nutrient], sex: Sex, band: AgeBand) -> String {
        let document: JSONValue = .object(ordered: nutrients.map { nutrient in
            (nutrient.id, .object(ordered: [
                ("name", .string(nutrient.name)), ("unit", .string(nutrient.unit)),
                ("target", .number(nutrient.target(sex: sex, band: band))),
                ("upper_limit", .number(nutrient.upperLimit(band: band))),
                ("reference_intake", .bool(nutrient.isReferenceIntake)),
                ("aliases", .array(nutrient.aliases.map(JSONValue.string))),
                ("source", .string(nutrient.source)),
            ]))
        })
        return document.rendered() + "\n"
    }

    static func text(_ nutrients: [Nutrient], sex: Sex, band: AgeBand) -> String {
        func number(_ value: Double?) -> String { value.map { JSONWriter.number($0, maxFractionDigits: 2) } ?? "-" }
        let header = ["id", "name", "unit", "target", "limit"]
        let rows = nutrients.map { nutrient in
            [nutrient.id, nutrient.name, nutrient.unit,
             number(nutrient.target(sex: sex, band: band)) + (nutrient.isReferenceIntake ? "" : "*"),
             number(nutrient.upperLimit(band: band))]
        }
        let widths = (0..<header.count).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let lines = ([header] + rows).map { row in
            zip(row, widths).enumerated().map { index, pair in
                index >= 3 ? String(repeating: " ", count: pair.1 - pair.0.count) + pair.0
                    : pair.0 + String(repeating: " ", count: pair.1 - pair.0.count)
            }.joined(separator: "  ").trimmedSpaces
        }
        return "Daily targets for \(sex.rawValue), age \(band.rawValue)\n\n" + lines.joined(separator: "\n")
            + "\n\n* not an NIH/NASEM reference intake\n"
    }
}
