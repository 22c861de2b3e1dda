extension GutPlan {
    /// The alternatives for one slot of a saved plan, everything else kept: found by `swap`,
    /// turned into a new plan by `swapped`.
    public struct Swap: Sendable {
        /// The week with one item in the swapped slot, and its objective's components.
        public struct Alternative: Sendable, Equatable {
            public var id: String
            public var name: String
            /// The week's score (`PlanningProblem.score(of:)`).
            public var score: Double
            /// The week's plants (`min(cap, distinct species)`).
            public var plants: Int
            public var preferredDays: Int
            public var distinctMeals: Int
            /// The whole week, as problem item indices (`PlanSolution.days`).
            public var days: [[Int]]
        }

        /// 1-based day and the slot swapped.
        public var day: Int
        public var slot: Slot
        /// The week as the file has it.
        public var current: Alternative
        /// Every other item allowed in the slot whose week breaks no constraint, best first.
        public var alternatives: [Alternative]
        /// The planning problem the file was checked against.
        public var problem: PlanningProblem
        let builder: ProblemBuilder
        let steps: [StressStep]
        let upperBound: Double
        /// The file's start date, servings, time limits and ramp, kept in the new plan.
        let start: CalendarDate?
        let servings: Int
        let options: PlanOptions
    }

    /// Why a saved plan does not fit the rules: the plan file is bad data.
    private static func mismatch(_ path: String, _ what: String) -> GutPlanError {
        .badData([Diagnostic(.error, "\(path.clipped(to: 200, keepEnd: true)): \(what): "
            + "the plan was made with other rules or edited by hand", at: nil)])
    }

    /// Reads a plan written by `gutplan plan --format json` (`text`, named `path` in messages),
    /// rebuilds the person's planning problem with these rules, checks the file against it, and
    /// lists the alternatives for `slot` on `day`.
    ///
    /// The file must match exactly: every item exists in the problem and fits its slot, every
    /// stress step is one the rules schedule, the week breaks no constraint, and its score (within
    /// 1e-6) and plants are what the problem gives. Any mismatch is `.badData` naming it. A `day`
    /// outside the plan or a slot the planner does not fill is `.invalidRequest`.
    ///
    /// Alternatives are ranked as the planner ranks weeks: weeks whose score is within the
    /// problem's `scoreTolerance` of the best of the weeks compared (the current one included)
    /// come first, ordered by plants, preferred days, distinct meals, then score; the others
    /// follow by score, then the same tie-breaks; equal weeks go by item id.
    public func swap(planJSON text: String, path: String, day: Int, slot: Slot) throws(GutPlanError) -> Swap {
        let saved = try SavedPlan(json: text, path: path)
        let assessment: Assessment
        do {
            assessment = try assess(saved.profile)
        } catch {
            if case .invalidRequest(let message) = error { throw Self.mismatch(path, "its profile: \(message)") }
            throw error
        }
        var options = PlanOptions(servings: saved.servings)
        options.maxMinutes = saved.maxMinutes
        options.ramp = saved.ramp
        let builder = ProblemBuilder(knowledge: knowledge, profile: saved.profile, assessment: assessment, options: options,
                                     portionScale: saved.portionScale)
        let problem = builder.problem()
        guard saved.days.count == problem.days else {
            if saved.days.count % problem.days == 0 {
                throw .invalidRequest("swap works on one-week plans; \(path.clipped(to: 200, keepEnd: true)) has "
                    + "\(saved.days.count) days (swap in a plan of one week)")
            }
            throw Self.mismatch(path, "it has \(saved.days.count) days, not \(problem.days)")
        }
        let (week, steps) = try Self.week(of: saved, problem: problem, builder: builder, assessment: assessment, path: path)
        let broken = problem.violations(of: week)
        if !broken.isEmpty {
            throw Self.mismatch(path, "the week breaks these rules' constraints (" + broken.prefix(5).joined(separator: "; ")
                + (broken.count > 5 ? "; and \(broken.count - 5) more" : "") + ")")
        }
        let score = problem.score(of: week)
        guard abs(score - saved.score) <= 1e-6 else {
            throw Self.mismatch(path, "score \(Self.number(saved.score)) in the file, \(Self.number(score)) with these rules")
        }
        let plants = problem.plants(of: week)
        if let filed = saved.plants, filed != plants {
            throw Self.mismatch(path, "plants \(filed) in the file, \(plants) with these rules")
        }
        guard saved.upperBound >= score - 1e-6, saved.upperBound <= 1 + 1e-9 else {
            throw Self.mismatch(path, "upper_bound \(Self.number(saved.upperBound)) in the file cannot bound the score \(Self.number(score))")
        }
        guard (1...problem.days).contains(day) else {
            throw .invalidRequest("day \(day): the plan has days 1 to \(problem.days)")
        }
        guard let s = problem.slots.firstIndex(of: slot) else {
            throw .invalidRequest("the \(slot.rawValue) slot cannot be swapped; choose "
                + problem.slots.map(\.rawValue).joined(separator: ", "))
        }
        let d = day - 1
        let current = Self.alternative(week[d][s], days: week, problem: problem, builder: builder)
        var found: [Swap.Alternative] = []
        for i in problem.items.indices where i != week[d][s] && problem.items[i].slots.contains(slot) {
            var days = week
            days[d][s] = i
            guard problem.violations(of: days).isEmpty else { continue }
            found.append(Self.alternative(i, days: days, problem: problem, builder: builder))
        }
        let best = found.reduce(current.score) { max($0, $1.score) }
        let ranked = Self.ranked(found, best: best, problem: problem)
        return Swap(day: day, slot: slot, current: current, alternatives: ranked, problem: problem, builder: builder,
                    steps: steps, upperBound: saved.upperBound, start: saved.start, servings: saved.servings,
                    options: options)
    }

    /// The plan with alternative `pick` (1-based, in `swap.alternatives`) in the slot, assembled
    /// as `plan` assembles a week, so every derived figure is recomputed, with the file's start
    /// date and servings. The upper bound is the file's: the problem is the same, so its proven
    /// bound still holds.
    public func swapped(_ swap: Swap, pick: Int) throws(GutPlanError) -> MealPlan {
        guard !swap.alternatives.isEmpty else {
            throw .invalidRequest("no other item fits day \(swap.day) \(swap.slot.rawValue), so there is nothing to pick")
        }
        guard (1...swap.alternatives.count).contains(pick) else {
            throw .invalidRequest("pick \(pick): there \(swap.alternatives.count == 1 ? "is 1 alternative" : "are \(swap.alternatives.count) alternatives"); pick 1 to \(swap.alternatives.count)")
        }
        let chosen = swap.alternatives[pick - 1]
        let problem = swap.problem
        guard problem.violations(of: chosen.days).isEmpty else {
            throw .internalFailure("the swapped week breaks a constraint: \(problem.violations(of: chosen.days)[0])")
        }
        let available = Set(problem.items.flatMap(\.plants)).count
        let solution = PlanSolution(days: chosen.days, score: chosen.score, upperBound: max(swap.upperBound, chosen.score),
                                    plants: chosen.plants, plantsBound: min(problem.plantsCap, available),
                                    preferredDays: chosen.preferredDays, distinctMeals: chosen.distinctMeals)
        let week = swap.builder.mealPlan(problem: problem, solution: solution, steps: swap.steps)
        guard var plan = MealPlan.joining([week]) else { throw .internalFailure("no week was assembled") }
        // As the facade finishes a week: the ramp note and the retest reminders.
        if let note = swap.builder.rampNote() { plan.notes.append(note) }
        plan.retests = swap.builder.retests()
        // And as the file had it: people at the table, and the dates (which date the retests).
        plan.servings = swap.servings
        plan.maxMinutes = swap.options.maxMinutes
        plan.rampRequested = swap.options.ramp
        if let start = swap.start { plan = plan.dated(start: start) }
        return plan
    }

    /// The file's week as problem item indices, and its stress steps; any item that is not in the
    /// problem, does not fit its slot, or is missing or doubled is a named mismatch.
    private static func week(of saved: SavedPlan, problem: PlanningProblem, builder: ProblemBuilder,
                             assessment: Assessment, path: String) throws(GutPlanError) -> ([[Int]], [StressStep]) {
        let knowledge = builder.knowledge
        var index: [String: Int] = [:]
        for (i, item) in problem.items.enumerated() where index[item.id] == nil { index[item.id] = i }
        var week: [[Int]] = []
        var steps: [StressStep] = []
        for (d, entries) in saved.days.enumerated() {
            var day: [Int] = []
            for slot in problem.slots {
                let here = entries.filter { $0.slot == slot }
                let place = "day \(d + 1) \(slot.rawValue)"
                guard here.count == 1 else {
                    throw mismatch(path, here.isEmpty ? "\(place) is empty" : "\(place) has \(here.count) items")
                }
                let id = here[0].id
                let shown = "'\(id.clipped(to: 80))'"
                guard let i = index[id] else {
                    let known = knowledge.meals.contains { $0.id == id } || knowledge.food(id: id) != nil
                    throw mismatch(path, known
                        ? "\(place): \(shown) is not allowed for this profile by these rules (diet, exclusions, a cap or the rules' additions)"
                        : "\(place): \(shown) is not a meal or food of these rules")
                }
                guard problem.items[i].slots.contains(slot) else {
                    throw mismatch(path, "\(place): \(shown) cannot fill the \(slot.rawValue) slot")
                }
                day.append(i)
            }
            let stress = entries.filter { $0.slot == .stress }
            guard stress.count == 1 else {
                throw mismatch(path, "day \(d + 1) has \(stress.count) stress steps, not 1")
            }
            guard let step = knowledge.steps.first(where: { $0.id == stress[0].id }),
                  assessment.steps.contains(where: { $0.step == step.id }) else {
                throw mismatch(path, "day \(d + 1) stress: '\(stress[0].id.clipped(to: 80))' is not a step these rules schedule")
            }
            if let other = entries.first(where: { $0.slot != .stress && !problem.slots.contains($0.slot) }) {
                throw mismatch(path, "day \(d + 1) has an item in the \(other.slot.rawValue) slot, which these rules do not plan")
            }
            week.append(day)
            steps.append(step)
        }
        return (week, steps)
    }

    private static func alternative(_ item: Int, days: [[Int]], problem: PlanningProblem,
                                    builder: ProblemBuilder) -> Swap.Alternative {
        Swap.Alternative(id: problem.items[item].id, name: builder.entries[item].name, score: problem.score(of: days),
                         plants: problem.plants(of: days), preferredDays: problem.preferredDays(of: days),
                         distinctMeals: problem.distinctMeals(of: days), days: days)
    }

    /// The planner's order of weeks (`WeekKey`): within the score tolerance of `best`, the
    /// tie-breaks first (`isBetter(than:floor:)`); below it, score first (`isBetter(than:)`);
    /// equal weeks by item id.
    static func ranked(_ list: [Swap.Alternative], best: Double, problem: PlanningProblem) -> [Swap.Alternative] {
        let days = Double(problem.days)
        let tolerance = max(0, problem.scoreTolerance.isFinite ? problem.scoreTolerance : 0)
        let floor = days * (best - tolerance)
        func key(_ a: Swap.Alternative) -> WeekKey {
            WeekKey(score: a.score * days, plants: a.plants, preferred: a.preferredDays, meals: a.distinctMeals)
        }
        return list.sorted { a, b in
            let (ka, kb) = (key(a), key(b))
            let (inA, inB) = (ka.score >= floor - 1e-9, kb.score >= floor - 1e-9)
            if inA != inB { return inA }
            if inA {
                if ka.isBetter(than: kb, floor: floor) { return true }
                if kb.isBetter(than: ka, floor: floor) { return false }
            } else {
                if ka.isBetter(than: kb) { return true }
                if kb.isBetter(than: ka) { return false }
            }
            return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
    }

    static func number(_ value: Double) -> String { DecimalText.format(value, maxFractionDigits: 6) }
}
