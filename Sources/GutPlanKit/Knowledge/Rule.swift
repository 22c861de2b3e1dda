/// One named rule: when its condition holds, its actions fire (once per evaluation).
public struct Rule: Sendable, Equatable {
    public var name: String
    /// Why the rule exists, in words a person reads in `gutplan explain`.
    public var summary: String
    /// Higher fires first; equal priorities fire in file order.
    public var priority: Int
    public var condition: Condition
    public var actions: [Action]
    /// Where the rule's `rule` keyword stands.
    public var location: SourceLocation

    public init(name: String, summary: String, priority: Int, condition: Condition, actions: [Action],
                location: SourceLocation) {
        self.name = name
        self.summary = summary
        self.priority = priority
        self.condition = condition
        self.actions = actions
        self.location = location
    }
}
