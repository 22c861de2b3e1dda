/// One food in the form a person eats it, with nutrients per serving (one row of `Rules/foods.csv`).
struct Food: Sendable, Equatable {
    /// FODMAP status of one serving (Monash University cut-offs, Varney et al. 2017; see `docs/FODMAP.md`).
    enum FODMAPStatus: String, Sendable, CaseIterable, Codable {
        case low, moderate, high, unknown
    }

    /// The FODMAP groups a food carries (`fodmap_groups`).
    enum FODMAPGroup: String, Sendable, CaseIterable, Codable, Comparable {
        case fructans, gos, lactose, fructose, sorbitol, mannitol

        /// Declaration order (the order `docs/FODMAP.md` lists them).
        private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

        static func < (a: FODMAPGroup, b: FODMAPGroup) -> Bool { a.order < b.order }
    }

    /// Category of the FDA/EPA "Advice about Eating Fish" chart (2019).
    enum FishCategory: String, Sendable, CaseIterable, Codable {
        case best, good, avoid
    }

    var id: String
    var name: String
    /// USDA SR NDB number (5 digits, leading zero kept); `nil` when the food comes from another source.
    var ndb: String?
    /// Public source of the numbers (`USDA SR` or the named source for foods SR lacks).
    var source: String
    /// Household serving, e.g. `1 cup`.
    var serving: String
    /// Grams in one serving.
    var grams: Double
    /// Diet/allergen facts (`meat`, `dairy`, ...) and roles (`fermented`, `prebiotic`, `fortified`).
    var tags: Set<String>
    /// Amount per serving keyed by `foods.csv` column (`zinc_mg`); a missing key means "unknown".
    var values: [String: Double]
    /// Plant id (species or crop) for foods of a USDA plant food group; raw and cooked forms share it.
    var plant: String?
    /// Whole eggs in one serving (0 for foods that are not egg).
    var eggs: Double
    /// FDA/EPA fish-advice category, for foods tagged `fish` or `shellfish` that the chart lists.
    var fishCategory: FishCategory?
    /// Fraction of the food's iron that is heme iron (0 for plants, eggs and dairy).
    var hemeShare: Double
    /// Calcium absorption relative to milk (absorptive index); `nil` = as milk (not measured).
    var calciumAbsorption: Double?
    /// FODMAP status of one serving.
    var fodmap: FODMAPStatus
    /// FODMAP groups that make the food moderate or high (or that a source names for it).
    var fodmapGroups: Set<FODMAPGroup>

    init(id: String, name: String, ndb: String?, source: String, serving: String,
                grams: Double, tags: Set<String>, values: [String: Double], plant: String? = nil, eggs: Double = 0,
                fishCategory: FishCategory? = nil, hemeShare: Double = 0, calciumAbsorption: Double? = nil,
                fodmap: FODMAPStatus = .unknown, fodmapGroups: Set<FODMAPGroup> = []) {
        self.id = id
        self.name = name
        self.ndb = ndb
        self.source = source
        self.serving = serving
        self.grams = grams
        self.tags = tags
        self.values = values
        self.plant = plant
        self.eggs = eggs
        self.fishCategory = fishCategory
        self.hemeShare = hemeShare
        self.calciumAbsorption = calciumAbsorption
        self.fodmap = fodmap
        self.fodmapGroups = fodmapGroups
    }

    /// Tags of foods that hold no FODMAP carbohydrate at all (FODMAPs are plant carbohydrates and
    /// milk lactose), so their `low` status holds at any amount.
    static let fodmapFreeTags: Set<String> = ["meat", "poultry", "fish", "shellfish", "egg"]

    /// Whether eating `servings` servings is low-FODMAP: the food is `low` at its serving, and either
    /// at most one serving is eaten or the food is FODMAP-free by its tags (the rule of `docs/FODMAP.md`:
    /// a FODMAP status holds for the serving it was measured at, not for more).
    func isLowFODMAP(servings: Double) -> Bool {
        fodmap == .low && (servings <= 1 || !tags.isDisjoint(with: Self.fodmapFreeTags))
    }
}
