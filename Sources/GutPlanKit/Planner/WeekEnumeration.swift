/// Exact week search for small problems: every feasible day is listed, then days are filled in
/// order by depth-first branch and bound (bound: the days still open can each score at most the
/// best day). Also the fallback that finds a feasible week when the greedy construction cannot.
struct WeekEnumeration {
    let model: PlannerModel
    /// Most feasible days to list; above it the enumeration is not attempted.
    var patternLimit = 4000
    /// Nodes before the search stops with the best week found so far.
    var nodeBudget = 3_000_000

    /// All feasible days (problem slot order), best day score first; `nil` when too many.
    func patterns() -> [[Int]]? {
        var product = 1
        for list in model.candidates {
            product *= max(1, list.count)
            if product > patternLimit * 50 { return nil }
        }
        var result: [[Int]] = []
        var partial: [Int] = []
        let eps = PlanningProblem.feasibilityEpsilon
        func build(_ s: Int) {
            if s == model.candidates.count {
                var kcal = 0.0
                for i in partial { kcal += model.kcal[i] }
                if kcal < model.energyLow - eps || kcal > model.energyHigh + eps { return }
                for u in 0..<model.limitCount {
                    var total = 0.0
                    for i in partial { total += model.limited[i * model.limitCount + u] }
                    if total > model.limits[u] + eps { return }
                }
                result.append(partial)
                return
            }
            for i in model.candidates[s] where !partial.contains(i) {
                partial.append(i)
                build(s + 1)
                partial.removeLast()
            }
        }
        build(0)
        if result.count > patternLimit { return nil }
        let values = result.map { model.dayScore($0) }
        let order = result.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
        return order.map { result[$0] }
    }

    /// The best week over `patterns` (by total day score, then preference), or nil if none.
    func search(patterns: [[Int]], incumbent: WeekKey?) -> WeekState? {
        let D = model.days
        let values = patterns.map { model.dayScore($0) }
        let prefs = patterns.map { $0.reduce(0.0) { $0 + model.preference[$1] } }
        let top = values.first ?? 0
        var counts = [Int](repeating: 0, count: model.itemCount)
        var chosen = [Int](repeating: -1, count: D)
        var bestScore = (incumbent?.score ?? -.infinity)
        var bestPref = incumbent?.preference ?? -.infinity
        var best: [Int]?
        var nodes = 0
        func go(_ d: Int, _ score: Double, _ pref: Double) {
            if d == D {
                if score > bestScore + 1e-9 || (score > bestScore - 1e-9 && pref > bestPref + 1e-9) {
                    bestScore = score; bestPref = pref; best = chosen
                }
                return
            }
            for (p, pattern) in patterns.enumerated() {
                nodes += 1
                if nodes > nodeBudget { return }
                if score + values[p] + Double(D - d - 1) * top < bestScore - 1e-9 { break }
                var ok = true
                for i in pattern where counts[i] >= model.cap[i] { ok = false; break }
                if ok, d > 0 {
                    let yesterday = patterns[chosen[d - 1]]
                    for i in pattern where model.noConsecutive[i] && yesterday.contains(i) { ok = false; break }
                }
                if !ok { continue }
                for i in pattern { counts[i] += 1 }
                chosen[d] = p
                go(d + 1, score + values[p], pref + prefs[p])
                for i in pattern { counts[i] -= 1 }
                chosen[d] = -1
            }
        }
        go(0, 0, 0)
        guard let best else { return nil }
        var state = WeekState(days: best.map { patterns[$0] }, counts: Array(repeating: 0, count: model.itemCount))
        for day in state.days { for i in day { state.counts[i] += 1 } }
        return state
    }
}
