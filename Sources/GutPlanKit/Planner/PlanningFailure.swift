/// Why the planner could not produce a plan: the message names the constraint and where it bites.
public struct PlanningFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
