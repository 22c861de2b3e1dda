/// A week under construction: items per day (problem slot order; empty = unassigned) and uses.
struct WeekState {
    var days: [[Int]]
    var counts: [Int]

    init(days: [[Int]], itemCount: Int) {
        self.days = days
        counts = [Int](repeating: 0, count: itemCount)
        for day in days { for i in day { counts[i] += 1 } }
    }
}

/// The week's objective, lexicographic as the problem defines it: total day score (the score
/// times the number of days), then plants, preferred days and distinct meals.
struct WeekKey {
    var score: Double
    var plants: Int
    var preferred: Int
    var meals: Int

    static let none = WeekKey(score: -.infinity, plants: 0, preferred: 0, meals: 0)

    /// Score first (compared to 1e-9), then the tie-breaks: the score stage's order.
    func isBetter(than other: WeekKey) -> Bool {
        if score > other.score + 1e-9 { return true }
        if score < other.score - 1e-9 { return false }
        return tieBreaks(other) > 0
    }

    /// Among weeks at or above `floor` (total day score): plants, preferred days, distinct meals,
    /// then score. A week below the floor never wins.
    func isBetter(than other: WeekKey, floor: Double) -> Bool {
        if score < floor - 1e-9 { return false }
        if other.score < floor - 1e-9 { return true }
        let t = tieBreaks(other)
        if t != 0 { return t > 0 }
        return score > other.score + 1e-9
    }

    private func tieBreaks(_ other: WeekKey) -> Int {
        if plants != other.plants { return plants > other.plants ? 1 : -1 }
        if preferred != other.preferred { return preferred > other.preferred ? 1 : -1 }
        if meals != other.meals { return meals > other.meals ? 1 : -1 }
        return 0
    }
}

/// Primal side: greedy day-by-day construction with the exact day solver, then local search
/// that re-optimises one day exactly with the rest of the week fixed, and a heuristic pair move
/// (free a second day, re-optimise the first exactly, refill the second): the pair move is not
/// exact, it only tries one refill.
struct WeekSearch {
    let model: PlannerModel
    let solver: DaySolver
    /// Candidate evaluations allowed per day solve.
    let budget: Int
    /// Optional per-slot candidate restriction for the primal search.
    let candidates: [[Int]]?

    func key(_ state: WeekState) -> WeekKey { model.weekKey(state.days) }

    /// Fixed items of unassigned days other than `d`: they hold a use (and cap amounts) already.
    private func reserved(_ state: WeekState, except d: Int) -> [Int] {
        var list: [Int] = []
        for e in 0..<model.days where e != d && state.days[e].isEmpty {
            for lock in model.locks[e] { if let i = lock { list.append(i) } }
        }
        return list
    }

    /// Items day `d` may not use, given the other days as they stand and the locks still to place.
    func blocked(_ state: WeekState, day d: Int) -> [Bool] {
        var uses = state.counts
        for i in reserved(state, except: d) { uses[i] += 1 }
        var blocked = [Bool](repeating: false, count: model.itemCount)
        for i in 0..<model.itemCount where uses[i] >= model.cap[i] || !model.isAllowed(i, day: d) { blocked[i] = true }
        for neighbour in [d - 1, d + 1] where neighbour >= 0 && neighbour < model.days {
            for i in state.days[neighbour] where model.noConsecutive[i] { blocked[i] = true }
            if state.days[neighbour].isEmpty {
                for lock in model.locks[neighbour] { if let i = lock, model.noConsecutive[i] { blocked[i] = true } }
            }
        }
        return blocked
    }

    /// Limit-row right-hand sides for day `d`: food-cap rows get what the weekly caps leave.
    func room(_ state: WeekState, day d: Int) -> [Double]? {
        guard model.weekly.contains(where: { $0.isFinite }) else { return nil }
        var rhs = model.limits
        let held = reserved(state, except: d)
        for c in model.weekly.indices where model.weekly[c].isFinite {
            var used = model.capUse(c, held)
            for e in 0..<model.days where e != d { used += model.capUse(c, state.days[e]) }
            rhs[model.capRow[c]] = min(rhs[model.capRow[c]], model.weekly[c] - used)
        }
        return rhs
    }

    /// Per-slot candidates of day `d`: the pool, with locked slots reduced to their item.
    func candidates(day d: Int) -> [[Int]]? {
        guard model.locks[d].contains(where: { $0 != nil }) else { return candidates }
        let base = candidates ?? model.candidates
        return base.indices.map { s in model.locks[d][s].map { [$0] } ?? base[s] }
    }

    /// The rest of the week as day `d` sees it.
    func context(_ state: WeekState, day d: Int) -> DayContext {
        var seen = [Bool](repeating: false, count: model.speciesCount)
        var rest = 0
        var mealElsewhere = [Bool](repeating: false, count: model.itemCount)
        for e in 0..<model.days where e != d {
            for (s, i) in state.days[e].enumerated() {
                for k in model.species[i] where !seen[k] { seen[k] = true; rest += 1 }
                if model.mealSlot[s] { mealElsewhere[i] = true }
            }
        }
        return DayContext(seenSpecies: seen, restPlants: rest, mealNovel: mealElsewhere.map { !$0 })
    }

    func query(_ state: WeekState, day d: Int, penalty: [Double]?, warm: [Int]?, floor: Double? = nil,
               budget: Int? = nil) -> DayQuery {
        DayQuery(penalty: penalty, blocked: blocked(state, day: d), context: context(state, day: d), floor: floor,
                 budget: budget ?? self.budget, warmStart: warm, candidates: candidates(day: d), room: room(state, day: d))
    }

    private func assign(_ state: inout WeekState, day d: Int, _ items: [Int]) {
        for i in state.days[d] { state.counts[i] -= 1 }
        state.days[d] = items
        for i in items { state.counts[i] += 1 }
    }

    /// Fills the days in `dayOrder`; on failure returns the first day that could not be filled.
    /// Each day starts from the best day seen so far that still fits (`warmFromSeen`).
    func construct(dayOrder: [Int], penalty: [Double]?) -> Result<WeekState, DayFailure> {
        var state = WeekState(days: Array(repeating: [], count: model.days), itemCount: model.itemCount)
        for d in dayOrder {
            var q = query(state, day: d, penalty: penalty, warm: nil)
            q.warmFromSeen = true
            guard let items = solver.solve(q).items else {
                return .failure(DayFailure(day: d, blocked: q.blocked, candidates: q.candidates))
            }
            assign(&state, day: d, items)
        }
        return .success(state)
    }

    /// Hill climbing on the score (ties by the tie-breaks) with exact single-day re-optimisation
    /// and the heuristic pair move, until no move helps. Once the week's score reaches `ceiling`
    /// (a proven bound) only single-day moves run. The search stops early once the solver's
    /// cumulative work passes `workLimit`.
    func improve(_ start: WeekState, rounds: Int, ceiling: Double = .infinity, workLimit: Int = .max) -> WeekState {
        var state = start
        var current = key(state)
        var spent: Bool { solver.cumulativeWork >= workLimit }
        for _ in 0..<rounds where !spent {
            var improved = false
            for d in 0..<model.days where !spent {
                let old = state.days[d]
                assign(&state, day: d, [])
                let result = solver.solve(query(state, day: d, penalty: nil, warm: old))
                assign(&state, day: d, result.items ?? old)
                let k = key(state)
                if k.isBetter(than: current) { current = k; improved = true } else { assign(&state, day: d, old) }
            }
            for d in 0..<model.days where current.score < ceiling - 1e-9 {
                for e in 0..<model.days where e != d && !spent {
                    // Pair move: free e, re-optimise d; only when d changes re-fill e.
                    let oldD = state.days[d], oldE = state.days[e]
                    assign(&state, day: e, [])
                    assign(&state, day: d, [])
                    let first = solver.solve(query(state, day: d, penalty: nil, warm: oldD)).items ?? oldD
                    var accepted = false
                    if first != oldD {
                        assign(&state, day: d, first)
                        if let second = solver.solve(query(state, day: e, penalty: nil, warm: nil)).items {
                            assign(&state, day: e, second)
                            let k = key(state)
                            if k.isBetter(than: current) { current = k; improved = true; accepted = true }
                        }
                    }
                    if !accepted {
                        assign(&state, day: d, [])
                        assign(&state, day: e, [])
                        assign(&state, day: d, oldD)
                        assign(&state, day: e, oldE)
                    }
                }
            }
            if !improved { break }
        }
        return state
    }

    /// The tie-break stage: single-day moves that maximise plants, preferred days and distinct
    /// meals while the week's total day score stays at or above `floor`. Each day is re-solved in
    /// the day solver's floor mode with floor `floor − Σ other days`; only better weeks are kept.
    func improveTieBreaks(_ start: WeekState, floor: Double, rounds: Int, budget: Int, workLimit: Int,
                          done: (WeekKey) -> Bool = { _ in false }) -> WeekState {
        var state = start
        var current = key(state)
        var spent: Bool { solver.cumulativeWork >= workLimit || done(current) }
        for _ in 0..<rounds where !spent {
            var improved = false
            for d in 0..<model.days where !spent {
                let old = state.days[d]
                let others = current.score - model.dayScore(old)
                assign(&state, day: d, [])
                let result = solver.solve(query(state, day: d, penalty: nil, warm: old, floor: floor - others, budget: budget))
                assign(&state, day: d, result.items ?? old)
                let k = key(state)
                if k.isBetter(than: current, floor: floor) { current = k; improved = true } else { assign(&state, day: d, old) }
            }
            if !improved { break }
        }
        return state
    }
}

/// A day the construction could not fill, with what was blocked at that point.
struct DayFailure: Error {
    var day: Int
    var blocked: [Bool]
    var candidates: [[Int]]?
}
