/// The problem in flat, solver-friendly form: item-major contiguous arrays, targets folded in
/// (`q[i*N+n] = a/t`), weights normalised to sum 1, and each item's effective weekly cap.
struct PlannerModel: Sendable {
    let days: Int
    let slots: [Slot]
    let itemCount: Int
    /// Number of objective nutrients.
    let objectiveCount: Int
    /// Number of upper-limit nutrients.
    let limitCount: Int
    /// Normalised objective weights (sum 1), length `objectiveCount`.
    let weights: [Double]
    /// `amount / target`, item-major, `itemCount * objectiveCount`.
    let coverage: [Double]
    /// Amounts of limited nutrients, item-major, `itemCount * limitCount`.
    let limited: [Double]
    let limits: [Double]
    let kcal: [Double]
    let preference: [Double]
    /// Weekly cap after the no-consecutive-days rule and one use per day: `min(max, D or ⌈D/2⌉)`.
    let cap: [Int]
    let noConsecutive: [Bool]
    /// Candidate item indices per slot (problem slot order), ascending.
    let candidates: [[Int]]
    /// `f({i})`: the item's own day score.
    let standalone: [Double]
    let energyLow: Double
    let energyHigh: Double

    init(_ problem: PlanningProblem) {
        days = problem.days
        slots = problem.slots
        itemCount = problem.items.count
        let objective = problem.objectiveNutrients
        let limitedIndices = problem.limitedNutrients
        objectiveCount = objective.count
        limitCount = limitedIndices.count
        let totalWeight = objective.reduce(0.0) { $0 + problem.nutrients[$1].weight }
        weights = objective.map { problem.nutrients[$0].weight / totalWeight }
        limits = limitedIndices.map { problem.nutrients[$0].upperLimit ?? .infinity }
        var coverage = [Double](repeating: 0, count: itemCount * objective.count)
        var limited = [Double](repeating: 0, count: itemCount * limitedIndices.count)
        var cap = [Int](repeating: 0, count: itemCount)
        var standalone = [Double](repeating: 0, count: itemCount)
        let halfWeek = (problem.days + 1) / 2
        for (i, item) in problem.items.enumerated() {
            for (k, n) in objective.enumerated() {
                let amount = n < item.amounts.count ? item.amounts[n] : 0
                let value = amount / (problem.nutrients[n].target ?? 1)
                coverage[i * objective.count + k] = value.isFinite ? max(0, value) : 0
                standalone[i] += weights[k] * min(1, coverage[i * objective.count + k])
            }
            for (k, n) in limitedIndices.enumerated() {
                let amount = n < item.amounts.count ? item.amounts[n] : 0
                limited[i * limitedIndices.count + k] = amount.isFinite ? amount : .infinity
            }
            cap[i] = max(0, min(item.maxPerWeek, item.noConsecutiveDays ? halfWeek : problem.days))
        }
        self.coverage = coverage
        self.limited = limited
        self.cap = cap
        self.standalone = standalone
        kcal = problem.items.map { $0.kcal.isFinite ? $0.kcal : .infinity }
        preference = problem.items.map { $0.preference.isFinite ? $0.preference : 0 }
        noConsecutive = problem.items.map(\.noConsecutiveDays)
        candidates = problem.slots.map { slot in
            problem.items.indices.filter { problem.items[$0].slots.contains(slot) }
        }
        energyLow = problem.energy.lowerBound
        energyHigh = problem.energy.upperBound
    }

    /// The day score `Σ w · min(1, Σ q)` of a set of items.
    func dayScore(_ items: [Int]) -> Double {
        var total = 0.0
        for k in 0..<objectiveCount {
            var sum = 0.0
            for i in items { sum += coverage[i * objectiveCount + k] }
            total += weights[k] * min(1, sum)
        }
        return total
    }
}
