/// What became of one profile in a batch.
public struct BatchResult: Sendable, Equatable {
    /// How bad an outcome is; a batch's exit status is its worst result's.
    /// Front ends map these to exit codes (0, 1, 65, 66, 73, 70 in `gutplan`).
    public enum Severity: Int, Sendable, Comparable, CaseIterable {
        case ok = 0
        /// The constraints leave no plan.
        case noPlan
        /// A bad profile or lab report.
        case badData
        /// A profile or lab report that cannot be read.
        case missingInput
        /// An output or the manifest cannot be written.
        case cannotWrite
        /// gutplan itself failed (a renderer threw).
        case internalFailure

        public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
    }

    public enum Status: Sendable, Equatable {
        /// Planned and every output written.
        case planned
        /// Inputs unchanged since the outputs were written: skipped.
        case unchanged
        /// The profile (or its lab report) has errors, all of them here; skipped.
        case invalid([Diagnostic])
        case missingInput(String)
        case noPlan(String)
        case cannotWrite(String)
        case failed(String)

        public var severity: Severity {
            switch self {
            case .planned, .unchanged: return .ok
            case .invalid: return .badData
            case .missingInput: return .missingInput
            case .noPlan: return .noPlan
            case .cannotWrite: return .cannotWrite
            case .failed: return .internalFailure
            }
        }

        /// The problem in a person's words (diagnostics one per line with carets); empty when ok.
        public var message: String {
            switch self {
            case .planned, .unchanged: return ""
            case .invalid(let diagnostics): return diagnostics.map(\.rendered).joined(separator: "\n")
            case .missingInput(let text), .noPlan(let text), .cannotWrite(let text), .failed(let text): return text
            }
        }
    }

    /// The profile file as given.
    public var path: String
    /// The output name: the profile's file name without `.profile` (`ana` for `clients/ana.profile`).
    public var name: String
    public var status: Status
    /// Paths of the files written (or, when unchanged, already there), in format order.
    public var outputs: [String]
}
