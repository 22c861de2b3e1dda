/// A stress-management step scheduled once a day (one row of `Rules/steps.csv`).
struct StressStep: Sendable, Equatable {
    var id: String
    var name: String
    var minutes: Int
    /// One or two sentences on how to do it.
    var how: String

    init(id: String, name: String, minutes: Int, how: String) {
        self.id = id
        self.name = name
        self.minutes = minutes
        self.how = how
    }
}
