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
        let unit = Self.measure(grams, unit)
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

    /// US kitchen measures: 3 tsp = 1 tbsp, 16 tbsp = 1 cup. From `from` spoons up (1 tbsp, 1/4
    /// cup), spoons read in the larger measure (rounded to its step) when that stays within
    /// `tolerance` spoons of the planned amount: 7 tsp reads "2 1/2 tbsp", 15 tbsp "1 cup",
    /// 12 tbsp "3/4 cup", while 10 tbsp stays "10 tbsp" (the nearest quarter cup is 2 tbsp off).
    static let largerMeasures: [String: (unit: String, plural: String, factor: Double, from: Double, step: Double, tolerance: Double)] = [
        "tsp": ("tbsp", "tbsp", 3, 3, 0.5, 0.5),
        "tbsp": ("cup", "cups", 16, 4, 0.25, 1),
    ]

    /// The measure `grams` of a food reads in: its own unit, or a larger kitchen measure
    /// (`largerMeasures`, repeatedly: tsp to tbsp to cup).
    static func measure(_ grams: Double, _ unit: HouseholdUnit) -> HouseholdUnit {
        var current = unit
        while let larger = largerMeasures[current.unit] {
            let spoons = grams / current.gramsPerUnit
            guard spoons >= larger.from - 1e-9 else { break }
            let next = HouseholdUnit(food: current.food, unit: larger.unit, unitPlural: larger.plural, label: current.label,
                                     gramsPerUnit: current.gramsPerUnit * larger.factor, roundTo: larger.step,
                                     source: current.source)
            let measured = rounded(grams / next.gramsPerUnit, step: larger.step) * larger.factor
            guard abs(measured - spoons) <= larger.tolerance + 1e-9 else { break }
            current = next
        }
        return current
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
