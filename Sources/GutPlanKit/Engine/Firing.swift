/// One rule firing, in the order the engine fired them.
struct Firing: Sendable, Equatable {
    var rule: String
    var summary: String
    /// The facts the rule's condition matched (a `not` contributes none).
    var because: [Fact]
    /// The rule's actions with references resolved to ids.
    var actions: [Action]

    init(rule: String, summary: String, because: [Fact], actions: [Action]) {
        self.rule = rule
        self.summary = summary
        self.because = because
        self.actions = actions
    }
}
