/// A stress-management step scheduled once a day (one row of `Rules/steps.csv`).
public struct StressStep: Sendable, Equatable {
    public var id: String
    public var name: String
    public var minutes: Int
    /// One or two sentences on how to do it.
    public var how: String

    public init(id: String, name: String, minutes: Int, how: String) {
        self.id = id
        self.name = name
        self.minutes = minutes
        self.how = how
    }
}
