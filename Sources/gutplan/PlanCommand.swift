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
        OptionSpec("no-color", help: "Never colour the output (NO_COLOR=1 does the same)."),
    ]

    static let discussion = """
    Flag at least one thing: --confirmed, --suspected, --labs or --symptoms.
    Nutrients go by id or alias in any case (vitamin D, b12, zinc; see
    'gutplan nutrients'); a nutrient both confirmed and suspected counts as
    confirmed. With nothing flagged, gutplan asks question by question when
    standard input is a terminal, and exits 64 otherwise.

    A lab report is a CSV file with the header test,value,unit, e.g.
      test,value,unit
      25-hydroxyvitamin-d,18,ng/mL
      ferritin,22,ug/L
      vitamin-b12,180,pg/mL
    Test names accept aliases (vitamin d, 25(OH)D, b12); units convert
    (nmol/L and ng/mL, pmol/L and pg/mL, umol/L, mmol/L, mEq/L...).

    Each day has breakfast, lunch, dinner and a snack, one fermented and one
    prebiotic addition, and a stress-management step. Meals repeat at most twice
    a week, never on consecutive days. The score is the weighted share of daily
    targets met (1 = all).

    Formats: text (a week view fitted to the terminal, 80 columns otherwise),
    markdown, csv (one row per planned item, for a spreadsheet) and json.
    -o FILE replaces FILE atomically; an unwritable folder exits 73.

    Examples:
      gutplan plan --confirmed "vitamin D,zinc" --suspected b12
      gutplan plan --labs labs.csv --symptoms fatigue,brain-fog
      gutplan plan --suspected iron --diet vegan --exclude soy,gluten
      gutplan plan --labs labs.csv --sex male --age 52 --kcal 2000-2600
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
        var noColor = false
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
        output.noColor = arguments.has("no-color")
        if output.path != nil, output.path == output.problemPath {
            throw GutPlanError.usage("--output and --emit-problem name the same file")
        }
        return output
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GutPlanError) {
        let request = try PlanRequest(arguments)
        let output = try output(arguments)
        try checkInputsExist(request)
        // Refuse an unwritable destination before any work (and before the questions).
        for path in [output.path, output.problemPath].compactMap({ $0 }) where path != "-" { try checkWritable(path) }
        let (gutplan, completed) = try Backend.prepare(request, interactive: arguments.has("interactive"),
                                                       command: name, context: context)
        let outcome = try Backend.outcome(gutplan, completed) { problem throws(GutPlanError) in
            if let problemPath = output.problemPath { try write(problem.json(), to: problemPath, context: context) }
        }

        let toStdout = output.path == nil || output.path == "-"
        // Colour only on a terminal, never with NO_COLOR, --no-color or TERM=dumb.
        let useColor = toStdout && !output.noColor && context.stdoutIsTerminal
            && !Terminal.noColorRequested(environment: context.environment) && context.environment["TERM"] != "dumb"
        let width = output.width ?? (toStdout && context.stdoutIsTerminal ? context.terminalWidth : 80)
        let text = render(outcome.plan, format: output.format, width: width, useColor: useColor)
        try write(text, to: output.path ?? "-", context: context)
        if let path = output.path, path != "-" {
            context.writeError("gutplan: wrote \(output.format) plan to \(path)\n")
        }
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

    /// The folder of an output file must exist and be writable (exit 73), and the path must not be
    /// a folder; checked before planning so a mistake costs nothing and changes nothing.
    static func checkWritable(_ path: String) throws(GutPlanError) {
        let folder = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
        let folderPath = folder.isEmpty ? "/" : folder
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folderPath, isDirectory: &isFolder) else {
            throw GutPlanError.cannotWrite("cannot write \(path): folder \(folderPath) does not exist")
        }
        guard isFolder.boolValue else { throw GutPlanError.cannotWrite("cannot write \(path): \(folderPath) is not a folder") }
        guard FileManager.default.isWritableFile(atPath: folderPath) else {
            throw GutPlanError.cannotWrite("cannot write \(path): folder \(folderPath) is not writable")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw GutPlanError.cannotWrite("cannot write \(path): it is a folder")
        }
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
