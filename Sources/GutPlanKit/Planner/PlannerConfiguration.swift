/// The planner's work budgets. Every one is a count (candidate evaluations, rounds, nodes),
/// never a time, so the same problem, seed and configuration always give the same plan.
/// The defaults plan the shipped rules in a few milliseconds and synthetic catalogues of
/// thousands of meals in seconds.
struct PlannerConfiguration: Sendable {
    /// Candidate evaluations allowed in one day solve of the primal search.
    var primalBudget = 2_000_000
    /// Candidate evaluations allowed in one day solve of the bound (pricing).
    var boundBudget = 600_000
    /// Candidate evaluations for the first, unpenalised day solve: its optimum bounds the score
    /// on its own (no day scores more), so it may search longer (large catalogues need millions).
    var relaxedBudget = 20_000_000
    /// Column-generation rounds of the Lagrangian bound.
    var boundIterations = 300
    /// Local-search rounds on the best week while the score may still rise.
    var localSearchRounds = 12
    /// Local-search rounds for each candidate week before the best one gets the full rounds.
    var candidateRounds = 2
    /// Slots with more candidates than this are searched over a pool of the most useful ones.
    var poolSize = 64
    /// Total day-search work (candidate evaluations) after which the score's local search stops:
    /// it keeps large catalogues within seconds; small ones finish long before it.
    var workLimit = 40_000_000
    /// Column-generation rounds of each step of the dive on the bound's master (it starts from
    /// every pattern seen; on the sweep of 100 profiles 20 gives the same plans as 300).
    var diveIterations = 20
    /// Nodes of the search that assembles a week from the bound's day patterns.
    var patternBudget = 200_000
    /// Catalogues up to this many items get the dive on the bound's master (`PatternDive`).
    var smallCatalogue = 400
    /// Rounds of the tie-break stage (plants, preferred days, distinct meals).
    var tieBreakRounds = 4
    /// Candidate evaluations per day solve in the tie-break stage.
    var tieBreakBudget = 40_000
    /// Total day-search work after which the tie-break stage stops (counted from its start).
    var tieBreakWork = 4_000_000
    /// Nodes of the exact tie-break enumeration on small problems (few feasible days).
    var tieBreakNodes = 300_000
}
