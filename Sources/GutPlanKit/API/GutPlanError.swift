/// Every failure gutplan reports to a person, each with its exit code.
/// Internal errors never reach the user as-is: they are mapped to one of these.
public enum GutPlanError: Error, Sendable, Equatable {
    /// Wrong command-line usage (exit 64).
    case usage(String)
    /// Bad data in a rule directory, lab report or answer, with every problem found (exit 65).
    case badData([Diagnostic])
    /// A named input file or folder does not exist or cannot be read (exit 66).
    case missingInput(String)
    /// An output file cannot be written (exit 73).
    case cannotWrite(String)
    /// The constraints leave no plan; the message says which constraint and where (exit 1).
    case noPlan(String)

    /// The process exit code for this error.
    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .badData: return 65
        case .missingInput: return 66
        case .cannotWrite: return 73
        case .noPlan: return 1
        }
    }

    /// The message printed on standard error (without the `gutplan: ` prefix).
    public var message: String {
        switch self {
        case .usage(let text), .missingInput(let text), .cannotWrite(let text), .noPlan(let text):
            return text
        case .badData(let diagnostics):
            return diagnostics.map(\.rendered).joined(separator: "\n")
        }
    }
}
