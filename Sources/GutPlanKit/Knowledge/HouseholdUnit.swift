/// How a cook measures one food (one row of `Rules/units.csv`): "3 large eggs (150 g)",
/// "1 cup cooked brown rice (195 g)", "1 clove garlic (3 g)", or plain grams ("130 g cod fillet, baked").
struct HouseholdUnit: Sendable, Equatable {
    var food: String
    /// `large egg`, `cup`, `tbsp`, `clove`, `slice`, `medium banana`, … or `g`.
    var unit: String
    var unitPlural: String
    /// The words after the unit ("cooked brown rice"); empty when the unit names the food ("large egg").
    var label: String
    /// Grams of the food in one unit (1 for `g`).
    var gramsPerUnit: Double
    /// The step a cook measures in: 1, 0.5 or 0.25 of a unit; for `g`, a whole number of grams.
    var roundTo: Double
    /// Where `gramsPerUnit` comes from.
    var source: String

    init(food: String, unit: String, unitPlural: String, label: String, gramsPerUnit: Double, roundTo: Double,
                source: String) {
        self.food = food
        self.unit = unit
        self.unitPlural = unitPlural
        self.label = label
        self.gramsPerUnit = gramsPerUnit
        self.roundTo = roundTo
        self.source = source
    }

    /// Measured on a scale, in grams.
    var isGrams: Bool { unit == "g" }
}
