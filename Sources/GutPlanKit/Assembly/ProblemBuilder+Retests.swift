/// After the week: when to test again for each confirmed deficiency (`Rules/retests.csv`).
extension ProblemBuilder {
    /// One reminder per guidance row of each confirmed nutrient, in knowledge-base nutrient order
    /// then file order. Suspected flags get none: they were never measured. `date` stays `nil`:
    /// the library has no calendar arithmetic yet, so the reminder is in weeks only.
    func retests() -> [MealPlan.Retest] {
        knowledge.nutrients.flatMap { nutrient -> [MealPlan.Retest] in
            guard assessment.flags[nutrient.id]?.status == .confirmed else { return [] }
            return knowledge.retests.filter { $0.nutrient == nutrient.id }.map { guidance in
                MealPlan.Retest(nutrient: nutrient.id, test: guidance.test, after: guidance.after, date: nil,
                                source: guidance.source)
            }
        }
    }
}
