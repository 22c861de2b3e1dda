/// Upper bound by Lagrangian relaxation of the weekly constraints, with the multipliers found by
/// column generation (Dantzig–Wolfe).
///
/// The relaxation keeps every daily constraint (slots, energy, limit rows) and drops what makes
/// days differ: the no-consecutive rule (its effect is kept in `cap = min(max, most allowed days
/// with no two adjacent)`), the allowed days (an item may be used on any day) and the locks.
/// Each drop only enlarges the feasible set, so the bound stays valid. All days are then alike,
/// and for any `λ ≥ 0` (item caps) and `μ ≥ 0` (weekly food caps `Σ_d Σ_i a[c,i] x[i,d] ≤ W_c`)
/// the optimum is at most
/// `bound(λ, μ) = max_day [f(day) − Σ_{i∈day} (λ_i + Σ_c μ_c a[c,i])] + Σ_i λ_i cap_i / D + Σ_c μ_c W_c / D`,
/// with the day maximum solved exactly by the day search (or replaced by its own upper bound
/// when cut short). The best multipliers are the dual prices of the master LP "choose a mix of
/// day patterns, each item used on at most `cap_i / D` of the days and each capped food at most
/// `W_c / D` per day on average", whose columns the same day search prices (each round adds
/// every day the search met that prices out, not only the best one). The loop stops when
/// no pattern prices out (the bound then equals the master optimum), when the bound meets the
/// target, or after `iterations` rounds; every round's bound is valid, the least is kept.
struct LagrangianBound {
    let model: PlannerModel
    let solver: DaySolver
    let budget: Int
    var iterations: Int

    struct Outcome {
        var bound: Double
        /// Per-item penalties of the best bound (`λ_i + Σ_c μ_c a[c,i]`), to guide the primal search.
        var multipliers: [Double]
        /// Day patterns the master LP used, largest share first, as guidance for the primal search.
        var patterns: [[Int]]
        /// The master's share of the days for each of `patterns` (they sum to at most 1).
        var shares: [Double] = []
        /// Every day pattern generated.
        var generated: [[Int]] = []
        /// True when column generation converged with the master unable to fill every day:
        /// not even a fractional mix of feasible days respects the weekly caps, so no plan exists.
        var provenInfeasible = false
    }

    /// `seeds` are feasible days to start the master with (the best plan's days). `capacity`
    /// (uses left per item), `weeklyRoom` (food-cap amounts left) and `days` (days left) restrict
    /// it to the rest of a partly fixed week; by default the whole week is open.
    func run(target: Double, seeds: [[Int]], capacity: [Int]? = nil, weeklyRoom: [Double]? = nil, days: Int? = nil) -> Outcome {
        let caps = capacity ?? model.cap
        let room = weeklyRoom ?? model.weekly
        let D = Double(days ?? model.days)
        let itemCount = model.itemCount
        let U = model.limitCount
        var patterns: [[Int]] = []
        for day in seeds where !day.isEmpty && !patterns.contains(day) && day.allSatisfy({ caps[$0] > 0 }) {
            patterns.append(day)
        }
        var best = Double.infinity
        var bestPenalty = [Double](repeating: 0, count: itemCount)
        var lambda = bestPenalty
        var muCap = [Double](repeating: 0, count: room.count)
        var mu = Double.infinity
        var used: [[Int]] = []
        var shares: [Double] = []
        var fill = 0.0
        var converged = false
        let blocked = caps.map { $0 <= 0 }
        if !patterns.isEmpty, let master = solveMaster(patterns, caps: caps, room: room, days: D) {
            (lambda, muCap, mu, used, shares, fill) = master
        }
        for _ in 0..<iterations {
            var penalty = lambda
            var constant = 0.0
            for i in 0..<itemCount where lambda[i] > 0 { constant += lambda[i] * Double(caps[i]) / D }
            for c in muCap.indices where muCap[c] > 0 {
                constant += muCap[c] * room[c] / D
                let u = model.capRow[c]
                for i in 0..<itemCount { penalty[i] += muCap[c] * model.limited[i * U + u] }
            }
            // The pattern with the best reduced value so far starts the pricing search: the
            // branch and bound then prunes against it from the first node (same optimum).
            var warm: [Int]?
            var warmValue = -Double.infinity
            for pattern in patterns {
                var value = model.dayScore(pattern)
                for i in pattern { value -= penalty[i] }
                if value > warmValue { warmValue = value; warm = pattern }
            }
            // Every day the search meets that prices out (worth more than `mu − 1`) becomes a
            // column, not only the best: the master converges in fewer rounds.
            let price = solver.solve(DayQuery(penalty: penalty, blocked: blocked, budget: budget, warmStart: warm,
                                              collectAbove: mu.isFinite ? mu - 1 + 1e-6 : nil))
            guard let items = price.items else {
                if price.complete && best == .infinity { return Outcome(bound: -.infinity, multipliers: penalty, patterns: []) }
                break
            }
            // Every day holds some pattern, so no max with 0 is needed here.
            let value = price.upperBound + constant
            if value < best {
                best = value
                bestPenalty = penalty
            }
            if best - target <= 1e-9 && fill >= 1 - 1e-9 { break }
            // No pattern prices out (each pattern is worth its score + 1 in the master): the
            // master optimum is reached.
            if price.complete && mu.isFinite && price.value + 1 - mu <= 1e-9 {
                converged = true
                break
            }
            if patterns.contains(items) { break }
            for column in price.improving where !patterns.contains(column) { patterns.append(column) }
            if !patterns.contains(items) { patterns.append(items) }
            guard let master = solveMaster(patterns, caps: caps, room: room, days: D) else { break }
            (lambda, muCap, mu, used, shares, fill) = master
        }
        return Outcome(bound: best, multipliers: bestPenalty, patterns: used, shares: shares, generated: patterns,
                       provenInfeasible: converged && fill < 1 - 1e-7)
    }

    /// The master LP over the patterns so far: its item prices, food-cap prices, convexity price,
    /// the patterns it uses (largest share first) and the share of days it fills. Each pattern is
    /// worth its day score + 1, so the master fills every day whenever the caps allow it.
    private func solveMaster(_ patterns: [[Int]], caps: [Int], room: [Double], days D: Double)
        -> (lambda: [Double], muCap: [Double], mu: Double, used: [[Int]], shares: [Double], fill: Double)? {
        var rowOf: [Int: Int] = [:]
        var items: [Int] = []
        for pattern in patterns {
            for i in pattern where rowOf[i] == nil {
                rowOf[i] = items.count
                items.append(i)
            }
        }
        let capRows = room.indices.filter { room[$0].isFinite }
        let rows = items.count + capRows.count + 1
        let columns = patterns.count
        var matrix = [Double](repeating: 0, count: rows * columns)
        for (c, pattern) in patterns.enumerated() {
            for i in pattern { if let r = rowOf[i] { matrix[r * columns + c] += 1 } }
            for (k, capIndex) in capRows.enumerated() {
                matrix[(items.count + k) * columns + c] = model.capUse(capIndex, pattern)
            }
            matrix[(rows - 1) * columns + c] = 1
        }
        let rhs = items.map { Double(caps[$0]) / D } + capRows.map { max(0, room[$0]) / D } + [1]
        let lp = MasterLP(matrix: matrix, rows: rows, columns: columns, rhs: rhs,
                          objective: patterns.map { model.dayScore($0) + 1 })
        guard let solution = lp.solve() else { return nil }
        var lambda = [Double](repeating: 0, count: model.itemCount)
        for (r, i) in items.enumerated() { lambda[i] = solution.duals[r] }
        var muCap = [Double](repeating: 0, count: room.count)
        for (k, capIndex) in capRows.enumerated() { muCap[capIndex] = solution.duals[items.count + k] }
        let usedIndices = patterns.indices.filter { solution.primal[$0] > 1e-9 }
            .sorted { solution.primal[$0] != solution.primal[$1] ? solution.primal[$0] > solution.primal[$1] : $0 < $1 }
        return (lambda, muCap, solution.duals[rows - 1], usedIndices.map { patterns[$0] }, usedIndices.map { solution.primal[$0] },
                solution.primal.reduce(0, +))
    }
}
