/// Finds the best week for a `PlanningProblem`, a proven upper bound on its score, and then the
/// best tie-breaks (plants, preferred days, distinct meals) within the score tolerance.
///
/// The stages (`PlannerRun`), in order:
/// 1. `relaxedDay`: the best day with no weekly constraint, a first bound;
/// 2. `greedy`: day-by-day construction with the exact day branch and bound;
/// 3. `bound`: Lagrangian relaxation of the weekly caps with column-generated multipliers
///    (see `LagrangianBound`), whose patterns and multipliers guide more weeks: a dive on the
///    master, a week of its patterns, a penalised construction;
/// 4. `fallbacks`: other day orders, scarcity penalties, the whole catalogue, exact enumeration
///    for small problems;
/// 5. `polish`: local search (exact single-day moves, heuristic pair moves);
/// 6. `tieBreaks`: among weeks at or above the score reference less the tolerance, more plants,
///    then preferred days, then distinct meals (heuristic: single-day moves in floor mode);
/// 7. the checks: the week must satisfy every constraint and score at most the bound, else the
///    failure is internal (`PlanningFailure.Kind.internalError`).
/// The score's searches (stages 2–4 and the pair moves of 5) run only while the best week is
/// more than half the score tolerance below the bound (`PlannerRun.open`). A better score would
/// not change the tie-breaks' floor, `bound − tolerance`; the half left over gives the
/// tie-breaks room to trade score.
/// Work is limited by counts (`PlannerConfiguration`), never by clocks, so the same problem and
/// seed give the same plan.
public struct Planner: Sendable {
    var configuration = PlannerConfiguration()

    public init() {}

    init(configuration: PlannerConfiguration) {
        self.configuration = configuration
    }

    public func solve(_ problem: PlanningProblem, seed: UInt64 = 0) throws(PlanningFailure) -> PlanSolution {
        try Self.validate(problem)
        let model = PlannerModel(problem)
        try FeasibilityCheck(problem: problem, model: model, budget: configuration.primalBudget).run()
        var run = PlannerRun(problem: problem, model: model, configuration: configuration, seed: seed)
        try run.relaxedDay()
        run.greedy()
        try run.bound()
        run.fallbacks()
        let scored = try run.polish()
        let scoredValue = problem.score(of: scored.days)
        if scoredValue > run.upperBound + 1e-9 {
            throw PlanningFailure.internalError("the proven bound \(run.upperBound) is below the score \(scoredValue) of a feasible week")
        }
        let reference = run.scoreReference()
        let week = run.tieBreaks(scored, reference: reference)
        var solution = try Self.verify(problem: problem, week: week.days, upperBound: run.upperBound,
                                       plantsBound: run.plantsBound(), reference: reference)
        solution.bestScore = max(solution.score, scoredValue)
        return solution
    }

    /// Problems no search can start on.
    static func validate(_ problem: PlanningProblem) throws(PlanningFailure) {
        guard problem.days >= 1 else { throw PlanningFailure("the plan needs at least one day") }
        guard !problem.slots.isEmpty else { throw PlanningFailure("the problem has no slots to fill") }
        guard problem.energy.lowerBound.isFinite, problem.energy.upperBound.isFinite else {
            throw PlanningFailure("the energy band \(PlannerText.band(problem.energy)) is not a finite range")
        }
    }

    /// The final checks: every constraint holds, the score is within the bound (a broken bound is
    /// an internal error, never hidden), and the solution's figures are recomputed from the week.
    static func verify(problem: PlanningProblem, week days: [[Int]], upperBound: Double, plantsBound: Int,
                       reference: Double) throws(PlanningFailure) -> PlanSolution {
        if let first = problem.violations(of: days).first {
            throw PlanningFailure.internalError("the planner could not produce a valid plan: \(first)")
        }
        let score = problem.score(of: days)
        guard score <= upperBound + 1e-9 else {
            throw PlanningFailure.internalError("the proven bound \(upperBound) is below the score \(score) of the plan")
        }
        let plants = problem.plants(of: days)
        guard plants <= plantsBound else {
            throw PlanningFailure.internalError("the plants bound \(plantsBound) is below the plan's \(plants) plants")
        }
        return PlanSolution(days: days, score: score, upperBound: upperBound, plants: plants, plantsBound: plantsBound,
                            preferredDays: problem.preferredDays(of: days), distinctMeals: problem.distinctMeals(of: days),
                            scoreReference: reference)
    }

    /// Items per slot the primal search considers on large catalogues: the best by standalone
    /// value, by value per kcal, the lightest and heaviest, the lowest on the limit rows, and
    /// every item of the Lagrangian day patterns. `nil` (all items) when slots are small.
    static func primalPool(model: PlannerModel, size: Int, extra: [[Int]]) -> [[Int]]? {
        guard model.candidates.contains(where: { $0.count > size }) else { return nil }
        var inPattern = [Bool](repeating: false, count: model.itemCount)
        for pattern in extra { for i in pattern { inPattern[i] = true } }
        let U = model.limitCount
        // Each row's scale: its right-hand side, or its largest coefficient when that is small.
        let scale = (0..<U).map { u in
            max(1e-9, abs(model.limits[u]).isFinite ? abs(model.limits[u]) : 0,
                (0..<model.itemCount).reduce(0.0) { max($0, abs(model.limited[$1 * U + u])) })
        }
        return model.candidates.map { list -> [Int] in
            if list.count <= size { return list }
            var keep = [Bool](repeating: false, count: model.itemCount)
            func take(_ count: Int, by key: (Int) -> Double) {
                // Each key once per item, not once per comparison.
                let keys = list.map(key)
                let ranked = list.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] > keys[b] : list[a] < list[b] }
                for position in ranked.prefix(count) { keep[list[position]] = true }
            }
            take(size, by: { model.standalone[$0] })
            take(size / 4, by: { model.standalone[$0] / max(1, model.kcal[$0]) })
            take(size / 8, by: { -model.kcal[$0] })
            take(size / 8, by: { model.kcal[$0] })
            take(size / 8, by: { i in -(0..<U).reduce(0.0) { $0 + model.limited[i * U + $1] / scale[$1] } })
            return list.filter { keep[$0] || inPattern[$0] }
        }
    }

    /// Why no week exists when every day can be filled on its own but the weekly limits cannot
    /// be met even by a fractional mix of days (proven by column generation).
    static func weekMessage(problem: PlanningProblem) -> String {
        var weekly = ["each meal's and addition's weekly maximum", "the no-consecutive-days rule"]
        let caps = problem.foodCaps.filter { $0.maxPerWeek != nil }.map(\.id)
        if !caps.isEmpty { weekly.append("the weekly caps on \(caps.joined(separator: ", "))") }
        // Name the per-day ratio limits too (saturated fat, the fibre ceiling): days that keep
        // them may be the scarce ones, as for a plant-based week whose legumes carry the fibre.
        let ratios = problem.ratioLimits.map(\.id)
        let limits = ratios.isEmpty ? "the daily limits" : "the daily limits (\(ratios.joined(separator: ", ")) among them)"
        return "no week fits: each day on its own can meet the energy band \(PlannerText.band(problem.energy)) and \(limits), "
            + "but too few such days can be made from the meals and additions allowed within "
            + weekly.joined(separator: ", ") + "; widen the energy band or exclude less"
    }

    /// Names what stops a day (or any day, when `day` is nil) from being filled.
    static func dayMessage(problem: PlanningProblem, model: PlannerModel, solver: DaySolver, day: Int?, blocked: [Bool],
                           candidates: [[Int]]?) -> String {
        let which = day.map { "day \($0 + 1)" } ?? "any day"
        let still = day == nil ? "" : " with the items the weekly limits leave"
        let extremes = model.extremes(blocked: blocked, candidates: candidates)
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
        for u in 0..<model.limitCount where extremes.minLimit[u] > model.limits[u] + eps {
            return "every combination for \(which) exceeds \(model.rowName(u, problem: problem))\(still)"
        }
        return "no \(combination) combination for \(which) fits the energy band \(PlannerText.band(problem.energy)) and the daily limits together\(still)"
    }
}
