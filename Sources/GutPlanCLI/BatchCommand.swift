import Foundation
import GutPlanKit

/// `gutplan batch DIR|FILES... --out DIR`: plans every client profile in parallel, writes each
/// one's outputs named after it, skips profiles whose inputs have not changed, and exits with
/// the worst status of them all.
enum BatchCommand: Subcommand {
    static let name = "batch"
    static let summary = "Plan many client profiles at once, in parallel, into a folder."
    static let options: [OptionSpec] = [
        OptionSpec("out", value: "DIR", help: "The folder to write into (required; created if missing)."),
        OptionSpec("format", short: "f", value: "LIST", help: "Comma-separated: json, csv, markdown, html, ics (default json). ics needs a start date in the profile."),
        OptionSpec("force", help: "Plan every profile again, even when its inputs have not changed."),
        OptionSpec("rules", value: "DIR", help: "Rule directory to use instead of the built-in Rules/."),
    ]
    static let discussion = """
    Each argument is a *.profile file or a folder of them (see docs/PROFILES.md).
    Profiles are planned in parallel on all cores; one bad profile is reported
    and skipped, the others still run. Outputs are named after the profile
    (ana.profile -> ana.json, ana.html, ...), written atomically, new files 0600.
    A re-run skips profiles whose profile, lab report, rules and formats have
    not changed (--force plans them again). The exit code is the worst of them:
    0 all planned, 1 a profile had no plan, 65 bad data, 66 missing input,
    73 cannot write, 70 internal error.

    Examples:
      gutplan batch clients/ --out plans/ --format html,json
      gutplan batch ana.profile ben.profile --out plans/ --force
    """

    static var entry: HelpCommand.Entry { positionalEntry(usage: "Usage: gutplan batch DIR|FILES... --out DIR [options]") }

    /// The formats named by `--format`. With `gutplan`, the HTML report explains each flag as
    /// `plan --format html` does; the profile's name and notes go on it either way.
    static func formats(_ text: String, gutplan: GutPlan? = nil) throws(CLIError) -> [BatchPlanner.Format] {
        var formats: [BatchPlanner.Format] = []
        let names: [String]
        do { names = try Validate.list(text) } catch { throw .usage("--format: \(error.message)") }
        for name in names {
            switch name.lowercased() {
            case "json": formats.append(.json)
            case "csv": formats.append(.csv)
            case "markdown", "md": formats.append(.markdown)
            case "html":
                formats.append(BatchPlanner.Format(name: "html", fileExtension: "html") { outcome, client in
                    let name = client.name.isEmpty ? nil : client.name
                    var details = gutplan.map { $0.explanation(of: outcome).reportDetails(client: name) }
                        ?? ReportDetails(client: name)
                    details.notes = client.notes
                    return outcome.plan.html(details: details)
                })
            case "ics":
                formats.append(BatchPlanner.Format(name: "ics", fileExtension: "ics") { outcome, client in
                    try outcome.plan.ics(mealTimes: client.options.mealTimes)
                })
            default:
                throw .usage("unknown format '\(name.clipped(to: 40))'\(Suggestion.didYouMean(name.lowercased(), among: ["json", "csv", "markdown", "html", "ics"])); choose json, csv, markdown, html or ics")
            }
        }
        return formats.isEmpty ? [.json] : formats
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) {
        guard !arguments.positionals.isEmpty else { throw .usage("give at least one *.profile file or folder") }
        guard let out = arguments.value("out"), !out.isEmpty else { throw .usage("--out DIR is required") }
        _ = try formats(arguments.value("format") ?? "json")
        let gutplan = try Backend.load(arguments.value("rules"), context: context)
        let formats = try formats(arguments.value("format") ?? "json", gutplan: gutplan)
        let paths: [String]
        do { paths = try BatchPlanner.profilePaths(arguments.positionals) } catch { throw .library(error) }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotWrite("cannot create the folder \(out.clipped(to: 200)): \(error.localizedDescription)")
        }
        let planner = BatchPlanner(gutPlan: gutplan, rulesDirectory: Backend.rulesChoice(arguments.value("rules"), context: context).path,
                                   version: GutPlanCommand.version, formats: formats, outputFolder: out,
                                   force: arguments.has("force"))
        let terminal = Terminal.isTerminal(2)
        // The batch calls `progress` for one profile at a time, so the writer is never shared.
        let writer = ProgressWriter(write: context.writeError)
        let summary = planner.run(paths) { progress in
            let result = progress.result
            let problem = result.status.severity == .ok ? "" : ": " + result.status.message
            let line = "[\(progress.completed)/\(progress.total)] \(result.name) \(result.status.severity == .ok ? "ok" : "failed")\(problem)"
            if terminal {
                let width = 30
                let filled = progress.total == 0 ? width : width * progress.completed / progress.total
                let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                if result.status.severity != .ok { writer.write("\r" + TerminalText.safe(line.clipped(to: 400)) + "\n") }
                writer.write("\r[\(bar)] \(progress.completed)/\(progress.total)" + (progress.completed == progress.total ? "\n" : ""))
            } else {
                writer.write(TerminalText.safe(line.clipped(to: 400)) + "\n")
            }
        }
        context.writeError("gutplan: batch: \(summary.line)\n")
        switch summary.worst {
        case .ok: return
        case .noPlan: throw .exit(1)
        case .badData: throw .exit(65)
        case .missingInput: throw .exit(66)
        case .cannotWrite: throw .exit(73)
        case .internalFailure: throw .exit(70)
        }
    }
}

/// Standard error for the batch's progress callback, which the batch never calls concurrently.
final class ProgressWriter: @unchecked Sendable {
    let write: (String) -> Void
    init(write: @escaping (String) -> Void) { self.write = write }
}
