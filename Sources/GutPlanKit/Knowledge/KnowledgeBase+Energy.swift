/// Daily energy bands from the Dietary Guidelines' estimated calorie needs (`energy.csv`).
extension KnowledgeBase {
    /// kcal either side of an activity level's estimate: the table rounds to the nearest 200 kcal
    /// and individual needs vary, so the band spans one rounding step each way (the project's
    /// own choice; it also leaves room for whole meals).
    static let activityMargin = 200.0

    /// The band for a person: without an activity level, from one rounding step below the
    /// sedentary estimate (smaller or less active people need less) to the active estimate of
    /// their sex and age (a 75-year-old woman: 1400–2000 kcal, a man of 35: 2200–3000); with
    /// one, that estimate ± `activityMargin`. `nil` when the table has no row for them.
    func energyBand(sex: Sex, age: Int, activity: Activity?) -> ClosedRange<Double>? {
        guard let row = energyNeeds.first(where: { $0.sex == sex && $0.ages.contains(age) }),
              let low = row.kcal[.sedentary], let high = row.kcal[.active] else { return nil }
        guard let activity, let estimate = row.kcal[activity] else { return (low - Self.activityMargin)...high }
        return (estimate - Self.activityMargin)...(estimate + Self.activityMargin)
    }
}
