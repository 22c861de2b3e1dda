/// The planner's answer to a `PlanningProblem`.
public struct PlanSolution: Sendable, Equatable {
    /// `days[d][s]` is the index into `problem.items` of the item in slot `problem.slots[s]` on day `d`.
    public var days: [[Int]]
    /// The objective value of `days` (`problem.score(of: days)`).
    public var score: Double
    /// A proven upper bound on the score of any feasible plan (`score <= upperBound`).
    public var upperBound: Double
    /// `min(plantsCap, distinct plant species of the week)` (`problem.plants(of: days)`).
    public var plants: Int
    /// A proven upper bound on `plants` over every feasible week (whatever its score).
    public var plantsBound: Int
    /// Σ over weighted nutrients of the days with one of its preferred foods.
    public var preferredDays: Int
    /// Distinct items planned in the meal slots.
    public var distinctMeals: Int
    /// The score the tie-break stage measured its tolerance from: the proven upper bound when the
    /// best week found was within `scoreTolerance` of it, otherwise the best score found.
    public var scoreReference: Double
    /// The best score the score stage found, before the tie-break stage may trade up to
    /// `scoreTolerance` of it for plants, preferred days and distinct meals (`score ≤ bestScore`).
    public var bestScore: Double

    public init(days: [[Int]], score: Double, upperBound: Double, plants: Int = 0, plantsBound: Int = 0,
                preferredDays: Int = 0, distinctMeals: Int = 0, scoreReference: Double? = nil, bestScore: Double? = nil) {
        self.days = days
        self.score = score
        self.upperBound = upperBound
        self.plants = plants
        self.plantsBound = plantsBound
        self.preferredDays = preferredDays
        self.distinctMeals = distinctMeals
        self.scoreReference = scoreReference ?? score
        self.bestScore = bestScore ?? score
    }

    /// `upperBound - score`, the most the plan can be short of the optimum.
    public var gap: Double { upperBound - score }
}
