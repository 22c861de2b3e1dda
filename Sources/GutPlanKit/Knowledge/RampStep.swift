/// One step of "start low, go slow" (one row of `Rules/ramp.csv`): on days `days` of the first
/// week, a fermented or prebiotic addition is eaten at `servings` of its serving.
struct RampStep: Sendable, Equatable {
    /// 1-based days of the first week.
    var days: ClosedRange<Int>
    /// Fraction of one serving, above 0 and at most 1.
    var servings: Double
    var source: String

    init(days: ClosedRange<Int>, servings: Double, source: String) {
        self.days = days
        self.servings = servings
        self.source = source
    }
}
