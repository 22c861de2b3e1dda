/// One food in the form a person eats it, with nutrients per serving (one row of `Rules/foods.csv`).
public struct Food: Sendable, Equatable {
    public var id: String
    public var name: String
    /// USDA SR NDB number (5 digits, leading zero kept); `nil` when the food comes from another source.
    public var ndb: String?
    /// Public source of the numbers (`USDA SR` or the named source for foods SR lacks).
    public var source: String
    /// Household serving, e.g. `1 cup`.
    public var serving: String
    /// Grams in one serving.
    public var grams: Double
    /// Diet/allergen facts (`meat`, `dairy`, ...) and roles (`fermented`, `prebiotic`, `fortified`).
    public var tags: Set<String>
    /// Amount per serving keyed by `foods.csv` column (`zinc_mg`); a missing key means "unknown".
    public var values: [String: Double]

    public init(id: String, name: String, ndb: String?, source: String, serving: String,
                grams: Double, tags: Set<String>, values: [String: Double]) {
        self.id = id
        self.name = name
        self.ndb = ndb
        self.source = source
        self.serving = serving
        self.grams = grams
        self.tags = tags
        self.values = values
    }
}
