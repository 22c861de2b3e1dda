/// One named rule: when its condition holds, its actions fire (once per evaluation).
struct Rule: Sendable, Equatable {
    var name: String
    /// Why the rule exists, in words a person reads in `gutplan explain`.
    var summary: String
    /// Higher fires first; equal priorities fire in file order.
    var priority: Int
    var condition: Condition
    var actions: [Action]
    /// Where the rule's `rule` keyword stands.
    var location: SourceLocation

    init(name: String, summary: String, priority: Int, condition: Condition, actions: [Action],
                location: SourceLocation) {
        self.name = name
        self.summary = summary
        self.priority = priority
        self.condition = condition
        self.actions = actions
        self.location = location
    }
}
