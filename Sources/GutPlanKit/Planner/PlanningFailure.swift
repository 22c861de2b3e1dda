/// Why the planner could not produce a plan.
///
/// `kind` tells the two apart: `.noPlan` means the constraints leave no week (the message names
/// the constraint and where it bites; a person can act on it), `.internalError` means the planner
/// itself went wrong (a plan it built broke a constraint, or its bound fell below a plan's
/// score): a bug to report, never the person's fault.
public struct PlanningFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// No plan satisfies the constraints.
        case noPlan
        /// The planner failed to produce a valid answer (a bug).
        case internalError
    }

    public var kind: Kind
    public var message: String

    init(_ message: String, kind: Kind = .noPlan) {
        self.kind = kind
        self.message = message
    }

    /// An internal failure: the planner's own result did not check out.
    static func internalError(_ message: String) -> PlanningFailure {
        PlanningFailure("internal planner error: \(message)", kind: .internalError)
    }

    public var isInternal: Bool { kind == .internalError }

    public var description: String { message }
}
