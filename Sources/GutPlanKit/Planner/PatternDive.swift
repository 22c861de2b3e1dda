/// A diving heuristic on the column-generation master: give each pattern the master uses as
/// many whole days as its share of the days left holds (`⌊share × days left⌋`, and at least one
/// day to the largest share that still fits), re-solve the master for the days left with the
/// uses (and food-cap amounts) left, and repeat; then `PatternWeek` orders the chosen days (and
/// may swap in better ones from every pattern seen) under the no-consecutive rule, allowed days
/// and locks. It finds weeks that greedy construction and local search miss when the master's
/// optimum is fractional; when it is integral, the first step takes the whole week.
///
/// Each step's master starts from every pattern seen so far, so it is close to converged: a few
/// pricing rounds (`iterations`) settle it, where the full bound may need hundreds.
struct PatternDive {
    let model: PlannerModel
    let bound: LagrangianBound
    let patternBudget: Int
    /// Column-generation rounds of each step's master.
    var iterations = 20

    /// `first` is the master of the whole week when the caller has it (the bound's), so the
    /// first step needs no pricing.
    func run(seeds: [[Int]], first: LagrangianBound.Outcome? = nil) -> WeekState? {
        var caps = model.cap
        var room = model.weekly
        var chosen: [[Int]] = []
        var seen = seeds
        var stepBound = bound
        stepBound.iterations = iterations
        var given = first
        func fits(_ pattern: [Int]) -> Bool {
            pattern.allSatisfy { caps[$0] > 0 }
                && room.indices.allSatisfy { model.capUse($0, pattern) <= room[$0] + PlanningProblem.feasibilityEpsilon }
        }
        while chosen.count < model.days {
            let left = model.days - chosen.count
            let outcome = given ?? stepBound.run(target: -.infinity, seeds: seen, capacity: caps, weeklyRoom: room, days: left)
            given = nil
            for pattern in outcome.generated where !seen.contains(pattern) { seen.append(pattern) }
            // Each pattern the master gives whole days (share × days left, rounded down) gets them
            // at once; the first that fits gets at least one.
            var fixed = 0
            for (pattern, share) in zip(outcome.patterns, outcome.shares) {
                var copies = Int(share * Double(left) + 1e-6)
                if fixed == 0 { copies = max(copies, 1) }
                var taken = 0
                while taken < copies, chosen.count < model.days, fits(pattern) {
                    chosen.append(pattern)
                    for i in pattern { caps[i] -= 1 }
                    for c in room.indices { room[c] -= model.capUse(c, pattern) }
                    taken += 1
                    fixed += 1
                }
            }
            if fixed == 0 { break }
        }
        let week = PatternWeek(model: model, budget: patternBudget)
        if chosen.count == model.days, let ordered = week.order(chosen) { return ordered }
        return week.search(patterns: chosen + seen, incumbent: -1)
    }
}
