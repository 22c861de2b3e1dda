/// Upper bound by Lagrangian relaxation of the weekly caps `Σd x(i,d) ≤ cap(i)` with `λ ≥ 0`,
/// dropping the no-consecutive rule (its effect is kept in `cap = min(max, ⌈D/2⌉)`). All days
/// are then alike, so `bound(λ) = max_day [f(day) − Σ_{i∈day} λ_i] + (1/D) Σ λ_i cap_i`, with the
/// day maximum solved exactly (or replaced by the search's own upper bound when cut short).
/// `λ` follows projected subgradient steps with Polyak step sizes aimed at the best plan's score.
struct LagrangianBound {
    let model: PlannerModel
    let solver: DaySolver
    let budget: Int
    let iterations: Int

    struct Outcome {
        var bound: Double
        /// Multipliers of the best bound, for guiding the primal search.
        var multipliers: [Double]
        /// Day patterns seen, as guidance.
        var patterns: [[Int]]
    }

    func run(target: Double) -> Outcome {
        let D = Double(model.days)
        let itemCount = model.itemCount
        let relevant = (0..<itemCount).filter { model.cap[$0] < model.days }
        var lambda = [Double](repeating: 0, count: itemCount)
        var best = Double.infinity
        var bestLambda = lambda
        var patterns: [[Int]] = []
        var alpha = 1.0
        var sinceImprovement = 0
        let noBlock = [Bool](repeating: false, count: itemCount)
        for _ in 0..<iterations {
            let query = DayQuery(penalty: lambda, blocked: noBlock, novel: nil, tieBreak: false,
                                 budget: budget, warmStart: nil, candidates: nil)
            let result = solver.solve(query)
            guard let items = result.items else {
                if result.complete { return Outcome(bound: -.infinity, multipliers: lambda, patterns: patterns) }
                break
            }
            var value = result.upperBound
            for i in relevant { value += lambda[i] * Double(model.cap[i]) / D }
            if value < best - 1e-12 {
                best = value
                bestLambda = lambda
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= 4 { alpha *= 0.5; sinceImprovement = 0 }
            }
            if patterns.count < 64, !patterns.contains(items) { patterns.append(items) }
            if best - target <= 1e-7 || alpha < 1e-4 { break }
            var inDay = [Bool](repeating: false, count: itemCount)
            for i in items { inDay[i] = true }
            var norm = 0.0
            var gradient = [Double](repeating: 0, count: relevant.count)
            for (k, i) in relevant.enumerated() {
                var g = Double(model.cap[i]) / D - (inDay[i] ? 1 : 0)
                if lambda[i] <= 0 && g > 0 { g = 0 }
                gradient[k] = g
                norm += g * g
            }
            if norm <= 0 { break }
            let step = alpha * max(value - target, 1e-6) / norm
            for (k, i) in relevant.enumerated() { lambda[i] = max(0, lambda[i] - step * gradient[k]) }
        }
        return Outcome(bound: best, multipliers: bestLambda, patterns: patterns)
    }
}
