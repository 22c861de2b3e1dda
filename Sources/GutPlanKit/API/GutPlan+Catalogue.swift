/// Small read-only views of the knowledge base that front ends need.
extension GutPlan {
    /// Ids of the nutrients a person can flag (those with a daily target), in knowledge-base order.
    public var flaggableNutrients: [String] {
        knowledge.nutrients.filter { !$0.targets.isEmpty }.map(\.id)
    }

    /// Whole eggs in a portion (0 for a food that is not egg, or unknown).
    public func eggs(in portion: Meal.Portion) -> Double {
        (knowledge.food(id: portion.food)?.eggs ?? 0) * portion.servings
    }
}
