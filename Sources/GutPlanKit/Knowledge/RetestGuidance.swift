/// When to test again after a confirmed deficiency (one row of `Rules/retests.csv`).
public struct RetestGuidance: Sendable, Equatable {
    /// Nutrient id (`iron`).
    public var nutrient: String
    /// The test to ask for, in words (`serum ferritin`).
    public var test: String
    /// Earliest and latest whole weeks after starting, from the cited guidance.
    public var weeks: ClosedRange<Int>
    public var source: String

    public init(nutrient: String, test: String, weeks: ClosedRange<Int>, source: String) {
        self.nutrient = nutrient
        self.test = test
        self.weeks = weeks
        self.source = source
    }

    /// `after 8-12 weeks`, or `after 12 weeks` when the range is one value.
    public var after: String {
        weeks.lowerBound == weeks.upperBound ? "after \(weeks.lowerBound) weeks"
            : "after \(weeks.lowerBound)-\(weeks.upperBound) weeks"
    }
}
