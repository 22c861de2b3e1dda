import GutPlanKit

/// How failures reach the person: `gutplan: error: message` on standard error and an exit code
/// from `sysexits.h` (64 usage, 65 bad data, 66 cannot read input, 70 internal error, 73 cannot
/// write, 74 I/O error), 1 when no plan is possible, 141 (quietly) when the reader of standard
/// output went away. Never a stack trace; messages are clipped and made printable, and at most
/// `diagnosticLimit` problems are listed.
enum ExitCodes {
    static let success: Int32 = 0
    static let noPlan: Int32 = 1
    static let usage: Int32 = 64
    static let badData: Int32 = 65
    static let cannotRead: Int32 = 66
    static let software: Int32 = 70
    static let cannotWrite: Int32 = 73
    static let ioError: Int32 = 74
    /// 128 + SIGPIPE: what a shell shows for a filter stopped by a closed pipe, reached here by a
    /// normal exit (no signal, no message).
    static let brokenPipe: Int32 = 141

    /// Most problems listed for one failure; the rest are counted.
    static let diagnosticLimit = 50
    /// Longest message printed, in Unicode scalars (a 130 KB argument is never echoed whole).
    static let messageLimit = 2_000

    /// The exit code for `error`.
    static func code(for error: CLIError) -> Int32 {
        switch error {
        case .usage: return usage
        case .cannotRead: return cannotRead
        case .cannotWrite: return cannotWrite
        case .ioError: return ioError
        case .brokenPipe: return brokenPipe
        case .exit(let code): return code
        case .library(let error):
            switch error {
            case .invalidRequest: return usage
            case .badData: return badData
            case .missingInput: return cannotRead
            case .noPlan: return noPlan
            case .internalFailure: return software
            }
        }
    }

    /// Prints `error` on standard error and returns its exit code.
    static func report(_ error: CLIError, command: String?, context: CommandContext) -> Int32 {
        func line(_ text: String) { context.writeError(TerminalText.safe(text.clipped(to: messageLimit, keepEnd: true)) + "\n") }
        switch error {
        case .brokenPipe, .exit:
            break
        case .library(.badData(let diagnostics)):
            for diagnostic in diagnostics.prefix(diagnosticLimit) { line(diagnostic.rendered) }
            if diagnostics.count > diagnosticLimit {
                line("gutplan: \(diagnostics.count - diagnosticLimit) more problems not shown")
            }
            let errors = diagnostics.filter { $0.severity == .error }.count
            line("gutplan: error: found \(errors) problem\(errors == 1 ? "" : "s")")
        case .usage, .library(.invalidRequest):
            line("gutplan: error: \(error.message)")
            let helpCommand = command.map { "gutplan \($0) --help" } ?? "gutplan --help"
            line("Run '\(helpCommand)' for usage.")
        case .library(.internalFailure(let message)):
            line("gutplan: internal error: \(message)")
            line("This is a bug in gutplan, not a problem with your input. Please report it with the command line "
                + "you ran and, if you can, the file written by --emit-problem.")
        default:
            line("gutplan: error: \(error.message)")
        }
        return code(for: error)
    }
}
