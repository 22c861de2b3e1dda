import Foundation

/// A nutrient gutplan reasons about, with its reference intakes (one row of `Rules/nutrients.csv`).
struct Nutrient: Sendable, Equatable {
    /// Stable id used by every command and export, e.g. `vitamin-d`.
    var id: String
    /// Display name, e.g. `Vitamin D`.
    var name: String
    /// Unit of targets, limits and food amounts, e.g. `ug` (written so in nutrients.csv, never `µg`), `mg`, `g`, `servings`.
    var unit: String
    /// How a food's amount is read: a `Rules/foods.csv` column, or servings of foods with a tag.
    var measure: Measure
    /// Other names people type, compared case-insensitively (`vit d`, `D3`, `cholecalciferol`).
    var aliases: [String]
    /// Daily target per sex and age band; absent where the nutrient has none (`retinol`, `energy`).
    var targets: [Sex: [AgeBand: Double]]
    /// Tolerable Upper Intake Level per age band; absent where there is none.
    var upperLimits: [AgeBand: Double]
    /// `true` when the targets are NIH/NASEM reference intakes, `false` for the project's own.
    var isReferenceIntake: Bool
    /// Where the numbers come from, and any caveat (for example "UL applies to retinol only").
    var source: String

    init(id: String, name: String, unit: String, measure: Measure, aliases: [String],
                targets: [Sex: [AgeBand: Double]], upperLimits: [AgeBand: Double],
                isReferenceIntake: Bool, source: String) {
        self.id = id
        self.name = name
        self.unit = unit
        self.measure = measure
        self.aliases = aliases
        self.targets = targets
        self.upperLimits = upperLimits
        self.isReferenceIntake = isReferenceIntake
        self.source = source
    }

    /// The unit's first word, as a rule file writes it: `ug` for `ug RAE`.
    var unitSymbol: String { String(unit.split(separator: " ").first ?? Substring(unit)) }

    /// The daily target for a person, or `nil` when the nutrient has none.
    func target(sex: Sex, band: AgeBand) -> Double? { targets[sex]?[band] }

    /// The daily upper limit for a person, or `nil` when there is none.
    func upperLimit(band: AgeBand) -> Double? { upperLimits[band] }

    /// Where a food's amount of a nutrient comes from.
    enum Measure: Sendable, Equatable {
        /// A per-serving column of `Rules/foods.csv`, e.g. `zinc_mg`.
        case column(String)
        /// One unit per serving of a food carrying the tag (`probiotics` counts `fermented` servings).
        case taggedServings(String)

        /// The amount in one serving of `food`; `nil` when its column has no value.
        func amount(in food: Food) -> Double? {
            switch self {
            case .column(let column): return food.values[column]
            case .taggedServings(let tag): return food.tags.contains(tag) ? 1 : 0
            }
        }
    }

    /// The name of this nutrient's column in CSV exports: the foods.csv column, or the id with
    /// `_` for `-` and the unit (`probiotics_servings`).
    var csvName: String {
        switch measure {
        case .column(let name): return name
        case .taggedServings: return id.replacingOccurrences(of: "-", with: "_") + "_servings"
        }
    }
}
