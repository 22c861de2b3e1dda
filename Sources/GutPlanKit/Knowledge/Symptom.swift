/// A symptom a person can report (one row of `Rules/symptoms.csv`).
public struct Symptom: Sendable, Equatable {
    public var id: String
    public var name: String
    public var aliases: [String]
    /// A gut symptom (`gut` = `yes`): fermented and prebiotic additions then start low and go
    /// slow over the first week (`ramp.csv`).
    public var gut: Bool

    public init(id: String, name: String, aliases: [String], gut: Bool = false) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.gut = gut
    }
}
