/// A top-level `set weight confirmed|suspected N` statement of a rule file.
public struct WeightSetting: Sendable, Equatable {
    public var status: FlagStatus
    public var weight: Double
    public var location: SourceLocation

    public init(status: FlagStatus, weight: Double, location: SourceLocation) {
        self.status = status
        self.weight = weight
        self.location = location
    }
}
