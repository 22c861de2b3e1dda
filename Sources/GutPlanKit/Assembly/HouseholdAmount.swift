/// One ingredient of a meal in a cook's measure, e.g. "3 large eggs (150 g)",
/// "1 cup cooked brown rice (195 g)", "1 clove garlic (3 g)" or "130 g cod fillet, baked".
///
/// Rounding rule: the planned grams are divided by the unit's grams and rounded half away from
/// zero to the unit's step (`roundTo`: quarters, halves or wholes, or whole grams for a food
/// weighed in grams), never below one step, so a little of a food never reads as nothing.
/// `grams` stays the planned amount: the nutrition counts it, and the text shows it beside the
/// measure. The same inputs always give the same text.
struct HouseholdAmount: Sendable, Equatable {
    var food: String
    /// How many units to measure (a multiple of the unit's step); grams for a food weighed in grams.
    var amount: Double
    /// The unit as written with `amount`: singular up to 1, plural above.
    var unit: String
    /// The planned grams.
    var grams: Double
    /// The words for a cook.
    var text: String

    /// The measure for `grams` of a food; `nil` when `grams` is not a finite number above 0
    /// or the unit is not for this food.
    init?(food: String, grams: Double, unit: HouseholdUnit) {
        guard grams.isFinite, grams > 0, unit.food == food, unit.gramsPerUnit > 0, unit.roundTo > 0,
              unit.gramsPerUnit.isFinite, unit.roundTo.isFinite else { return nil }
        let amount = Self.rounded(grams / unit.gramsPerUnit, step: unit.roundTo)
        guard amount.isFinite else { return nil }
        self.food = food
        self.amount = amount
        self.grams = grams
        self.unit = amount > 1 ? unit.unitPlural : unit.unit
        if unit.isGrams {
            text = "\(DecimalText.format(amount, maxFractionDigits: 0)) g \(unit.label)"
        } else {
            let label = unit.label.isEmpty ? "" : " " + unit.label
            text = "\(Self.amountText(amount)) \(self.unit)\(label) (\(Self.gramsText(grams)) g)"
        }
    }

    /// `value` rounded half away from zero to a multiple of `step`, at least one `step`.
    /// The quotient is first snapped to 9 decimals so 0.375 / 0.25 counts as the tie it is.
    static func rounded(_ value: Double, step: Double) -> Double {
        let steps = ShoppingQuantity.snapped(value / step).rounded(.toNearestOrAwayFromZero)
        return max(steps, 1) * step
    }

    /// A multiple of a quarter in words a cook reads: `0.25` → `1/4`, `1.5` → `1 1/2`, `3` → `3`.
    static func amountText(_ amount: Double) -> String {
        let whole = amount.rounded(.down)
        let quarters = ((amount - whole) * 4).rounded()
        let fraction = ["", "1/4", "1/2", "3/4", ""][Int(max(0, min(4, quarters)))]
        let wholeText = DecimalText.format(quarters >= 4 ? whole + 1 : whole, maxFractionDigits: 0)
        if fraction.isEmpty { return wholeText }
        return whole == 0 ? fraction : wholeText + " " + fraction
    }

    /// Whole grams, or one decimal under 1 g so a pinch never reads as `0 g`.
    static func gramsText(_ grams: Double) -> String {
        DecimalText.format(grams, maxFractionDigits: grams < 0.95 ? 1 : 0)
    }
}
