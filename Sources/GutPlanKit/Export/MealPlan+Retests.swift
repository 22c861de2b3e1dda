extension MealPlan {
    /// `Iron: ask for serum ferritin with a full blood count after 8-12 weeks (from 2027-02-01).`
    /// The nutrient's display name comes from the reported nutrients, else its id.
    func sentence(for retest: Retest) -> String {
        let name = nutrients.first { $0.id == retest.nutrient }?.name ?? retest.nutrient
        let date = retest.date.map { " (from \($0))" } ?? ""
        return "\(name): ask for \(retest.test) \(retest.after)\(date)."
    }
}
