/// A diving heuristic on the column-generation master: fix one day to the pattern the master
/// uses most, re-solve the master for the days left with the uses (and food-cap amounts) left,
/// and repeat; then `PatternWeek` orders the chosen days (and may swap in better ones from every
/// pattern seen) under the no-consecutive rule, allowed days and locks. It finds weeks that
/// greedy construction and local search miss when the master's optimum is fractional.
///
/// Each step's master starts from every pattern seen so far, so it is close to converged: a few
/// pricing rounds (`iterations`) settle it, where the full bound may need hundreds.
struct PatternDive {
    let model: PlannerModel
    let bound: LagrangianBound
    let patternBudget: Int
    /// Column-generation rounds of each step's master.
    var iterations = 20

    func run(seeds: [[Int]]) -> WeekState? {
        var caps = model.cap
        var room = model.weekly
        var chosen: [[Int]] = []
        var seen = seeds
        var stepBound = bound
        stepBound.iterations = iterations
        for step in 0..<model.days {
            let outcome = stepBound.run(target: -.infinity, seeds: seen, capacity: caps, weeklyRoom: room, days: model.days - step)
            for pattern in outcome.generated where !seen.contains(pattern) { seen.append(pattern) }
            guard let pick = outcome.patterns.first(where: { pattern in
                pattern.allSatisfy { caps[$0] > 0 }
                    && room.indices.allSatisfy { model.capUse($0, pattern) <= room[$0] + PlanningProblem.feasibilityEpsilon }
            }) else { break }
            chosen.append(pick)
            for i in pick { caps[i] -= 1 }
            for c in room.indices { room[c] -= model.capUse(c, pick) }
        }
        let week = PatternWeek(model: model, budget: patternBudget)
        if chosen.count == model.days, let ordered = week.order(chosen) { return ordered }
        return week.search(patterns: chosen + seen, incumbent: -1)
    }
}
