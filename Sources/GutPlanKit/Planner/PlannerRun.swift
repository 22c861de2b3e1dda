/// One planning run: the incumbent week, the proven bound and the searches that improve them,
/// as the named stages `Planner.solve` runs in order.
struct PlannerRun {
    let problem: PlanningProblem
    let model: PlannerModel
    let configuration: PlannerConfiguration
    let solver: DaySolver
    /// Day orders for the greedy constructions: seed 0 starts from Monday; another seed starts
    /// from its own order, which picks among equally good plans.
    let orders: [[Int]]
    var rng: SplitMix64
    var pool: [[Int]]?
    var search: WeekSearch
    /// Best week by score (then tie-breaks), and its key.
    var best: WeekState?
    var bestKey = WeekKey.none
    /// The first day a construction could not fill, for the failure message.
    var firstFailure: DayFailure?
    /// Proven upper bound on the score (mean over days).
    var upperBound = Double.infinity
    /// `days × best single day`: no week's total day score is higher.
    var ceiling = Double.infinity
    /// True when the tie-break stage examined every week at or above its floor.
    var tieBreaksExact = false

    init(problem: PlanningProblem, model: PlannerModel, configuration: PlannerConfiguration, seed: UInt64) {
        self.problem = problem
        self.model = model
        self.configuration = configuration
        solver = DaySolver(model: model)
        rng = SplitMix64(seed: seed)
        let identity = Array(0..<model.days)
        let seeded = rng.shuffled(identity)
        orders = seed == 0 ? [identity, seeded, identity.reversed()] : [seeded, identity, identity.reversed()]
        pool = nil
        search = WeekSearch(model: model, solver: solver, budget: configuration.primalBudget, candidates: nil)
    }

    var D: Double { Double(model.days) }
    var noBlock: [Bool] { [Bool](repeating: false, count: model.itemCount) }

    /// True while a better score could still change the plan. Once the best week is within the
    /// score tolerance of the proven bound, the tie-breaks' floor is `bound − tolerance` whatever
    /// the best score (`scoreReference`): a higher score would change neither the floor nor the
    /// weeks the tie-breaks choose from, so the score stage stops there.
    func open() -> Bool { best == nil || upperBound - bestKey.score / D > max(1e-9, tolerance / 2) }

    /// The problem's score tolerance (0 when it is not a finite non-negative number).
    var tolerance: Double { problem.scoreTolerance.isFinite ? max(0, problem.scoreTolerance) : 0 }

    /// Keeps a candidate week when it beats the best; while the score stage is open it is first
    /// polished by single-day moves (the pair moves, which cost a day solve per pair of days,
    /// are kept for the best week in `polish`).
    mutating func consider(_ attempt: Result<WeekState, DayFailure>) {
        switch attempt {
        case .success(let state):
            let polished = open() ? search.improve(state, rounds: configuration.candidateRounds,
                                                   ceiling: -.infinity, workLimit: configuration.workLimit) : state
            let k = search.key(polished)
            if best == nil || k.isBetter(than: bestKey) { best = polished; bestKey = k }
        case .failure(let failure):
            if firstFailure == nil { firstFailure = failure }
        }
    }

    /// Stage 1: the best single day with no weekly constraint. Its value bounds every day (so the
    /// score); when no day at all exists, no plan does.
    mutating func relaxedDay() throws(PlanningFailure) {
        let relaxed = solver.solve(DayQuery(blocked: model.cap.map { $0 <= 0 }, budget: configuration.relaxedBudget))
        if relaxed.items == nil && relaxed.complete {
            throw PlanningFailure(Planner.dayMessage(problem: problem, model: model, solver: solver, day: nil, blocked: noBlock, candidates: nil))
        }
        ceiling = relaxed.complete ? D * relaxed.value : .infinity
        upperBound = model.objectiveCount == 0 ? 0 : min(1, relaxed.upperBound)
        pool = Planner.primalPool(model: model, size: configuration.poolSize, extra: [])
        search = WeekSearch(model: model, solver: solver, budget: configuration.primalBudget, candidates: pool)
    }

    /// Stage 2: a greedy day-by-day construction from Monday. The other orders wait for
    /// `fallbacks`: on the shipped rules the bound's dive and pattern weeks close the gap that
    /// more orders would narrow, for a fraction of the day solves.
    mutating func greedy() {
        for order in orders.prefix(1) where open() {
            consider(search.construct(dayOrder: order, penalty: nil))
        }
    }

    /// Stage 3: the Lagrangian bound by column generation; its day patterns and multipliers then
    /// guide more primal searches (pattern weeks, a penalised construction, a dive on the master).
    mutating func bound() throws(PlanningFailure) {
        guard open() else { return }
        let lagrangian = LagrangianBound(model: model, solver: solver, budget: configuration.boundBudget,
                                         iterations: configuration.boundIterations)
        let outcome = lagrangian.run(target: best == nil ? -.infinity : bestKey.score / D, seeds: best?.days ?? [])
        if outcome.provenInfeasible {
            if best != nil {
                throw PlanningFailure.internalError("the bound claims no week exists while a feasible week is held")
            }
            throw PlanningFailure(Planner.weekMessage(problem: problem))
        }
        if model.objectiveCount > 0 { upperBound = min(upperBound, outcome.bound) }
        guard open() else { return }
        if pool != nil {
            pool = Planner.primalPool(model: model, size: configuration.poolSize, extra: outcome.patterns)
            search = WeekSearch(model: model, solver: solver, budget: configuration.primalBudget, candidates: pool)
        }
        // The relaxation ignores locks, so its patterns rarely fit a day with fixed items: add
        // such days, priced by the multipliers, and the master's patterns with the locks put in.
        let locked = lockedPatterns(from: outcome.patterns + outcome.generated, penalty: outcome.multipliers)
        if open() && model.itemCount <= configuration.smallCatalogue,
           let dived = PatternDive(model: model, bound: lagrangian, patternBudget: configuration.patternBudget,
                                   iterations: configuration.diveIterations)
            .run(seeds: outcome.generated + locked + (best?.days ?? []), first: outcome) {
            consider(.success(dived))
        }
        if open(), let patterned = PatternWeek(model: model, budget: configuration.patternBudget)
            .search(patterns: outcome.patterns + outcome.generated + locked + (best?.days ?? []), incumbent: -1) {
            consider(.success(patterned))
        }
        if open() { consider(search.construct(dayOrder: orders[0], penalty: outcome.multipliers)) }
    }

    /// Days that hold the fixed items of some day: the best day with them (with and without the
    /// multipliers) and every pattern with the fixed items put in place, where the day still fits.
    func lockedPatterns(from patterns: [[Int]], penalty: [Double]) -> [[Int]] {
        var result: [[Int]] = []
        for d in 0..<model.days where model.locks[d].contains(where: { $0 != nil }) {
            let blocked = (0..<model.itemCount).map { model.cap[$0] <= 0 || !model.isAllowed($0, day: d) }
            let candidates = model.candidates.indices.map { s in model.locks[d][s].map { [$0] } ?? model.candidates[s] }
            for weights in [penalty, nil] {
                let day = solver.solve(DayQuery(penalty: weights, blocked: blocked, budget: configuration.boundBudget,
                                                candidates: candidates))
                if let items = day.items, !result.contains(items) { result.append(items) }
            }
            for pattern in patterns {
                var day = pattern
                for (s, lock) in model.locks[d].enumerated() { if let i = lock { day[s] = i } }
                if day != pattern, model.isFeasibleDay(day), model.fits(day, day: d), !result.contains(day) { result.append(day) }
            }
        }
        return result
    }

    /// Stage 4: the other day orders, scarcity penalties when the greedy runs out of items, the
    /// whole catalogue instead of the pool, and exact week enumeration on small problems.
    mutating func fallbacks() {
        for order in orders.dropFirst() where open() { consider(search.construct(dayOrder: order, penalty: nil)) }
        if best == nil {
            // Scarcity: an item costs more the fewer uses it has, and the more of a weekly food
            // cap it takes; days with fixed items (the most constrained) go first.
            let U = model.limitCount
            let share = (0..<model.itemCount).map { i in
                model.weekly.indices.reduce(0.0) { total, c in
                    model.weekly[c].isFinite ? total + model.limited[i * U + model.capRow[c]] / max(1, model.weekly[c]) : total
                }
            }
            let locked = (0..<model.days).filter { d in model.locks[d].contains { $0 != nil } }
            for round in 1...6 {
                let scarcity = (0..<model.itemCount).map { 0.05 * Double(round) * (1 / Double(max(1, model.cap[$0])) + share[$0]) }
                let shuffled = rng.shuffled(Array(0..<model.days))
                let order = round % 2 == 1 ? locked + shuffled.filter { !locked.contains($0) } : shuffled
                consider(search.construct(dayOrder: order, penalty: scarcity))
                if best != nil { break }
            }
        }
        if best == nil && pool != nil {
            pool = nil
            search = WeekSearch(model: model, solver: solver, budget: configuration.primalBudget, candidates: nil)
            for order in orders { consider(search.construct(dayOrder: order, penalty: nil)) }
        }
        if open() {
            let enumeration = WeekEnumeration(model: model)
            if let patterns = enumeration.patterns() {
                let exact = enumeration.search(patterns: patterns, incumbent: best == nil ? nil : bestKey.score)
                if let week = exact.week { consider(.success(week)) }
                // A finished enumeration proves the best week optimal (the bound becomes its score).
                if exact.complete, best != nil, model.objectiveCount > 0 { upperBound = min(upperBound, bestKey.score / D) }
            }
        }
    }

    /// Stage 5: local search on the best week (pair moves only while the score may still rise).
    mutating func polish() throws(PlanningFailure) -> WeekState {
        guard let found = best else {
            let failure = firstFailure ?? DayFailure(day: 0, blocked: noBlock, candidates: nil)
            throw PlanningFailure(Planner.dayMessage(problem: problem, model: model, solver: solver,
                                                     day: failure.day, blocked: failure.blocked, candidates: failure.candidates))
        }
        let isOpen = open()
        let week = search.improve(found, rounds: isOpen ? configuration.localSearchRounds : 1,
                                  ceiling: isOpen ? min(ceiling, upperBound * D) : -.infinity,
                                  workLimit: isOpen ? configuration.workLimit : solver.cumulativeWork + configuration.tieBreakWork)
        bestKey = search.key(week)
        best = week
        return week
    }

    /// The score the tolerance is measured from: the proven bound when the best week is within
    /// the tolerance of it (then every week kept is provably within the tolerance of the true
    /// optimum), otherwise the best score found (a heuristic reference).
    func scoreReference() -> Double {
        let score = bestKey.score / D
        return upperBound - score <= tolerance + 1e-12 ? max(score, upperBound) : score
    }

    /// Stage 6: the tie-breaks. Among weeks whose score is at least `reference − tolerance`,
    /// maximise plants, then preferred days, then distinct meals: exact enumeration on small
    /// problems, otherwise single-day moves in the day solver's floor mode. (A construction whose
    /// days each kept their share of the score used to run first; on the sweep of 100 profiles the
    /// moves reached the same tie-breaks without it in every profile, and it cost a fifth of the
    /// 14-flag profile's work.)
    mutating func tieBreaks(_ week: WeekState, reference: Double) -> WeekState {
        let floor = D * (reference - tolerance)
        var current = week
        var currentKey = search.key(week)
        // A week at every tie-break's ceiling with a proven-optimal score cannot be beaten.
        let ceiling = tieBreakCeiling()
        let bestPossible = upperBound * D
        let unbeatable = { (k: WeekKey) in
            k.plants >= ceiling.plants && k.preferred >= ceiling.preferred && k.meals >= ceiling.meals
                && k.score >= bestPossible - 1e-9
        }
        if unbeatable(currentKey) { tieBreaksExact = true; return current }
        let limit = solver.cumulativeWork + configuration.tieBreakWork
        // Small problems: exact enumeration of every week at or above the floor.
        var enumeration = WeekEnumeration(model: model)
        enumeration.nodeBudget = configuration.tieBreakNodes
        if let patterns = enumeration.patterns() {
            let exact = enumeration.searchTieBreaks(patterns: patterns, floor: floor, incumbent: currentKey,
                                                    key: model.weekKey)
            if let week = exact.week { current = week; currentKey = search.key(week) }
            if exact.complete { tieBreaksExact = true; return current }
        }
        return search.improveTieBreaks(current, floor: floor, rounds: configuration.tieBreakRounds,
                                       budget: configuration.tieBreakBudget, workLimit: limit, done: unbeatable)
    }

    /// Upper bounds on the tie-breaks over every feasible week: plants (`plantsBound`), preferred
    /// days (days × the weighted nutrients some usable item is preferred for) and distinct meals
    /// (days × meal slots, and the usable items of meal slots).
    func tieBreakCeiling() -> (plants: Int, preferred: Int, meals: Int) {
        var nutrients = Set<Int>()
        var meals = Set<Int>()
        var mealSlots = 0
        for (s, list) in model.candidates.enumerated() {
            if model.mealSlot[s] { mealSlots += 1 }
            for i in list where model.cap[i] > 0 {
                nutrients.formUnion(model.preferred[i])
                if model.mealSlot[s] { meals.insert(i) }
            }
        }
        return (plantsBound(), model.days * nutrients.count, min(model.days * mealSlots, meals.count))
    }

    /// A proven bound on plants: at most the cap, the species of usable items, and the days times
    /// the most species one day can hold (the best item of each slot).
    func plantsBound() -> Int {
        var usable = Set<Int>()
        var perDay = 0
        for list in model.candidates {
            var most = 0
            for i in list where model.cap[i] > 0 {
                usable.formUnion(model.species[i])
                most = max(most, model.species[i].count)
            }
            perDay += most
        }
        return min(model.plantsCap, usable.count, model.days * perDay)
    }
}
