import Foundation

/// The library's front door: load a rule directory once, then assess profiles and plan weeks.
public struct GutPlan: Sendable {
    public let knowledge: KnowledgeBase
    /// What loading found questionable but not wrong: rules that can never fire, shadowed
    /// rules, nutrients no rule covers (`gutplan rules check` prints them).
    public let warnings: [Diagnostic]

    public init(knowledge: KnowledgeBase, warnings: [Diagnostic] = []) {
        self.knowledge = knowledge
        self.warnings = warnings
    }

    /// Loads and validates a rule directory: exit 66 when it is missing, 65 when it is invalid.
    public static func load(rules directory: String) throws(GutPlanError) -> GutPlan {
        let result = KnowledgeBase.loadResult(directory: directory)
        switch result.failure {
        case .missing(let paths):
            throw .missingInput(paths.count == 1 && paths[0] == directory
                ? "rule directory '\(directory)' not found (give --rules DIR or set GUTPLAN_RULES)"
                : "missing in the rule directory: " + paths.joined(separator: ", "))
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

    /// Everything one planning run produced, for every output format and `explain`.
    public struct Outcome: Sendable {
        public var assessment: Assessment
        public var problem: PlanningProblem
        public var solution: PlanSolution
        public var plan: MealPlan
    }

    /// Assesses the profile, builds the planning problem, solves it and assembles the week.
    /// `beforeSolving` sees the problem first (to write it with `--emit-problem` even when no
    /// plan turns out to be possible).
    public func plan(_ profile: Profile, seed: UInt64 = 0,
                     beforeSolving: (PlanningProblem) throws(GutPlanError) -> Void = { _ in }) throws(GutPlanError) -> Outcome {
        try plan(profile, options: PlanOptions(seed: seed), beforeSolving: beforeSolving)
    }

    /// Plans with layout and scheduling options (start date, servings, locks, ...).
    public func plan(_ profile: Profile, options: PlanOptions,
                     beforeSolving: (PlanningProblem) throws(GutPlanError) -> Void = { _ in }) throws(GutPlanError) -> Outcome {
        let seed = options.seed
        var profile = profile
        if profile.energy == nil {
            profile.energy = knowledge.energyBand(sex: profile.sex, age: profile.age, activity: profile.activity)
                ?? Profile.defaultEnergy(for: profile.sex)
        }
        let assessment = try assess(profile)
        let builder = ProblemBuilder(knowledge: knowledge, profile: profile, assessment: assessment, options: options)
        let problem = builder.problem()
        if let problem = (builder.supplementProblems() + builder.fodmapProblems()).first {
            try beforeSolving(builder.problem())
            throw .noPlan("\(Self.describe(profile)): \(problem)")
        }
        try beforeSolving(problem)
        let steps: [StressStep]
        let solution: PlanSolution
        do {
            steps = try builder.stressSchedule(seed: seed, days: problem.days)
            solution = try Planner().solve(problem, seed: seed)
        } catch {
            throw .noPlan("\(Self.describe(profile)): \(error.message)")
        }
        var plan = builder.mealPlan(problem: problem, solution: solution, steps: steps)
        if let note = builder.rampNote() { plan.notes.append(note) }
        plan.retests = builder.retests()
        return Outcome(assessment: assessment, problem: problem, solution: solution, plan: plan)
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
            throw .usage("age \(profile.age) is not supported: gutplan's reference intakes are for adults (19 or older)")
        }
        for id in profile.confirmed.union(profile.suspected).sorted() {
            guard let nutrient = knowledge.nutrients.first(where: { $0.id == id }) else {
                throw .usage("unknown nutrient '\(id)'")
            }
            if nutrient.targets.isEmpty {
                throw .usage("\(nutrient.name) has no daily target to plan for, so it cannot be flagged")
            }
        }
        for name in profile.exclude { _ = try excludable(name) }
        if let energy = profile.energy, !(energy.lowerBound > 0 && energy.lowerBound.isFinite && energy.upperBound.isFinite) {
            throw .usage("the energy band must be positive kcal, as MIN-MAX")
        }
    }
}
