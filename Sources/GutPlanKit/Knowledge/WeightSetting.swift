/// A top-level `set weight confirmed|suspected N` statement of a rule file.
struct WeightSetting: Sendable, Equatable {
    var status: FlagStatus
    var weight: Double
    var location: SourceLocation

    init(status: FlagStatus, weight: Double, location: SourceLocation) {
        self.status = status
        self.weight = weight
        self.location = location
    }
}
