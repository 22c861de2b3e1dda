/// A week under construction: items per day (problem slot order; empty = unassigned) and uses.
struct WeekState {
    var days: [[Int]]
    var counts: [Int]
}

/// Lexicographic week objective: total day score (compared to 1e-9), then preference, then
/// distinct items. Score is never traded for the tie-breaks.
struct WeekKey {
    var score: Double
    var preference: Double
    var distinct: Int

    func isBetter(than other: WeekKey) -> Bool {
        if score > other.score + 1e-9 { return true }
        if score < other.score - 1e-9 { return false }
        if preference > other.preference + 1e-9 { return true }
        if preference < other.preference - 1e-9 { return false }
        return distinct > other.distinct
    }
}

/// Primal side: greedy day-by-day construction with the exact day solver, then local search
/// that re-optimises one day, or a pair of days, exactly with the rest of the week fixed.
struct WeekSearch {
    let model: PlannerModel
    let solver: DaySolver
    /// Candidate evaluations allowed per day solve.
    let budget: Int
    /// Optional per-slot candidate restriction for the primal search.
    let candidates: [[Int]]?

    func key(_ state: WeekState) -> WeekKey {
        var score = 0.0, preference = 0.0
        var seen = [Bool](repeating: false, count: model.itemCount)
        var distinct = 0
        for day in state.days where !day.isEmpty {
            score += model.dayScore(day)
            for i in day {
                preference += model.preference[i]
                if !seen[i] { seen[i] = true; distinct += 1 }
            }
        }
        return WeekKey(score: score, preference: preference, distinct: distinct)
    }

    /// Items day `d` may not use, given the other days as they stand.
    func blocked(_ state: WeekState, day d: Int) -> [Bool] {
        var blocked = [Bool](repeating: false, count: model.itemCount)
        for i in 0..<model.itemCount where state.counts[i] >= model.cap[i] { blocked[i] = true }
        for neighbour in [d - 1, d + 1] where neighbour >= 0 && neighbour < model.days {
            for i in state.days[neighbour] where model.noConsecutive[i] { blocked[i] = true }
        }
        return blocked
    }

    private func query(_ state: WeekState, day d: Int, penalty: [Double]?, warm: [Int]?) -> DayQuery {
        let novel = state.counts.map { $0 == 0 }
        return DayQuery(penalty: penalty, blocked: blocked(state, day: d), novel: novel, tieBreak: true,
                        budget: budget, warmStart: warm, candidates: candidates)
    }

    private func assign(_ state: inout WeekState, day d: Int, _ items: [Int]) {
        for i in state.days[d] { state.counts[i] -= 1 }
        state.days[d] = items
        for i in items { state.counts[i] += 1 }
    }

    /// Fills the days in `dayOrder`; on failure returns the first day that could not be filled.
    func construct(dayOrder: [Int], penalty: [Double]?) -> Result<WeekState, DayFailure> {
        var state = WeekState(days: Array(repeating: [], count: model.days),
                              counts: Array(repeating: 0, count: model.itemCount))
        for d in dayOrder {
            let q = query(state, day: d, penalty: penalty, warm: nil)
            guard let items = solver.solve(q).items else {
                return .failure(DayFailure(day: d, blocked: q.blocked))
            }
            assign(&state, day: d, items)
        }
        return .success(state)
    }

    /// Hill climbing with exact single-day and greedy pair re-optimisation until no move helps.
    /// Once the week's score reaches `ceiling` (a proven bound) only single-day moves run: they
    /// can still improve the tie-breaks, pair moves cannot pay for themselves.
    /// The search stops early once the solver's cumulative work passes `workLimit`.
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
                    // Pair move: free e, re-optimise d; only when d gains from e's items re-fill e.
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
}

/// A day the construction could not fill, with what was blocked at that point.
struct DayFailure: Error {
    var day: Int
    var blocked: [Bool]
}
