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

    /// The reasoning behind a planned week, for `explain` and the report.
    public func explanation(of outcome: Outcome) -> Explanation {
        Explanation(knowledge: knowledge, assessment: outcome.assessment, plan: outcome.plan)
    }

    /// What the rule directory holds, in one line: "14 nutrients, 122 foods, ...".
    public var contentsSummary: String {
        "\(knowledge.nutrients.count) nutrients, \(knowledge.foods.count) foods, "
            + "\(knowledge.meals.count) meals, \(knowledge.steps.count) stress steps, \(knowledge.symptoms.count) symptoms, "
            + "\(knowledge.labTests.count) lab tests, \(knowledge.rules.count) rules"
    }

    /// Every nutrient with its daily target and upper limit for `sex` at `age` (the 31–50 band
    /// when the age is outside every band).
    public func nutrientTable(sex: Sex, age: Int) -> NutrientTable {
        NutrientTable(nutrients: knowledge.nutrients, sex: sex, band: AgeBand(age: age) ?? .from31to50)
    }

    /// Ids of the symptoms a person can report.
    public var symptomIDs: [String] { knowledge.symptoms.map(\.id) }
}
