import GutPlanKit

/// Every failure the command line reports. The front end's own failures (usage, files it
/// cannot read or write, output errors) are cases here; the library's are wrapped unchanged in
/// `.library`, so meaning stays with the library and exit codes and wording stay here
/// (`ExitCodes` maps each case).
enum CLIError: Error, Sendable, Equatable {
    /// Wrong command-line usage or an interactive answer that could not be taken (exit 64).
    case usage(String)
    /// A named input file or folder cannot be read; the message says why (exit 66).
    case cannotRead(String)
    /// An output file cannot be created or replaced; nothing was changed (exit 73).
    case cannotWrite(String)
    /// Writing output failed part-way (a full disk, `/dev/full`, an I/O error) (exit 74).
    case ioError(String)
    /// Standard output was closed by its reader (`gutplan plan | head -1`): stop quietly.
    case brokenPipe
    /// A failure the library reported.
    case library(GutPlanError)
    /// The command already reported what went wrong (a batch summary); exit with this code.
    case exit(Int32)

    /// The message without the `gutplan: error: ` prefix (empty for `.brokenPipe`).
    var message: String {
        switch self {
        case .usage(let text), .cannotRead(let text), .cannotWrite(let text), .ioError(let text): return text
        case .brokenPipe, .exit: return ""
        case .library(let error): return error.message
        }
    }
}

/// Runs a library call, wrapping its failure as `CLIError.library`.
func library<Value>(_ body: () throws(GutPlanError) -> Value) throws(CLIError) -> Value {
    do { return try body() } catch { throw .library(error) }
}
