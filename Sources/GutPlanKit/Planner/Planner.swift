/// Finds the best week for a `PlanningProblem` and a proven upper bound on the optimum.
///
/// Primal: greedy day-by-day construction with an exact per-day branch and bound; while the
/// bound shows a gap, weeks assembled from the bound's day patterns, constructions guided by its
/// multipliers and by other day orders (one seeded), exact enumeration for small problems, and a
/// local search that re-optimises single days and pairs of days exactly. Bound: Lagrangian
/// relaxation of the weekly caps with column-generated multipliers (see `LagrangianBound`).
/// Work is limited by counts, never by clocks, so the same problem and seed give the same plan.
public struct Planner: Sendable {
    /// Candidate evaluations allowed in one day solve of the primal search.
    var primalBudget = 2_000_000
    /// Candidate evaluations allowed in one day solve of the bound.
    var boundBudget = 600_000
    /// Candidate evaluations for the first, unpenalised day solve: its optimum bounds the score
    /// on its own, so it may search longer (large catalogues need millions).
    var relaxedBudget = 20_000_000
    var boundIterations = 300
    var localSearchRounds = 12
    /// Local-search rounds for each candidate week before the best one gets the full rounds.
    var candidateRounds = 2
    /// Slots with more candidates than this are searched over a pool of the most useful ones.
    var poolSize = 64
    /// Total day-search work (candidate evaluations) after which local search stops: it keeps
    /// large catalogues within seconds; small ones finish long before it.
    var workLimit = 40_000_000
    /// Nodes of the search that assembles a week from the bound's day patterns.
    var patternBudget = 200_000

    public init() {}

    public func solve(_ problem: PlanningProblem, seed: UInt64 = 0) throws(PlanningFailure) -> PlanSolution {
        guard problem.days >= 1 else { throw PlanningFailure("the plan needs at least one day") }
        guard !problem.slots.isEmpty else { throw PlanningFailure("the problem has no slots to fill") }
        guard problem.energy.lowerBound.isFinite, problem.energy.upperBound.isFinite else {
            throw PlanningFailure("the energy band \(PlannerText.band(problem.energy)) is not a finite range")
        }
        let model = PlannerModel(problem)
        try FeasibilityCheck(problem: problem, model: model).run()
        let solver = DaySolver(model: model)
        let noBlock = [Bool](repeating: false, count: model.itemCount)

        let relaxed = solver.solve(DayQuery(penalty: nil, blocked: noBlock, novel: nil, tieBreak: false,
                                            budget: relaxedBudget, warmStart: nil, candidates: nil))
        if relaxed.items == nil && relaxed.complete {
            throw PlanningFailure(dayMessage(problem: problem, model: model, solver: solver, day: nil, blocked: noBlock))
        }

        /// No week scores more than every day at the best single day's value.
        let ceiling = relaxed.complete ? Double(model.days) * relaxed.value : .infinity
        let D = Double(model.days)
        var pool = primalPool(model: model, extra: [])
        var search = WeekSearch(model: model, solver: solver, budget: primalBudget, candidates: pool)
        var best: WeekState?
        var bestKey = WeekKey(score: -.infinity, preference: 0, distinct: 0)
        var firstFailure: DayFailure?
        func consider(_ attempt: Result<WeekState, DayFailure>) {
            switch attempt {
            case .success(let state):
                // While a gap remains, every candidate is polished by local search first.
                let polished = open() ? search.improve(state, rounds: candidateRounds, ceiling: min(ceiling, upperBound * D), workLimit: workLimit) : state
                let k = search.key(polished)
                if best == nil || k.isBetter(than: bestKey) { best = polished; bestKey = k }
            case .failure(let failure):
                if firstFailure == nil { firstFailure = failure }
            }
        }
        var upperBound = model.objectiveCount == 0 ? 0 : min(1, relaxed.upperBound)
        /// True while the best week may still be improved in score.
        func open() -> Bool { best == nil || upperBound - bestKey.score / D > 1e-9 }

        var rng = SplitMix64(seed: seed)
        // Seed 0 starts from Monday; another seed starts from its own day order, which picks
        // among equally good plans.
        let identity = Array(0..<model.days)
        let seeded = rng.shuffled(identity)
        let orders = seed == 0 ? [identity, seeded, identity.reversed()] : [seeded, identity, identity.reversed()]
        // Small catalogues: every order before the bound, so its master starts from the best week.
        for order in orders.prefix(model.itemCount <= 400 ? orders.count : 1) where open() {
            consider(search.construct(dayOrder: order, penalty: nil))
        }

        // The bound: column generation over day patterns. Its patterns also guide the primal
        // search, and when the greedy found no week they are how one is found (or proven absent).
        if open() {
            let lagrangian = LagrangianBound(model: model, solver: solver, budget: boundBudget, iterations: boundIterations)
            let outcome = lagrangian.run(target: best == nil ? -.infinity : bestKey.score / D, seeds: best?.days ?? [])
            if outcome.provenInfeasible {
                throw PlanningFailure(weekMessage(problem: problem))
            }
            if model.objectiveCount > 0 { upperBound = min(upperBound, outcome.bound) }
            if open() {
                if pool != nil {
                    pool = primalPool(model: model, extra: outcome.patterns)
                    search = WeekSearch(model: model, solver: solver, budget: primalBudget, candidates: pool)
                }
                if let patterned = PatternWeek(model: model, budget: patternBudget)
                    .search(patterns: outcome.patterns + outcome.generated + (best?.days ?? []), incumbent: -1) {
                    consider(.success(patterned))
                }
                if open() { consider(search.construct(dayOrder: orders[0], penalty: outcome.multipliers)) }
                // Small catalogues: dive on the master, one day at a time.
                if open() && model.itemCount <= 400,
                   let dived = PatternDive(model: model, bound: lagrangian, patternBudget: patternBudget)
                    .run(seeds: outcome.generated + (best?.days ?? [])) {
                    consider(.success(dived))
                }
            }
        }
        for order in orders.dropFirst() where open() { consider(search.construct(dayOrder: order, penalty: nil)) }
        // Scarcity penalties help when the plain greedy runs out of items.
        if best == nil {
            for round in 1...4 {
                let scarcity = (0..<model.itemCount).map { 0.05 * Double(round) / Double(max(1, model.cap[$0])) }
                consider(search.construct(dayOrder: rng.shuffled(Array(0..<model.days)), penalty: scarcity))
                if best != nil { break }
            }
        }
        if best == nil && pool != nil {
            pool = nil
            search = WeekSearch(model: model, solver: solver, budget: primalBudget, candidates: nil)
            for order in orders { consider(search.construct(dayOrder: order, penalty: nil)) }
        }
        // Small problems: exact week enumeration (also finds weeks the greedy misses).
        if open() {
            let enumeration = WeekEnumeration(model: model)
            if let patterns = enumeration.patterns(),
               let exact = enumeration.search(patterns: patterns, incumbent: best == nil ? nil : bestKey) {
                consider(.success(exact))
            }
        }
        guard let found = best else {
            let failure = firstFailure ?? DayFailure(day: 0, blocked: noBlock)
            throw PlanningFailure(dayMessage(problem: problem, model: model, solver: solver,
                                             day: failure.day, blocked: failure.blocked))
        }
        // Local search: pair moves only while the score may still rise; single-day moves also
        // polish the tie-breaks (preferred foods, then variety).
        let week = search.improve(found, rounds: open() ? localSearchRounds : 2,
                                  ceiling: open() ? min(ceiling, upperBound * D) : -.infinity,
                                  workLimit: open() ? workLimit : .max)

        let days = week.days
        let problems = problem.violations(of: days)
        if let first = problems.first {
            throw PlanningFailure("the planner could not produce a valid plan: \(first)")
        }
        let score = problem.score(of: days)
        return PlanSolution(days: days, score: score, upperBound: max(upperBound, score))
    }

    /// Items per slot the primal search considers on large catalogues: the best by standalone
    /// value, by value per kcal, the lightest and heaviest, the lowest in limited nutrients, and
    /// every item of the Lagrangian day patterns. `nil` (all items) when slots are small.
    func primalPool(model: PlannerModel, extra: [[Int]]) -> [[Int]]? {
        let size = poolSize
        guard model.candidates.contains(where: { $0.count > size }) else { return nil }
        var inPattern = [Bool](repeating: false, count: model.itemCount)
        for pattern in extra { for i in pattern { inPattern[i] = true } }
        return model.candidates.map { list -> [Int] in
            if list.count <= size { return list }
            var keep = [Bool](repeating: false, count: model.itemCount)
            func take(_ count: Int, by key: (Int) -> Double) {
                let ranked = list.sorted { a, b in key(a) != key(b) ? key(a) > key(b) : a < b }
                for i in ranked.prefix(count) { keep[i] = true }
            }
            take(size, by: { model.standalone[$0] })
            take(size / 4, by: { model.standalone[$0] / max(1, model.kcal[$0]) })
            take(size / 8, by: { -model.kcal[$0] })
            take(size / 8, by: { model.kcal[$0] })
            take(size / 8, by: { i in -(0..<model.limitCount).reduce(0.0) { $0 + model.limited[i * model.limitCount + $1] / max(1e-9, model.limits[$1]) } })
            return list.filter { keep[$0] || inPattern[$0] }
        }
    }

    /// Why no week exists when every day can be filled on its own but the weekly limits cannot
    /// be met even by a fractional mix of days (proven by column generation).
    func weekMessage(problem: PlanningProblem) -> String {
        let limits = problem.limitedNutrients.map { problem.nutrients[$0].id }
        let limitText = limits.isEmpty ? "" : " and the upper limits of \(limits.joined(separator: ", "))"
        return "no week fits: each day on its own can meet the energy band \(PlannerText.band(problem.energy))\(limitText), "
            + "but too few such days can be made from the meals and additions allowed when each meal is eaten at most "
            + "2 times a week and never on consecutive days, and each addition at most 4 times; widen the energy band "
            + "(--kcal) or exclude less"
    }

    /// Names what stops a day (or any day, when `day` is nil) from being filled.
    func dayMessage(problem: PlanningProblem, model: PlannerModel, solver: DaySolver, day: Int?, blocked: [Bool]) -> String {
        let which = day.map { "day \($0 + 1)" } ?? "any day"
        let still = day == nil ? "" : " with the items the weekly limits leave"
        let extremes = solver.extremes(blocked: blocked)
        if let s = extremes.emptySlot {
            return "no \(PlannerText.slotNoun(problem.slots[s])) is left for \(which): every one has reached its weekly limit or was eaten the day before or after"
        }
        let combination = problem.slots.map(\.rawValue).joined(separator: "–")
        let eps = PlanningProblem.feasibilityEpsilon
        if extremes.minKcal > problem.energy.upperBound + eps {
            return "no \(combination) combination for \(which) fits the energy band \(PlannerText.band(problem.energy))\(still) (the least is \(PlannerText.number(extremes.minKcal)) kcal)"
        }
        if extremes.maxKcal < problem.energy.lowerBound - eps {
            return "no \(combination) combination for \(which) fits the energy band \(PlannerText.band(problem.energy))\(still) (the most is \(PlannerText.number(extremes.maxKcal)) kcal)"
        }
        for (k, n) in problem.limitedNutrients.enumerated() where extremes.minLimit[k] > model.limits[k] + eps {
            return "every combination for \(which) exceeds the upper limit of \(problem.nutrients[n].id) (\(PlannerText.number(model.limits[k])) \(problem.nutrients[n].unit))\(still)"
        }
        let limits = problem.limitedNutrients.map { problem.nutrients[$0].id }
        let limitText = limits.isEmpty ? "" : " and the upper limits of \(limits.joined(separator: ", "))"
        return "no \(combination) combination for \(which) fits the energy band \(PlannerText.band(problem.energy))\(limitText) together\(still)"
    }
}
