/// Why a meal or food is not among the planner's items: the one test `allowedEntries` applies,
/// and the words for a lock that asks for something the profile leaves out.
extension ProblemBuilder {
    /// The food caps that allow none of what they select for this person (fish to avoid).
    static func zeroCaps(knowledge: KnowledgeBase, profile: Profile) -> [FoodCapRule] {
        knowledge.foodCaps.filter { $0.applies(sex: profile.sex, age: profile.age) && ($0.maxPerDay == 0 || $0.maxPerWeek == 0) }
    }

    /// Why `food` is left out for `profile` (the diet, an exclusion, the rules' avoid list, or a
    /// cap that allows none of it); `nil` when it may be planned.
    static func whyLeftOut(_ food: Food, profile: Profile, assessment: Assessment, zeroCaps: [FoodCapRule]) -> String? {
        let keys = food.tags.union([food.id])
        if let tag = keys.intersection(profile.diet.excludedTags).sorted().first {
            return "the \(profile.diet.rawValue) diet leaves out \(tag) (\(food.name))"
        }
        if let tag = keys.intersection(profile.exclude).sorted().first { return "excluding \(tag) leaves out \(food.name)" }
        if let tag = keys.intersection(assessment.avoid).sorted().first {
            return "the rules avoid \(tag) for this profile (\(food.name))"
        }
        if let cap = zeroCaps.first(where: { $0.selects(food) }) { return "the cap on \(cap.name) allows none of \(food.name)" }
        return nil
    }

    /// Why the locked `item` (a meal, or a food as an addition) is not among this week's items,
    /// naming the constraint it breaks.
    func whyLeftOut(lock item: String, slot: Slot) -> String {
        let foods = Dictionary(knowledge.foods.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let meal = knowledge.meals.first { $0.id == item }
        if profile.exclude.contains(item) { return "\(item) is on the list to avoid" }
        let portions = meal?.portions ?? [Meal.Portion(food: item, servings: 1)]
        let caps = Self.zeroCaps(knowledge: knowledge, profile: profile)
        for portion in portions {
            guard let food = foods[portion.food] else { return "\(portion.food) is not a known food" }
            if let why = Self.whyLeftOut(food, profile: profile, assessment: assessment, zeroCaps: caps) { return why }
            if profile.lowFODMAP && !food.isLowFODMAP(servings: portion.servings) {
                return "\(food.name) is not low-FODMAP at \(DecimalText.format(portion.servings, maxFractionDigits: 2)) servings"
            }
        }
        if meal != nil, let limit = options.maxMinutes[slot] {
            guard let minutes = knowledge.recipes.first(where: { $0.meal == item })?.totalMinutes else {
                return "it has no written method, so its time is unknown and --max-minutes \(slot.rawValue)=\(limit) leaves it out"
            }
            if minutes > limit { return "it takes \(minutes) minutes, over --max-minutes \(slot.rawValue)=\(limit)" }
        }
        if meal == nil, !(assessment.additions[slot] ?? []).contains(where: { $0.food == item }) {
            return "the rules do not offer it as the \(slot.rawValue) addition for this profile"
        }
        return "the diet, the exclusions or a cap leave it out"
    }
}
