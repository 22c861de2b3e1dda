import Foundation
import GutPlanKit

/// The seam between the executable and the library facade: locate and check the rules, load them
/// once, check the named inputs, complete the request, and call `GutPlan`.
enum Backend {
    /// The rule directory to use, and where it came from.
    static func rulesChoice(_ explicit: String?, context: CommandContext) -> RulesLocator.Choice {
        RulesLocator.locate(explicit: explicit, environment: context.environment)
    }

    /// Loads the rules: a directory that is missing, a file or unreadable exits 66 with the
    /// reason; invalid rules exit 65. Only `rules check` prints the warnings (`warnings: true`);
    /// the other commands skip the checks that can only warn.
    static func load(_ rulesPath: String?, context: CommandContext, warnings: Bool = false) throws(CLIError) -> GutPlan {
        let choice = rulesChoice(rulesPath, context: context)
        try RulesLocator.check(choice)
        return try library { () throws(GutPlanError) in try GutPlan.load(rules: choice.path, warnings: warnings) }
    }

    /// A lab report must be a readable regular file or a FIFO (a process substitution, `<(...)`,
    /// read as it comes), checked before any work and before any question: exit 66 with the
    /// reason otherwise.
    static func checkLabs(_ labs: ProfileInput.LabReport?) throws(CLIError) {
        guard case .file(let path) = labs, path != "-" else { return }
        let file = try InputFile(path, what: "lab file", allowFIFO: true)
        _ = close(file.descriptor)
    }

    /// Loads the rules, then completes the request: asks the questions with `--interactive`, or
    /// when nothing is flagged and a person is at the terminal; with nothing flagged and nobody to
    /// ask, a usage error that says how to flag something.
    static func prepare(_ request: PlanRequest, interactive: Bool, command: String,
                        context: CommandContext) throws(CLIError) -> (GutPlan, PlanRequest) {
        let gutplan = try load(request.rulesPath, context: context)
        var request = request
        if case .file("-")? = request.input.labs {
            guard !interactive else { throw .usage("--labs - reads standard input, which --interactive needs for its answers") }
            request.input.labs = .data(try readStandardInput(), name: "<stdin>")
        }
        if let path = request.profilePath {
            let client = try library { () throws(GutPlanError) in try gutplan.readProfile(at: path) }
            request = request.merged(over: client)
        }
        if interactive || (request.input.isEmpty && context.stdinIsTerminal) {
            return (gutplan, try Interactive.ask(starting: request, gutplan: gutplan, context: context))
        }
        guard !request.input.isEmpty || !request.inlineLabs.isEmpty else { throw CLIError.usage(nothingFlagged(command)) }
        return (gutplan, request)
    }

    /// The most a lab report on standard input may hold.
    static let standardInputLimit = 64 << 20

    /// All of standard input, in bounded memory (`--labs -`).
    static func readStandardInput() throws(CLIError) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .cannotRead("cannot read the lab report from standard input: \(POSIX.reason(errno))")
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
            if data.count > standardInputLimit {
                throw .usage("the lab report on standard input is larger than \(standardInputLimit >> 20) MB")
            }
        }
    }

    static func nothingFlagged(_ command: String) -> String {
        """
        nothing is flagged, so there is nothing to plan for. Flag at least one of:
          --confirmed LIST   lab-confirmed deficiencies, e.g. --confirmed "vitamin D,zinc"
          --suspected LIST   suspected deficiencies, e.g. --suspected b12
          --labs FILE        a lab report (CSV: test,value,unit)
          --symptoms LIST    symptoms, e.g. --symptoms fatigue,brain-fog
        or run 'gutplan \(command) --interactive' to be asked. Example:
          gutplan \(command) --confirmed "vitamin D,zinc" --suspected b12
        """
    }

    /// Plans for the request; `beforeSolving` receives the optimisation problem first (for
    /// `--emit-problem`, written even when no plan is possible). A failure of `beforeSolving` is
    /// reported in preference to what planning then found.
    /// Where lab-report warnings go (standard error in the real process).
    nonisolated(unsafe) static var reportWarning: (String) -> Void = { text in
        FileHandle.standardError.write(Data((TerminalText.safe(text.clipped(to: 2000)) + "\n").utf8))
    }

    static func outcome(_ gutplan: GutPlan, _ request: PlanRequest,
                        beforeSolving: (PlanningProblem) throws(CLIError) -> Void = { _ in }) throws(CLIError) -> GutPlan.Outcome {
        var writeFailure: CLIError?
        var labWarnings: [String] = []
        defer { for line in labWarnings { reportWarning(line) } }
        let result: Result<GutPlan.Outcome, GutPlanError>
        do throws(GutPlanError) {
            var warnings: [Diagnostic] = []
            var profile = try gutplan.resolve(request.input, warnings: &warnings)
            for warning in warnings.prefix(50) { labWarnings.append(warning.rendered) }
            profile.labs += request.inlineLabs
            var options = request.options
            options.seed = request.seed ?? options.seed
            result = .success(try gutplan.plan(profile, options: options) { (problem: PlanningProblem) throws(GutPlanError) in
                do throws(CLIError) { try beforeSolving(problem) } catch { writeFailure = error }
            })
        } catch {
            result = .failure(error)
        }
        if let writeFailure { throw writeFailure }
        switch result {
        case .success(let outcome): return outcome
        case .failure(let error): throw .library(error)
        }
    }

    /// The chain behind every flag and choice, as `gutplan explain` prints it.
    static func explain(_ gutplan: GutPlan, _ request: PlanRequest, width: Int) throws(CLIError) -> String {
        let outcome = try outcome(gutplan, request)
        return gutplan.explanation(of: outcome).text(width: width)
    }

    /// Loads and checks a rule directory. Errors throw `.badData` with every problem found;
    /// on success the summary lists the counts, then any warnings.
    static func checkRules(at path: String?, context: CommandContext) throws(CLIError) -> String {
        let directory = rulesChoice(path, context: context).path
        let gutplan = try load(path, context: context, warnings: true)
        let warnings = gutplan.warnings
        var lines = warnings.map(\.rendered)
        lines.append("\(directory): ok — \(gutplan.contentsSummary)"
            + (warnings.isEmpty ? "" : ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"))
        return lines.joined(separator: "\n")
    }
}
