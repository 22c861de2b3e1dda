/// Estimated daily calorie needs for one sex and age range at the three activity levels (one row
/// of `Rules/energy.csv`, from the Dietary Guidelines for Americans 2020–2025, Appendix 2).
struct EnergyNeed: Sendable, Equatable {
    var sex: Sex
    /// Inclusive age range in years.
    var ages: ClosedRange<Int>
    /// kcal a day by activity level.
    var kcal: [Activity: Double]
    var source: String

    init(sex: Sex, ages: ClosedRange<Int>, kcal: [Activity: Double], source: String) {
        self.sex = sex
        self.ages = ages
        self.kcal = kcal
        self.source = source
    }
}
