/// "Start low, go slow": fermented and prebiotic additions at smaller servings on the first
/// days of the week (`Rules/ramp.csv`), as items restricted to those days.
extension ProblemBuilder {
    /// Whether additions ramp up: asked for (`PlanOptions.ramp`), or a gut symptom was reported
    /// (`gut` = `yes` in `symptoms.csv`); never without a ramp table. Only the first week's
    /// problem ramps (`ProblemBuilder.week`); later weeks have full servings.
    static func rampsUp(knowledge: KnowledgeBase, profile: Profile, options: PlanOptions) -> Bool {
        guard !knowledge.ramp.isEmpty else { return false }
        return options.ramp || knowledge.symptoms.contains { $0.gut && profile.symptoms.contains($0.id) }
    }

    /// Each addition followed by one variant per ramp step below a full serving (`kefir@0.25`,
    /// allowed on that step's days); the full serving keeps the days no smaller step covers.
    /// Meals are untouched.
    static func rampedEntries(_ entries: [Entry], steps: [RampStep], knowledge: KnowledgeBase, diet: Diet,
                              days: Int = 7) -> [Entry] {
        let partial = steps.filter { $0.servings < 1 }
        guard !partial.isEmpty else { return entries }
        let rampDays = Set(partial.flatMap { Array($0.days) })
        var result: [Entry] = []
        for entry in entries {
            guard entry.kind != .meal, entry.portions.count == 1 else {
                result.append(entry)
                continue
            }
            var full = entry
            full.days = (1...days).filter { !rampDays.contains($0) }
            result.append(full)
            for step in partial {
                var variant = entry
                variant.id = "\(entry.id)@\(number(step.servings))"
                variant.name = "\(entry.name) (\(servingText(step.servings)) serving, starting low)"
                variant.portions = entry.portions.map { Meal.Portion(food: $0.food, servings: $0.servings * step.servings) }
                variant.absorption = knowledge.absorption.map { model in
                    MealAbsorption(portions: zip(variant.portions, variant.foods).map { ($1, $0.servings) }, model: model, diet: diet)
                }
                variant.days = Array(step.days).filter { $0 <= days }
                result.append(variant)
            }
        }
        return result
    }

    /// `1/4`, `1/2`, `3/4`, or the decimal.
    static func servingText(_ servings: Double) -> String {
        switch servings {
        case 0.25: return "1/4"
        case 0.5: return "1/2"
        case 0.75: return "3/4"
        default: return number(servings)
        }
    }

    /// One cap per ramped addition: all its variants together at most `additionMaxPerWeek`
    /// days a week, as the addition alone would be.
    func rampCaps() -> [PlanningProblem.FoodCap] {
        var groups: [String: [String]] = [:]
        var order: [String] = []
        for entry in entries where entry.kind != .meal && entry.days != nil {
            let base = entry.id.split(separator: "@", maxSplits: 1).first.map(String.init) ?? entry.id
            if groups[base] == nil { order.append(base) }
            groups[base, default: []].append(entry.id)
        }
        return order.compactMap { base in
            guard let ids = groups[base], ids.count > 1 else { return nil }
            return PlanningProblem.FoodCap(id: "ramp:\(base)", maxPerDay: nil, maxPerWeek: Double(Self.additionMaxPerWeek),
                                           amounts: Dictionary(uniqueKeysWithValues: ids.map { ($0, 1.0) }))
        }
    }

    /// The plan's note on the ramp, built from `ramp.csv`; `nil` when additions do not ramp up.
    func rampNote() -> String? {
        guard week == 1, Self.rampsUp(knowledge: knowledge, profile: profile, options: options) else { return nil }
        let partial = knowledge.ramp.filter { $0.servings < 1 }
        guard !partial.isEmpty else { return nil }
        let steps = partial.map { step in
            "\(Self.servingText(step.servings)) serving on \(Self.dayRange(step.days))"
        }
        let firstFull = (partial.map(\.days.upperBound).max() ?? 0) + 1
        let sources = Array(Set(knowledge.ramp.map(\.source))).sorted()
        return "Start low, go slow: fermented and prebiotic additions start small, " + steps.joined(separator: ", ")
            + ", and full servings from day \(firstFull), so the gut can adjust to new fibre and live cultures ("
            + sources.joined(separator: "; ") + ")."
    }

    static func dayRange(_ days: ClosedRange<Int>) -> String {
        days.lowerBound == days.upperBound ? "day \(days.lowerBound)" : "days \(days.lowerBound)-\(days.upperBound)"
    }
}
