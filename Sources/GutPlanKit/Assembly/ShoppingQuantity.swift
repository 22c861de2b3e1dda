/// How much of one shop item to buy, in the unit a shop sells it: "571 g brown rice, long-grain, dry",
/// "3 onions (330 g)", "1.25 l milk, 2%, vitamins A and D added".
///
/// `grams` is the weight bought: the eaten grams divided by the food's yield (for rice, the dry
/// weight; for salmon, the raw weight). For a counted unit it is the edible weight of what is
/// needed (the USDA household weights are of the edible portion). The quantity is rounded up:
/// whole grams, quarter litres, whole items, so the list never buys too little.
struct ShoppingQuantity: Sendable, Equatable {
    /// The food id (the first, in `foods.csv` order, when several foods share the item).
    var food: String
    /// Every food id this item buys for (eggs serve boiled, raw-weighed and scrambled dishes).
    var foods: [String]
    var aisle: Aisle
    /// What to look for on the shelf.
    var item: String
    var quantity: Double
    /// The unit as written with `quantity`.
    var unit: String
    var grams: Double
    var text: String

    /// Litres are bought in quarter litres.
    static let litreStep = 0.25

    /// What to buy for `eatenGrams` of a food (a week's total, already scaled to the people at
    /// the table); `nil` when the grams are not a finite number above 0 or `info` is for another food.
    init?(food: String, eatenGrams: Double, info: ShoppingInfo) {
        guard eatenGrams.isFinite, eatenGrams > 0, info.food == food, let bought = Self.bought(eatenGrams, info) else {
            return nil
        }
        self.init(foods: [food], info: info, units: bought / info.gramsPerUnit, grams: bought)
    }

    /// Grams bought for `eaten` grams, `nil` when the row's numbers cannot give a finite amount.
    static func bought(_ eaten: Double, _ info: ShoppingInfo) -> Double? {
        guard info.yield.isFinite, info.yield > 0, info.gramsPerUnit.isFinite, info.gramsPerUnit > 0 else { return nil }
        let bought = eaten / info.yield
        return bought.isFinite ? bought : nil
    }

    /// An item from its unrounded units (bought grams ÷ grams per unit) and bought grams.
    init(foods: [String], info: ShoppingInfo, units rawUnits: Double, grams: Double) {
        let units = Self.snapped(rawUnits)
        food = foods.first ?? info.food
        self.foods = foods
        aisle = info.aisle
        item = info.buyAs
        self.grams = grams
        if info.isLitres {
            quantity = (units / Self.litreStep).rounded(.up) * Self.litreStep
            unit = info.buyUnit
            text = "\(DecimalText.format(quantity, maxFractionDigits: 2)) l \(info.buyAs)"
        } else if info.isGrams {
            quantity = units.rounded(.up)
            unit = info.buyUnit
            text = "\(DecimalText.format(quantity, maxFractionDigits: 0)) g \(info.buyAs)"
        } else {
            quantity = max(1, units.rounded(.up))
            unit = quantity > 1 ? info.buyUnitPlural : info.buyUnit
            text = "\(DecimalText.format(quantity, maxFractionDigits: 0)) \(unit) (\(HouseholdAmount.gramsText(grams)) g)"
        }
    }

    /// `value` snapped to 9 decimals, so 3.0000000001 onions are 3, not 4. Values of a million
    /// and more are left alone (the snap would overflow, and they carry no such noise that matters).
    static func snapped(_ value: Double) -> Double {
        abs(value) < 1e6 ? (value * 1e9).rounded() / 1e9 : value
    }
}
