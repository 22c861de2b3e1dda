import GutPlanKit

/// How errors reach the person: `gutplan: error: message` on standard error and the error's exit
/// code (64 usage, 65 bad data, 66 missing input, 73 cannot write, 1 no plan). Never a stack trace.
enum ExitCodes {
    static let success: Int32 = 0

    /// Prints `error` and returns its exit code.
    static func report(_ error: GutPlanError, command: String?, context: CommandContext) -> Int32 {
        switch error {
        case .badData(let diagnostics):
            for diagnostic in diagnostics { context.writeError(diagnostic.rendered + "\n") }
            let errors = diagnostics.filter { $0.severity == .error }.count
            context.writeError("gutplan: error: found \(errors) problem\(errors == 1 ? "" : "s")\n")
        case .usage(let message):
            context.writeError("gutplan: error: \(message)\n")
            let helpCommand = command.map { "gutplan \($0) --help" } ?? "gutplan --help"
            context.writeError("Run '\(helpCommand)' for usage.\n")
        default:
            context.writeError("gutplan: error: \(error.message)\n")
        }
        return error.exitCode
    }
}
