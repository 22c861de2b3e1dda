/// When to test again after a confirmed deficiency (one row of `Rules/retests.csv`).
struct RetestGuidance: Sendable, Equatable {
    /// Nutrient id (`iron`).
    var nutrient: String
    /// The test to ask for, in words (`serum ferritin`).
    var test: String
    /// Earliest and latest whole weeks after starting, from the cited guidance.
    var weeks: ClosedRange<Int>
    var source: String

    init(nutrient: String, test: String, weeks: ClosedRange<Int>, source: String) {
        self.nutrient = nutrient
        self.test = test
        self.weeks = weeks
        self.source = source
    }

    /// `after 8-12 weeks`, or `after 12 weeks` when the range is one value.
    var after: String {
        weeks.lowerBound == weeks.upperBound ? "after \(weeks.lowerBound) weeks"
            : "after \(weeks.lowerBound)-\(weeks.upperBound) weeks"
    }
}
