/// One rule firing, in the order the engine fired them.
public struct Firing: Sendable, Equatable {
    public var rule: String
    public var summary: String
    /// The facts the rule's condition matched (a `not` contributes none).
    public var because: [Fact]
    /// The rule's actions with references resolved to ids.
    public var actions: [Action]

    public init(rule: String, summary: String, because: [Fact], actions: [Action]) {
        self.rule = rule
        self.summary = summary
        self.because = because
        self.actions = actions
    }
}
