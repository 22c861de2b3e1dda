import Foundation

/// The library's front door: load a rule directory once, then assess profiles and plan weeks.
public struct GutPlan: Sendable {
    let knowledge: KnowledgeBase
    /// What loading found questionable but not wrong: rules that can never fire, shadowed
    /// rules, nutrients no rule covers (`gutplan rules check` prints them).
    public let warnings: [Diagnostic]

    init(knowledge: KnowledgeBase, warnings: [Diagnostic] = []) {
        self.knowledge = knowledge
        self.warnings = warnings
    }

    /// Loads and validates a rule directory: `.missingInput` when it or a data file is missing or
    /// unreadable (the message says why), `.badData` with every problem when it is invalid.
    /// `warnings: false` skips the checks that can only warn (rules that never fire, shadowed
    /// rules, uncovered nutrients; about 1 ms): the knowledge and any errors are the same, but
    /// `warnings` then lacks those.
    public static func load(rules directory: String, warnings: Bool = true) throws(GutPlanError) -> GutPlan {
        let result = KnowledgeBase.loadResult(directory: directory, warnings: warnings)
        switch result.failure {
        case .missing(let paths):
            throw .missingInput(paths.count == 1 && paths[0] == directory
                ? "cannot read rule directory \(directory): " + Self.whyUnreadable(directory, expectingFolder: true)
                : "cannot read " + paths.map { "\($0): " + Self.whyUnreadable($0) }.joined(separator: "; "))
        case .invalid:
            throw .badData(result.diagnostics.filter { $0.severity == .error })
        case nil:
            guard let knowledge = result.knowledge else { throw .badData(result.diagnostics) }
            return GutPlan(knowledge: knowledge, warnings: result.diagnostics.filter { $0.severity == .warning })
        }
    }

    /// Runs the rules on a profile after checking it.
    public func assess(_ profile: Profile) throws(GutPlanError) -> Assessment {
        try validate(profile)
        do {
            return try RuleEngine(knowledge: knowledge).run(profile)
        } catch {
            throw .badData([error.diagnostic])
        }
    }

    /// Everything one planning run produced, for every output format and `explain`. `problem`
    /// and `solution` are the first week's; `plan` holds every week.
    public struct Outcome: Sendable {
        public var assessment: Assessment
        public var problem: PlanningProblem
        public var solution: PlanSolution
        public var plan: MealPlan
    }

    /// The most weeks one plan may run.
    public static let maxWeeks = 12

    /// Assesses the profile, builds the planning problem, solves it and assembles the week.
    /// `beforeSolving` sees the problem first (to write it with `--emit-problem` even when no
    /// plan turns out to be possible).
    public func plan(_ profile: Profile, seed: UInt64 = 0,
                     beforeSolving: (PlanningProblem) throws(GutPlanError) -> Void = { _ in }) throws(GutPlanError) -> Outcome {
        try plan(profile, options: PlanOptions(seed: seed), beforeSolving: beforeSolving)
    }

    /// Plans with layout and scheduling options (start date, weeks, servings, locks, ...).
    ///
    /// Weeks are planned one after another: week `w` leaves out every meal of week `w − 1`
    /// (unless a lock asks for it), so no meal repeats from the week before. `beforeSolving`
    /// sees the first week's problem.
    public func plan(_ profile: Profile, options: PlanOptions,
                     beforeSolving: (PlanningProblem) throws(GutPlanError) -> Void = { _ in }) throws(GutPlanError) -> Outcome {
        guard (1...Self.maxWeeks).contains(options.weeks) else {
            throw .invalidRequest("a plan runs 1 to \(Self.maxWeeks) weeks, not \(options.weeks)")
        }
        var profile = profile
        if profile.energy == nil {
            profile.energy = knowledge.energyBand(sex: profile.sex, age: profile.age, activity: profile.activity)
                ?? Profile.defaultEnergy(for: profile.sex)
        }
        let assessment = try assess(profile)
        try checkLocks(options, profile: profile)
        var first: (problem: PlanningProblem, solution: PlanSolution)?
        var weeks: [MealPlan] = []
        var previousMeals: [String] = []
        var portionScale: Double?
        var rampNote: String?
        var retests: [MealPlan.Retest] = []
        for week in 1...options.weeks {
            var weekProfile = profile
            var weekOptions = options
            weekOptions.locks = options.locks.filter { ($0.day - 1) / 7 == week - 1 }
                .map { PlanOptions.Lock(day: ($0.day - 1) % 7 + 1, slot: $0.slot, item: $0.item) }
            let locked = Set(weekOptions.locks.map(\.item))
            weekProfile.exclude += previousMeals.filter { !locked.contains($0) && !profile.exclude.contains($0) }
            let builder = ProblemBuilder(knowledge: knowledge, profile: weekProfile, assessment: assessment,
                                         options: weekOptions, week: week, portionScale: portionScale)
            // Later weeks keep week 1's portions (their catalogue lacks the meals of the week before).
            portionScale = builder.portionScale
            let problem = builder.problem()
            for lock in weekOptions.locks where !problem.items.contains(where: { $0.id == lock.item && $0.slots.contains(lock.slot) }) {
                throw .noPlan("\(Self.describe(profile)): lock \(lock.day + 7 * (week - 1)):\(lock.slot.rawValue)=\(lock.item) "
                    + "cannot be planned: \(builder.whyLeftOut(lock: lock.item, slot: lock.slot))")
            }
            if week == 1 {
                try beforeSolving(problem)
                if let message = (builder.supplementProblems() + builder.fodmapProblems()).first {
                    throw .noPlan("\(Self.describe(profile)): \(message)")
                }
                rampNote = builder.rampNote()
                retests = builder.retests()
            }
            let steps: [StressStep]
            let solution: PlanSolution
            do {
                steps = try builder.stressSchedule(seed: options.seed &+ UInt64(week - 1), days: problem.days)
                solution = try Planner().solve(problem, seed: options.seed)
            } catch {
                if error.isInternal {
                    throw .internalFailure(error.message)
                }
                let which = options.weeks > 1 ? " (week \(week), after leaving out the meals of the week before)" : ""
                throw .noPlan("\(Self.describe(profile))\(which): \(error.message)")
            }
            if first == nil { first = (problem, solution) }
            let plan = builder.mealPlan(problem: problem, solution: solution, steps: steps)
            previousMeals = plan.days.flatMap(\.items).filter { $0.kind == .meal }.map(\.id)
            weeks.append(plan)
        }
        guard let first, var joined = MealPlan.joining(weeks) else {
            throw .internalFailure("no week was planned")
        }
        joined.servings = max(options.servings, 1)
        joined.maxMinutes = options.maxMinutes
        joined.rampRequested = options.ramp
        // Retests first, so that dating the plan dates them too.
        joined.retests = retests
        if let start = options.start { joined = try joined.dated(start: start) }
        if let rampNote { joined.notes.append(rampNote) }
        return Outcome(assessment: assessment, problem: first.problem, solution: first.solution, plan: joined)
    }

    /// Every lock names a day of the plan, a meal or addition slot, and a known meal or food;
    /// a lock that the diet or exclusions rule out is "no plan" and names both.
    func checkLocks(_ options: PlanOptions, profile: Profile) throws(GutPlanError) {
        let days = 7 * options.weeks
        for lock in options.locks {
            let shown = "lock \(lock.day):\(lock.slot.rawValue)=\(lock.item.clipped(to: 80))"
            guard (1...days).contains(lock.day) else { throw .invalidRequest("\(shown): the plan has days 1 to \(days)") }
            guard Slot.planned.contains(lock.slot) else {
                throw .invalidRequest("\(shown): only meal and addition slots can be locked")
            }
            if let meal = knowledge.meals.first(where: { $0.id == lock.item }) {
                guard meal.slots.contains(lock.slot) else {
                    throw .invalidRequest("\(shown): \(meal.name) is a \(meal.slots.map(\.rawValue).joined(separator: " or ")) meal")
                }
            } else if let food = knowledge.food(id: lock.item) {
                guard lock.slot == .fermented || lock.slot == .prebiotic else {
                    throw .invalidRequest("\(shown): a food can only be locked as the fermented or prebiotic addition")
                }
                guard food.tags.contains(lock.slot.rawValue) else {
                    throw .invalidRequest("\(shown): \(food.name) is not a \(lock.slot.rawValue) food")
                }
            } else {
                let hint = Suggestion.closest(to: lock.item, among: knowledge.meals.map(\.id) + knowledge.foods.map(\.id))
                    .map { " (did you mean '\($0)'?)" } ?? ""
                throw .invalidRequest("\(shown): no meal or food has that id\(hint)")
            }
        }
        let byDay = Dictionary(grouping: options.locks) { "\($0.day):\($0.slot.rawValue)" }
        if let clash = byDay.first(where: { $0.value.count > 1 }) {
            throw .invalidRequest("two locks for day \(clash.key): one item per slot")
        }
    }

    /// The constraints a person chose, to put a planner failure in their terms:
    /// "vegan diet, excluding nuts and soy, 1600–2400 kcal".
    static func describe(_ profile: Profile) -> String {
        var text = "\(profile.diet.rawValue) diet" + (profile.lowFODMAP ? ", low-FODMAP" : "")
        if !profile.exclude.isEmpty {
            let names = profile.exclude
            text += ", excluding " + (names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1])
        }
        let band = profile.energyBand
        return text + ", \(Int(band.lowerBound.rounded()))–\(Int(band.upperBound.rounded())) kcal a day"
    }

    /// Refuses profiles the knowledge base cannot serve, with messages a person can act on.
    func validate(_ profile: Profile) throws(GutPlanError) {
        guard AgeBand(age: profile.age) != nil else {
            throw .invalidRequest("age \(profile.age) is not supported: gutplan's reference intakes are for adults (19 or older)")
        }
        for id in profile.confirmed.union(profile.suspected).sorted() {
            guard let nutrient = knowledge.nutrients.first(where: { $0.id == id }) else {
                throw .invalidRequest("unknown nutrient '\(id)'")
            }
            if nutrient.targets.isEmpty {
                throw .invalidRequest("\(nutrient.name) has no daily target to plan for, so it cannot be flagged")
            }
        }
        for name in profile.exclude { _ = try excludable(name) }
        if let energy = profile.energy, !(energy.lowerBound > 0 && energy.lowerBound.isFinite && energy.upperBound.isFinite) {
            throw .invalidRequest("the energy band must be positive kcal, as MIN-MAX")
        }
    }
}

extension GutPlan {
    /// Why `path` cannot be read as a file (or a folder with `expectingFolder`): it does not
    /// exist, is the wrong kind of file, or the system's reason (`strerror`) for refusing it.
    static func whyUnreadable(_ path: String, expectingFolder: Bool = false) -> String {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { return "it does not exist" }
        if expectingFolder {
            guard isFolder.boolValue else { return "it is not a directory" }
            return manager.isReadableFile(atPath: path) ? "it cannot be listed" : "permission denied"
        }
        if isFolder.boolValue { return "it is a directory, not a file" }
        let resolved = (path as NSString).resolvingSymlinksInPath
        if let type = (try? manager.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType, type != .typeRegular {
            return "it is not a regular file"
        }
        return manager.isReadableFile(atPath: path) ? "it could not be read" : "permission denied"
    }
}
