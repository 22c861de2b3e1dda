/// Exact week search for small problems: every feasible day is listed, then days are filled in
/// order by depth-first branch and bound (bound: the days still open can each score at most the
/// best day). Exact on the score when it finishes within `nodeBudget`; also the fallback that
/// finds a feasible week when the greedy construction cannot.
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
            for i in model.candidates[s] where !partial.contains(i) && model.cap[i] > 0 {
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

    /// The best week over `patterns` by total day score, if it beats `incumbent` (a total day
    /// score), or nil. `complete` is true when the search finished within `nodeBudget`: then no
    /// week scores more than the answer (or the incumbent, when the answer is nil).
    func search(patterns: [[Int]], incumbent: Double?) -> (week: WeekState?, complete: Bool) {
        var bestScore = incumbent ?? -.infinity
        var best: [Int]?
        let complete = walk(patterns: patterns, prunes: { $0 <= bestScore + 1e-9 }) { chosen, score in
            if score > bestScore + 1e-9 { bestScore = score; best = chosen }
        }
        return (best.map { WeekState(days: $0.map { patterns[$0] }, itemCount: model.itemCount) }, complete)
    }

    /// The best week over `patterns` by the tie-breaks (plants, preferred days, distinct meals,
    /// then score) among weeks whose total day score is at least `floor`. `complete` is true when
    /// every week was examined within `nodeBudget`: the answer is then the exact optimum.
    func searchTieBreaks(patterns: [[Int]], floor: Double, incumbent: WeekKey, key: ([[Int]]) -> WeekKey)
        -> (week: WeekState?, complete: Bool) {
        var bestKey = incumbent
        var best: [Int]?
        var week = [[Int]](repeating: [], count: model.days)
        let complete = walk(patterns: patterns, prunes: { $0 < floor - 1e-9 }) { chosen, _ in
            for e in chosen.indices { week[e] = patterns[chosen[e]] }
            let k = key(week)
            if k.isBetter(than: bestKey, floor: floor) { bestKey = k; best = chosen }
        }
        return (best.map { WeekState(days: $0.map { patterns[$0] }, itemCount: model.itemCount) }, complete)
    }

    /// Depth-first over the weeks made of `patterns` (sorted best day score first), day by day
    /// within every weekly constraint (`PlannerModel.canAdd`). At each day the loop over
    /// patterns stops once `prunes(bound)` holds for `bound` = the score so far + the pattern's +
    /// the best pattern's for every later day (later patterns reach less). `leaf` sees every
    /// full week as pattern indices with its total day score. False when `nodeBudget` ran out.
    private func walk(patterns: [[Int]], prunes: (Double) -> Bool, leaf: ([Int], Double) -> Void) -> Bool {
        let D = model.days
        let values = patterns.map { model.dayScore($0) }
        let top = values.first ?? 0
        var counts = [Int](repeating: 0, count: model.itemCount)
        var capUsed = [Double](repeating: 0, count: model.weekly.count)
        var chosen = [Int](repeating: -1, count: D)
        var nodes = 0
        var complete = true
        func go(_ d: Int, _ score: Double) {
            if d == D {
                leaf(chosen, score)
                return
            }
            for (p, pattern) in patterns.enumerated() {
                nodes += 1
                if nodes > nodeBudget { complete = false; return }
                if prunes(score + values[p] + Double(D - d - 1) * top) { break }
                let previous = d > 0 ? patterns[chosen[d - 1]] : nil
                guard model.canAdd(pattern, day: d, counts: counts, capUsed: capUsed, previous: previous) else { continue }
                for i in pattern { counts[i] += 1 }
                for c in capUsed.indices { capUsed[c] += model.capUse(c, pattern) }
                chosen[d] = p
                go(d + 1, score + values[p])
                for i in pattern { counts[i] -= 1 }
                for c in capUsed.indices { capUsed[c] -= model.capUse(c, pattern) }
                chosen[d] = -1
                if !complete { return }
            }
        }
        go(0, 0)
        return complete
    }
}
