import Foundation
import GutPlanKit

/// `gutplan plan`: validate the inputs, ask the library for a plan, render it, write it.
enum PlanCommand: Subcommand {
    static let name = "plan"
    static let summary = "Make a seven-day meal plan for flagged nutrient deficiencies."
    static let formats = ["text", "json", "csv", "markdown", "html", "ics"]
    /// File name endings that pick a format when `--format` is not given.
    static let extensions: [String: String] = ["txt": "text", "text": "text", "json": "json", "csv": "csv", "md": "markdown",
                                               "markdown": "markdown", "html": "html", "htm": "html", "ics": "ics"]

    static let options: [OptionSpec] = PlanRequest.inputOptions + [
        OptionSpec("seed", value: "N", help: "Non-negative integer seed for tie-breaking (same seed, same plan)."),
        OptionSpec("format", short: "f", value: "FORMAT", help: "text, json, csv, markdown, html (a printable report) or ics (a calendar; needs --start). Default: from the -o file name (.txt .json .csv .md .html .ics), else text."),
        OptionSpec("brief", help: "Text: one line per meal, without ingredients and method."),
        OptionSpec("client", value: "NAME", help: "Client name shown on the html report."),
        OptionSpec("shopping-list", value: "FILE", help: "Also write the shopping list as CSV (aisle,item,quantity,unit,grams,used_on)."),
        OptionSpec("output", short: "o", value: "FILE", help: "Write the plan to FILE (a regular file is replaced atomically, keeping its mode; a new one is created 0600); '-' is standard output."),
        OptionSpec("emit-problem", value: "FILE", help: "Also write the optimisation problem as JSON, for checking with a MILP solver (written like -o; not the same file as the plan)."),
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
    -o FILE replaces a regular FILE atomically (readers see the old or the whole
    new plan; its mode and, where permitted, owner are kept; a new file is 0600).
    A symbolic link is followed and its target replaced. A character device or
    FIFO (/dev/null, /dev/stdout, a named pipe) is written directly. A missing or
    unwritable folder or a read-only file exits 73; a write that fails part-way
    (a full disk) exits 74. The plan and --emit-problem may not name the same file.

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
        var brief = false
        var client: String?
        var shoppingPath: String?
    }

    static func output(_ arguments: ParsedArguments) throws(CLIError) -> Output {
        var output = Output()
        do {
            if let text = arguments.value("format") { output.format = try Validate.format(text, allowed: formats) }
            if let text = arguments.value("width") { output.width = try Validate.width(text) }
            if let text = arguments.value("output") { output.path = try Validate.path(text) }
            if let text = arguments.value("emit-problem") { output.problemPath = try Validate.path(text) }
            if let text = arguments.value("shopping-list") { output.shoppingPath = try Validate.path(text) }
        } catch {
            throw CLIError.usage(error.message)
        }
        output.noColor = arguments.has("no-color")
        output.brief = arguments.has("brief")
        output.client = arguments.value("client")
        // The file name's ending picks the format; a clash with --format is a usage error.
        if let path = output.path, path != "-", let dot = path.lastIndex(of: "."),
           let implied = extensions[String(path[path.index(after: dot)...]).lowercased()] {
            if let given = arguments.value("format") {
                if given.lowercased() != implied && !(given.lowercased() == "md" && implied == "markdown") {
                    throw CLIError.usage("--format \(given.clipped(to: 20)) does not match the file name \(path.clipped(to: 80)) (a .\(path[path.index(after: dot)...]) file is \(implied))")
                }
            } else {
                output.format = implied
            }
        }
        return output
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) {
        let request = try PlanRequest(arguments)
        let output = try output(arguments)
        // A profile may give the start date: then it is checked once the profile is read.
        if output.format == "ics", request.options.start == nil, request.profilePath == nil {
            throw CLIError.usage("the calendar needs --start YYYY-MM-DD")
        }
        try Backend.checkLabs(request.input.labs)
        // Decide where each output goes and refuse a clash or an unwritable destination before
        // any work (and before the questions), so a mistake costs nothing and changes nothing.
        let planPath = output.path ?? "-"
        let planTarget = try OutputTarget.resolve(planPath)
        let problemTarget = try output.problemPath.map { (path: String) throws(CLIError) in try OutputTarget.resolve(path) }
        if let problemTarget, let problemPath = output.problemPath {
            try OutputTarget.checkDistinct(plan: planTarget, problem: problemTarget, planPath: planPath, problemPath: problemPath)
            try problemTarget.checkWritable(shownAs: problemPath)
        }
        try planTarget.checkWritable(shownAs: planPath)

        let (gutplan, completed) = try Backend.prepare(request, interactive: arguments.has("interactive"),
                                                       command: name, context: context)
        if output.format == "ics", completed.options.start == nil {
            throw CLIError.usage("the calendar needs a start date: --start YYYY-MM-DD or 'start:' in the profile")
        }
        let outcome = try Backend.outcome(gutplan, completed) { problem throws(CLIError) in
            if let problemTarget, let problemPath = output.problemPath {
                try problemTarget.write(problem.json(), context: context, shownAs: problemPath)
            }
        }

        let toStdout = planTarget == .standardOutput
        // Colour only on a terminal, never with NO_COLOR, --no-color or TERM=dumb.
        let useColor = toStdout && !output.noColor && context.stdoutIsTerminal
            && !Terminal.noColorRequested(environment: context.environment) && context.environment["TERM"] != "dumb"
        let width = output.width ?? (toStdout && context.stdoutIsTerminal ? context.terminalWidth : 80)
        let text: String
        do {
            text = try render(outcome, gutplan: gutplan, output: output, width: width, useColor: useColor,
                              mealTimes: completed.options.mealTimes, clientName: completed.clientName,
                              clientNotes: completed.clientNotes)
        } catch {
            throw CLIError.library(error)
        }
        try planTarget.write(text, context: context, shownAs: planPath)
        if let shoppingPath = output.shoppingPath {
            let target = try OutputTarget.resolve(shoppingPath)
            try target.write(outcome.plan.shoppingCSV(), context: context, shownAs: shoppingPath)
        }
        if case .file = planTarget {
            context.writeError(TerminalText.safe("gutplan: wrote \(output.format) plan to \(planPath.clipped(to: 200, keepEnd: true))\n"))
        }
    }

    static func render(_ outcome: GutPlan.Outcome, gutplan: GutPlan, output: Output, width: Int, useColor: Bool,
                       mealTimes: [Slot: String], clientName: String? = nil,
                       clientNotes: [String] = []) throws(GutPlanError) -> String {
        let plan = outcome.plan
        switch output.format {
        case "json": return plan.json()
        case "csv": return plan.csv()
        case "markdown": return plan.markdown()
        case "html":
            var details = gutplan.explanation(of: outcome).reportDetails(client: output.client ?? clientName)
            details.notes = clientNotes
            return plan.html(details: details)
        case "ics": return try plan.ics(mealTimes: mealTimes)
        default: return plan.text(width: width, useColor: useColor, brief: output.brief)
        }
    }
}
