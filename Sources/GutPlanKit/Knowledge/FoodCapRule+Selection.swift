/// Which foods a cap counts, and how much of one it counts per serving.
extension FoodCapRule {
    /// Whether the cap counts this food (always for `each`).
    func selects(_ food: Food) -> Bool {
        select.contains { selector in
            switch selector {
            case .each: return true
            case .tag(let tag): return food.tags.contains(tag)
            case .fish(let category): return food.fishCategory?.rawValue == category
            case .food(let id): return food.id == id
            }
        }
    }

    /// The cap's amount in one serving of the food, in the cap's measure.
    func amount(perServingOf food: Food) -> Double {
        switch measure {
        case .servings: return 1
        case .grams: return food.grams
        case .eggs: return food.eggs
        }
    }
}
