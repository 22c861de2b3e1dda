/// One step of "start low, go slow" (one row of `Rules/ramp.csv`): on days `days` of the first
/// week, a fermented or prebiotic addition is eaten at `servings` of its serving.
public struct RampStep: Sendable, Equatable {
    /// 1-based days of the first week.
    public var days: ClosedRange<Int>
    /// Fraction of one serving, above 0 and at most 1.
    public var servings: Double
    public var source: String

    public init(days: ClosedRange<Int>, servings: Double, source: String) {
        self.days = days
        self.servings = servings
        self.source = source
    }
}
