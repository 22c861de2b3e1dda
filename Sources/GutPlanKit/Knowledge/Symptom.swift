/// A symptom a person can report (one row of `Rules/symptoms.csv`).
struct Symptom: Sendable, Equatable {
    var id: String
    var name: String
    var aliases: [String]
    /// A gut symptom (`gut` = `yes`): fermented and prebiotic additions then start low and go
    /// slow over the first week (`ramp.csv`).
    var gut: Bool

    init(id: String, name: String, aliases: [String], gut: Bool = false) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.gut = gut
    }
}
