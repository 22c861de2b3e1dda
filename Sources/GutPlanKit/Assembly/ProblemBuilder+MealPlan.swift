extension ProblemBuilder {
    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Assembles the finished week from the planner's solution.
    func mealPlan(problem: PlanningProblem, solution: PlanSolution, steps: [StressStep]) -> MealPlan {
        let targets = Dictionary(uniqueKeysWithValues: reported.map {
            ($0.id, $0.target(sex: profile.sex, band: band) ?? 0)
        })
        var days: [MealPlan.Day] = []
        var servings: [String: Double] = [:]
        for (dayIndex, chosen) in solution.days.enumerated() {
            var items: [MealPlan.Item] = []
            var totals: [String: Double] = ["kcal": 0]
            for (slotIndex, itemIndex) in chosen.enumerated() {
                let entry = entries[itemIndex]
                let problemItem = problem.items[itemIndex]
                var amounts: [String: Double] = [:]
                for (termIndex, term) in terms.enumerated() {
                    totals[term.id, default: 0] += problemItem.amounts[termIndex]
                    if targets[term.id] != nil { amounts[term.id] = problemItem.amounts[termIndex] }
                }
                totals["kcal", default: 0] += problemItem.kcal
                for portion in entry.portions { servings[portion.food, default: 0] += portion.servings }
                items.append(MealPlan.Item(
                    slot: problem.slots[slotIndex], kind: entry.kind, id: entry.id, name: entry.name,
                    kcal: problemItem.kcal, foods: entry.portions, nutrients: amounts,
                    covers: reported.map(\.id).filter { amounts[$0, default: 0] >= 0.1 * (targets[$0] ?? .infinity) },
                    why: reasons(for: entry), detail: nil))
            }
            if dayIndex < steps.count {
                let step = steps[dayIndex]
                items.append(MealPlan.Item(
                    slot: .stress, kind: .stress, id: step.id, name: step.name, kcal: nil, foods: [], nutrients: [:],
                    covers: [], why: assessment.steps.filter { $0.step == step.id }.map(\.rule),
                    detail: "\(step.minutes) min: \(step.how)"))
            }
            var coverage: [String: Double] = [:]
            for (id, target) in targets { coverage[id] = min(1, totals[id, default: 0] / target) }
            days.append(MealPlan.Day(number: dayIndex + 1, name: Self.dayNames[dayIndex % 7], items: items,
                                     totals: totals, coverage: coverage))
        }
        let summaries = reported.map { nutrient in
            MealPlan.NutrientSummary(
                id: nutrient.id, name: nutrient.name, unit: nutrient.unit, csvName: nutrient.csvName,
                target: targets[nutrient.id] ?? 0, weight: assessment.weights[nutrient.id] ?? 0,
                status: assessment.flags[nutrient.id]?.status,
                mean: days.isEmpty ? 0 : days.reduce(0) { $0 + ($1.coverage[nutrient.id] ?? 0) } / Double(days.count))
        }
        let shopping = servings.keys.compactMap { id -> MealPlan.ShoppingEntry? in
            guard let food = knowledge.food(id: id), let count = servings[id] else { return nil }
            return MealPlan.ShoppingEntry(food: id, name: food.name, servings: count, grams: count * food.grams)
        }.sorted { ($0.name, $0.food) < ($1.name, $1.food) }
        var resolved = profile
        resolved.energy = profile.energyBand
        var limits: [String: Double] = [:]
        for term in problem.nutrients { if let limit = term.upperLimit { limits[term.id] = limit } }
        return MealPlan(profile: resolved, flags: assessment.flags.mapValues(\.status), score: solution.score,
                        upperBound: solution.upperBound, days: days, nutrients: summaries, upperLimits: limits,
                        notes: assessment.notes, shopping: shopping)
    }

    /// The rules behind an item: those that prefer one of its foods, or that added it.
    func reasons(for entry: Entry) -> [String] {
        var rules: [String] = []
        for portion in entry.portions {
            for rule in assessment.preferred[portion.food] ?? [] where !rules.contains(rule) { rules.append(rule) }
        }
        if entry.kind != .meal {
            for slot in entry.slots {
                for added in assessment.additions[slot] ?? [] where added.food == entry.id && !rules.contains(added.rule) {
                    rules.append(added.rule)
                }
            }
        }
        return rules
    }
}
