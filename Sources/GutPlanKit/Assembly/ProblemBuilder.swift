/// Turns a knowledge base, a profile and the engine's assessment into the planner's problem,
/// and the planner's solution back into a `MealPlan`.
struct ProblemBuilder {
    let knowledge: KnowledgeBase
    let profile: Profile
    let assessment: Assessment
    let band: AgeBand
    /// Nutrients in the problem: weighted ones with a target, and every one with an upper limit.
    let terms: [Nutrient]
    /// The subset of `terms` the person's plan reports on (weighted, with a target).
    let reported: [Nutrient]
    /// The allowed catalogue, aligned with `PlanningProblem.items`.
    let entries: [Entry]

    /// A meal or an addition that fits the diet and exclusions.
    struct Entry {
        var kind: MealPlan.Kind
        var id: String
        var name: String
        var slots: [Slot]
        var portions: [Meal.Portion]
    }

    static let mealMaxPerWeek = 2
    static let additionMaxPerWeek = 4

    init(knowledge: KnowledgeBase, profile: Profile, assessment: Assessment) {
        self.knowledge = knowledge
        self.profile = profile
        self.assessment = assessment
        let band = AgeBand(age: profile.age) ?? .from19to30
        self.band = band
        let sex = profile.sex
        let weight = { (n: Nutrient) in assessment.weights[n.id] ?? 0 }
        terms = knowledge.nutrients.filter {
            (weight($0) > 0 && ($0.target(sex: sex, band: band) ?? 0) > 0) || $0.upperLimit(band: band) != nil
        }
        reported = terms.filter { weight($0) > 0 && ($0.target(sex: sex, band: band) ?? 0) > 0 }

        let excludedTags = profile.diet.excludedTags.union(profile.exclude).union(assessment.avoid)
        let foodsByID = Dictionary(knowledge.foods.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let allowed: (String) -> Bool = { id in
            guard let food = foodsByID[id], !excludedTags.contains(id) else { return false }
            return food.tags.isDisjoint(with: excludedTags)
        }
        var entries: [Entry] = knowledge.meals
            .filter { meal in meal.portions.allSatisfy { allowed($0.food) } }
            .map { Entry(kind: .meal, id: $0.id, name: $0.name, slots: $0.slots, portions: $0.portions) }
        // An addition is one serving of a food; a food added in both roles is one item in two slots.
        var additionIndex: [String: Int] = [:]
        for (slot, tag) in [(Slot.fermented, "fermented"), (Slot.prebiotic, "prebiotic")] {
            for (food, _) in assessment.additions[slot] ?? [] {
                guard allowed(food), let item = foodsByID[food], item.tags.contains(tag) else { continue }
                if let index = additionIndex[food] {
                    entries[index].slots.append(slot)
                } else {
                    additionIndex[food] = entries.count
                    entries.append(Entry(kind: slot == .fermented ? .fermented : .prebiotic, id: food, name: item.name,
                                         slots: [slot], portions: [Meal.Portion(food: food, servings: 1)]))
                }
            }
        }
        self.entries = entries
    }

    /// Amount of a nutrient in some portions; unknown values count as 0.
    func amount(of nutrient: Nutrient, in portions: [Meal.Portion]) -> Double {
        knowledge.amount(of: nutrient, in: portions) ?? 0
    }

    func kcal(of portions: [Meal.Portion]) -> Double {
        knowledge.nutrient(id: "energy").map { amount(of: $0, in: portions) } ?? 0
    }

    /// The planning problem: every allowed item with its amounts, and the flagged nutrients'
    /// targets, weights and limits. It checks nothing: the planner finds infeasibility.
    func problem() -> PlanningProblem {
        let preferred = Set(assessment.preferred.keys)
        let items = entries.map { entry in
            PlanningProblem.Item(
                id: entry.id, slots: entry.slots, kcal: kcal(of: entry.portions),
                maxPerWeek: entry.kind == .meal ? Self.mealMaxPerWeek : Self.additionMaxPerWeek,
                noConsecutiveDays: entry.kind == .meal,
                amounts: terms.map { amount(of: $0, in: entry.portions) },
                preference: entry.portions.filter { preferred.contains($0.food) }.reduce(0) { $0 + $1.servings })
        }
        let nutrients = terms.map { nutrient in
            let weight = assessment.weights[nutrient.id] ?? 0
            let target = nutrient.target(sex: profile.sex, band: band)
            return PlanningProblem.NutrientTerm(
                id: nutrient.id, unit: nutrient.unit, target: target,
                weight: (target ?? 0) > 0 ? weight : 0, upperLimit: nutrient.upperLimit(band: band))
        }
        return PlanningProblem(energy: profile.energyBand, nutrients: nutrients, items: items)
    }

    /// One stress step per day from the steps the rules schedule, rotating so that no step falls
    /// on two days in a row when there are two or more; the seed picks the starting step.
    func stressSchedule(seed: UInt64, days: Int) throws(PlanningFailure) -> [StressStep] {
        let steps = assessment.steps.compactMap { scheduled in knowledge.steps.first { $0.id == scheduled.step } }
        guard !steps.isEmpty else {
            throw PlanningFailure("no stress-management step: the rules that fired schedule none")
        }
        let start = Int(seed % UInt64(steps.count))
        return (0..<days).map { steps[(start + $0) % steps.count] }
    }
}
