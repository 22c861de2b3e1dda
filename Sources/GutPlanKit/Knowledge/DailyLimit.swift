/// A limit a dietitian checks on every day (one row of `Rules/limits.csv`).
struct DailyLimit: Sendable, Equatable {
    enum Kind: String, Sendable, Equatable {
        /// The day's total of `nutrient` at most `max` (sodium 2,300 mg).
        case dailyMax = "daily_max"
        /// The day's `nutrient` × `kcalPerUnit` at most `max` × the day's energy (saturated fat
        /// under 10% of energy).
        case energyShare = "energy_share"
        /// The day's total of `nutrient` at most `max` per 1000 kcal of the day's energy (fibre).
        case per1000kcal = "per_1000_kcal"
    }

    var id: String
    var name: String
    var kind: Kind
    var nutrient: String
    /// kcal per unit of the nutrient, for `energyShare` (9 kcal per g of fat).
    var kcalPerUnit: Double?
    var max: Double
    var source: String

    init(id: String, name: String, kind: Kind, nutrient: String, kcalPerUnit: Double?, max: Double, source: String) {
        self.id = id
        self.name = name
        self.kind = kind
        self.nutrient = nutrient
        self.kcalPerUnit = kcalPerUnit
        self.max = max
        self.source = source
    }
}
