/// How a shop sells one food (one row of `Rules/shopping.csv`).
///
/// A plan's grams of a food (as eaten) become grams bought by dividing by `yield`
/// (eaten grams per bought gram: 3.331 for brown rice bought dry, 0.839 for salmon bought raw,
/// 1 for a food bought as eaten), and a quantity in `buyUnit` by dividing again by `gramsPerUnit`.
struct ShoppingInfo: Sendable, Equatable {
    var food: String
    var aisle: Aisle
    /// What to look for on the shelf, e.g. "brown rice, long-grain, dry".
    var buyAs: String
    /// `g`, `l`, or a counted unit such as `egg`, `onion`, `head`.
    var buyUnit: String
    var buyUnitPlural: String
    /// Grams bought per `buyUnit` (1 for `g`; grams per litre for `l`; the edible grams of one item for a count).
    var gramsPerUnit: Double
    /// Eaten grams per bought gram.
    var yield: Double
    /// Where `yield` comes from.
    var yieldSource: String
    /// Where `gramsPerUnit` comes from.
    var weightSource: String

    init(food: String, aisle: Aisle, buyAs: String, buyUnit: String, buyUnitPlural: String, gramsPerUnit: Double,
                yield: Double, yieldSource: String, weightSource: String) {
        self.food = food
        self.aisle = aisle
        self.buyAs = buyAs
        self.buyUnit = buyUnit
        self.buyUnitPlural = buyUnitPlural
        self.gramsPerUnit = gramsPerUnit
        self.yield = yield
        self.yieldSource = yieldSource
        self.weightSource = weightSource
    }

    /// Bought by weight in grams.
    var isGrams: Bool { buyUnit == "g" }
    /// Bought by volume in litres.
    var isLitres: Bool { buyUnit == "l" }
    /// Bought by count (eggs, onions, heads of garlic): whole units only.
    var isCounted: Bool { !isGrams && !isLitres }
}
