/// The planner's answer to a `PlanningProblem`.
public struct PlanSolution: Sendable, Equatable {
    /// `days[d][s]` is the index into `problem.items` of the item in slot `problem.slots[s]` on day `d`.
    public var days: [[Int]]
    /// The objective value of `days`.
    public var score: Double
    /// A proven upper bound on the objective of any feasible plan (`score <= upperBound`).
    public var upperBound: Double

    public init(days: [[Int]], score: Double, upperBound: Double) {
        self.days = days
        self.score = score
        self.upperBound = upperBound
    }

    /// `upperBound - score`, the most the plan can be short of the optimum.
    public var gap: Double { upperBound - score }
}
