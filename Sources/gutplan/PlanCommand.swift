import Foundation
import GutPlanKit

/// `gutplan plan`: validate the inputs, ask the library for a plan, render it, write it.
enum PlanCommand: Subcommand {
    static let name = "plan"
    static let summary = "Make a seven-day meal plan for flagged nutrient deficiencies."
    static let formats = ["text", "json", "csv", "markdown"]

    static let options: [OptionSpec] = PlanRequest.inputOptions + [
        OptionSpec("seed", value: "N", help: "Non-negative integer seed for tie-breaking (same seed, same plan)."),
        OptionSpec("format", short: "f", value: "FORMAT", help: "text, json, csv or markdown (default text)."),
        OptionSpec("output", short: "o", value: "FILE", help: "Write the plan to FILE (replaced atomically); '-' is standard output."),
        OptionSpec("emit-problem", value: "FILE", help: "Also write the optimisation problem as JSON, for checking with a MILP solver."),
        OptionSpec("width", value: "N", help: "Text width in columns (default: the terminal's, or 80)."),
        OptionSpec("color", help: "Colour the text output even when not on a terminal."),
        OptionSpec("no-color", help: "Never colour the output (NO_COLOR=1 does the same)."),
    ]

    static let discussion = """
    Each day has breakfast, lunch, dinner and a snack, one fermented and one
    prebiotic addition, and a stress-management step. Meals repeat at most twice
    a week, never on consecutive days. The score is the weighted share of daily
    targets met (1 = all).

    Examples:
      gutplan plan --confirmed zinc,iron --suspected b12
      gutplan plan --suspected vitamin-d --diet vegan --exclude soy,gluten
      gutplan plan --labs labs.txt --sex male --age 52 --kcal 2000-2600
      gutplan plan --confirmed zinc --format csv -o plan.csv
      gutplan plan --interactive

    gutplan gives food guidance, not medical advice.
    """

    /// Validated output choices.
    struct Output: Equatable {
        var format = "text"
        var path: String?
        var problemPath: String?
        var width: Int?
        var color: Bool?
    }

    static func output(_ arguments: ParsedArguments) throws(GutPlanError) -> Output {
        var output = Output()
        do {
            if let text = arguments.value("format") { output.format = try Validate.format(text, allowed: formats) }
            if let text = arguments.value("width") { output.width = try Validate.width(text) }
            if let text = arguments.value("output") { output.path = try Validate.path(text) }
            if let text = arguments.value("emit-problem") { output.problemPath = try Validate.path(text) }
        } catch {
            throw GutPlanError.usage(error.message)
        }
        if arguments.has("color"), arguments.has("no-color") {
            throw GutPlanError.usage("--color and --no-color cannot be used together")
        }
        if arguments.has("color") { output.color = true }
        if arguments.has("no-color") { output.color = false }
        if output.path != nil, output.path == output.problemPath {
            throw GutPlanError.usage("--output and --emit-problem name the same file")
        }
        return output
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GutPlanError) {
        var request = try PlanRequest(arguments)
        let output = try output(arguments)
        try checkInputsExist(request)
        if arguments.has("interactive") { request = try Interactive.ask(starting: request, context: context) }

        let plan = try Backend.plan(request) { problem throws(GutPlanError) in
            if let problemPath = output.problemPath { try write(problem.json(), to: problemPath, context: context) }
        }
        let toStdout = output.path == nil || output.path == "-"
        let useColor = output.color ?? (toStdout && context.stdoutIsTerminal && !Terminal.noColorRequested(environment: context.environment)
            && context.environment["TERM"] != "dumb")
        let width = output.width ?? (toStdout && context.stdoutIsTerminal ? context.terminalWidth : 80)
        try write(render(plan, format: output.format, width: width, useColor: useColor),
                  to: output.path ?? "-", context: context)
    }

    static func render(_ plan: MealPlan, format: String, width: Int, useColor: Bool) -> String {
        switch format {
        case "json": return plan.json()
        case "csv": return plan.csv()
        case "markdown": return plan.markdown()
        default: return plan.text(width: width, useColor: useColor)
        }
    }

    /// Standard output for `-`, else an atomic file write (exit 73 on failure).
    static func write(_ text: String, to path: String, context: CommandContext) throws(GutPlanError) {
        if path == "-" { context.writeOutput(text) } else { try AtomicFile.write(text, to: path) }
    }

    /// Named input files and folders must exist before any work starts (exit 66).
    static func checkInputsExist(_ request: PlanRequest) throws(GutPlanError) {
        var isFolder: ObjCBool = false
        if let labs = request.labsPath {
            guard FileManager.default.fileExists(atPath: labs, isDirectory: &isFolder), !isFolder.boolValue,
                  FileManager.default.isReadableFile(atPath: labs)
            else { throw GutPlanError.missingInput("cannot read lab file \(labs): no such readable file") }
        }
        if let rules = request.rulesPath {
            guard FileManager.default.fileExists(atPath: rules, isDirectory: &isFolder), isFolder.boolValue
            else { throw GutPlanError.missingInput("cannot read rule directory \(rules): no such folder") }
        }
    }
}
