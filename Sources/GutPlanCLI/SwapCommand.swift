import Foundation
import GutPlanKit

/// `gutplan swap PLAN.json --day N --slot SLOT`: the best alternatives for one slot of a saved
/// plan, everything else kept; `--pick N` writes the plan with alternative N.
enum SwapCommand: Subcommand {
    static let name = "swap"
    static let summary = "Swap one meal of a saved plan: list alternatives, pick one."
    static let options: [OptionSpec] = [
        OptionSpec("day", value: "N", help: "The day of the plan, 1 to 7 (required)."),
        OptionSpec("slot", value: "SLOT", help: "breakfast, lunch, dinner, snack, fermented or prebiotic (required)."),
        OptionSpec("count", value: "N", help: "How many alternatives to list, 1 to 1000 (default 5)."),
        OptionSpec("pick", value: "N", help: "Swap in alternative N of the list and write the new plan as JSON."),
        OptionSpec("output", short: "o", value: "FILE", help: "With --pick, write the new plan to FILE (replaced atomically, keeping its mode; a new file is 0600); default standard output."),
        OptionSpec("rules", value: "DIR", help: "Rule directory to use instead of the built-in Rules/ (must be the rules the plan was made with)."),
    ]
    static let discussion = """
    PLAN.json is a plan written by 'gutplan plan --format json'. gutplan rebuilds
    the person's planning problem from the profile in the file with the current
    rules, and checks the file against it: every item must be allowed in its
    slot, the week must keep every limit, cap and energy band, and its score and
    plants must be what the rules give. A plan made with other rules, or edited
    by hand, is refused with the mismatch named (exit 65).

    The alternatives are every other item allowed in the slot whose week stays
    valid, ranked as the planner ranks weeks: weeks within 0.005 of the best
    score first, by plant species, then days with preferred foods, then distinct
    meals; then the rest by score. Each line shows the week's score and plants
    and the change from the current week.

    --pick N swaps in alternative N and writes the whole plan again as JSON, with
    every total, coverage, limit, plant count and the shopping list recomputed.

    Examples:
      gutplan plan --confirmed zinc --format json -o plan.json
      gutplan swap plan.json --day 2 --slot dinner
      gutplan swap plan.json --day 2 --slot dinner --count 10
      gutplan swap plan.json --day 2 --slot dinner --pick 1 -o new.json
    """

    /// Registered with its own parsing: the plan file is a positional argument.
    static var entry: HelpCommand.Entry { positionalEntry(usage: "Usage: gutplan swap PLAN.json --day N --slot SLOT [options]") }

    /// What the command line asked for, validated.
    struct Request: Equatable {
        var planPath: String
        var day: Int
        var slot: Slot
        var count = 5
        var pick: Int?
        var outputPath: String?
        var rulesPath: String?
    }

    static func request(_ arguments: ParsedArguments) throws(CLIError) -> Request {
        guard arguments.positionals.count == 1, let planPath = arguments.positionals.first, !planPath.isEmpty else {
            throw .usage(arguments.positionals.isEmpty
                ? "missing the plan file: gutplan swap PLAN.json --day N --slot SLOT"
                : "give one plan file, not \(arguments.positionals.count)")
        }
        func whole(_ option: String, _ range: ClosedRange<Int>) throws(CLIError) -> Int? {
            guard let text = arguments.value(option) else { return nil }
            do { return try Validate.whole(text, option, range) } catch {
                throw .usage("--\(option) \(text.clipped(to: 80)): \(error.message)")
            }
        }
        guard let dayText = arguments.value("day") else {
            throw .usage("missing --day N: the day of the plan to change (1 to 7)")
        }
        guard let day = Int(dayText.trimmedSpaces), day >= 1 else {
            throw .usage("--day \(dayText.clipped(to: 80)): the day must be a whole number, 1 to 7 for a one-week plan")
        }
        guard let slotText = arguments.value("slot") else {
            throw .usage("missing --slot SLOT: one of " + Validate.listing(Slot.planned.map(\.rawValue)))
        }
        let lowered = slotText.trimmedSpaces.lowercased()
        guard let slot = Slot(rawValue: lowered), Slot.planned.contains(slot) else {
            let why = lowered == Slot.stress.rawValue ? "the stress step is not swapped" : "unknown slot"
            throw .usage("--slot \(slotText.clipped(to: 80)): \(why)"
                + Suggestion.didYouMean(lowered, among: Slot.planned.map(\.rawValue))
                + "; choose " + Validate.listing(Slot.planned.map(\.rawValue)))
        }
        var request = Request(planPath: planPath, day: day, slot: slot)
        request.count = try whole("count", 1...1000) ?? 5
        request.pick = try whole("pick", 1...1_000_000)
        if let output = arguments.value("output") {
            guard request.pick != nil else { throw .usage("-o FILE writes a swapped plan: give --pick N with it") }
            guard !output.isEmpty else { throw .usage("-o: the path is empty") }
            request.outputPath = output
        }
        if let rules = arguments.value("rules") {
            guard !rules.isEmpty else { throw .usage("--rules: the path is empty") }
            request.rulesPath = rules
        }
        return request
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) {
        let request = try request(arguments)
        let outputPath = request.outputPath ?? "-"
        let target = try OutputTarget.resolve(outputPath)
        if request.pick != nil { try target.checkWritable(shownAs: outputPath) }
        let text = try readPlan(request.planPath)
        let gutplan = try Backend.load(request.rulesPath, context: context)
        let swap = try library { () throws(GutPlanError) in
            try gutplan.swap(planJSON: text, path: request.planPath, day: request.day, slot: request.slot)
        }
        guard let pick = request.pick else {
            try context.writeOutput(TerminalText.safe(swap.text(count: request.count)))
            return
        }
        let plan = try library { () throws(GutPlanError) in try gutplan.swapped(swap, pick: pick) }
        try target.write(plan.json(), context: context, shownAs: outputPath)
        if case .file = target {
            let chosen = swap.alternatives[pick - 1]
            context.writeError(TerminalText.safe("gutplan: swapped day \(request.day) \(request.slot.rawValue) to "
                + "\(chosen.id) and wrote the plan to \(outputPath.clipped(to: 200, keepEnd: true))\n"))
        }
    }

    /// Most bytes a plan file may have (a week's JSON is well under 1 MB).
    static let largestPlan = 64 << 20

    /// The plan file's text: a missing, unreadable or non-regular file exits 66 with the reason
    /// (a FIFO is refused rather than waited on); text that is not UTF-8 is bad data (65).
    static func readPlan(_ path: String) throws(CLIError) -> String {
        let file = try InputFile(path, what: "plan file", allowFIFO: false)
        defer { _ = close(file.descriptor) }
        let shown = file.shown
        let descriptor = file.descriptor
        guard file.size <= largestPlan else {
            throw .library(.badData([Diagnostic(.error, "\(shown): the file is too large to be a plan", at: nil)]))
        }
        let data: Data
        do { data = try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readToEnd() ?? Data() } catch {
            throw .cannotRead("cannot read plan file \(shown): \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .library(.badData([Diagnostic(.error, "\(shown): the file is not UTF-8 text", at: nil)]))
        }
        return text
    }
}
