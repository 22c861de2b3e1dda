/// A laboratory test that lab rules can read (one row of `Rules/labs.csv`).
struct LabTest: Sendable, Equatable {
    var id: String
    var name: String
    /// Other names on lab reports (`25(OH)D`, `vitamin d`, `b12`), compared case-insensitively.
    var aliases: [String]
    /// The unit the test is usually reported in, e.g. `ng/mL`.
    var unit: String
    /// Molar mass of the analyte in g/mol, so mass and molar units convert; `nil` when only
    /// mass units apply (ferritin).
    var molarMass: Double?
    /// Charge of the ion, so `mEq/L` converts (2 for magnesium); `nil` when not an ion.
    var valence: Int?

    init(id: String, name: String, aliases: [String], unit: String, molarMass: Double?, valence: Int?) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.unit = unit
        self.molarMass = molarMass
        self.valence = valence
    }
}
