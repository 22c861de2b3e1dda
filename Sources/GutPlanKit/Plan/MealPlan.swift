/// A finished seven-day plan, with everything every output format shows. Built by `GutPlan`
/// from the engine's assessment and the planner's solution; renderers only read it.
public struct MealPlan: Sendable, Equatable {
    /// A nutrient the plan reports on: every flagged or targeted nutrient, in knowledge-base order.
    public struct NutrientSummary: Sendable, Equatable {
        public var id: String
        public var name: String
        /// ASCII unit (`mg`, `ug RAE`).
        public var unit: String
        /// CSV column name, as in `Rules/foods.csv` (`zinc_mg`).
        public var csvName: String
        public var target: Double
        public var weight: Double
        /// The flag, or `nil` when a rule only targeted the nutrient.
        public var status: FlagStatus?
        /// Mean over the days of min(1, day total / target).
        public var mean: Double

        public init(id: String, name: String, unit: String, csvName: String, target: Double, weight: Double,
                    status: FlagStatus?, mean: Double) {
            self.id = id
            self.name = name
            self.unit = unit
            self.csvName = csvName
            self.target = target
            self.weight = weight
            self.status = status
            self.mean = mean
        }
    }

    /// What fills a slot.
    public enum Kind: String, Sendable, Equatable {
        case meal
        case fermented
        case prebiotic
        case stress
    }

    /// One planned item: a meal, an addition or a stress step.
    public struct Item: Sendable, Equatable {
        public var slot: Slot
        public var kind: Kind
        public var id: String
        public var name: String
        /// Energy; `nil` for a stress step.
        public var kcal: Double?
        /// The foods and servings (one food, one serving for an addition; empty for a step).
        public var foods: [Meal.Portion]
        /// Amount of each reported nutrient (`nutrients` of the plan), 0 where unknown.
        public var nutrients: [String: Double]
        /// Reported nutrients this item brings to at least 10% of the day's target.
        public var covers: [String]
        /// Names of the rules behind the choice (preferred foods, additions, steps).
        public var why: [String]
        /// For a stress step: how to do it and for how long.
        public var detail: String?

        public init(slot: Slot, kind: Kind, id: String, name: String, kcal: Double?, foods: [Meal.Portion],
                    nutrients: [String: Double], covers: [String], why: [String], detail: String?) {
            self.slot = slot
            self.kind = kind
            self.id = id
            self.name = name
            self.kcal = kcal
            self.foods = foods
            self.nutrients = nutrients
            self.covers = covers
            self.why = why
            self.detail = detail
        }
    }

    /// One day of the week.
    public struct Day: Sendable, Equatable {
        /// 1 to 7.
        public var number: Int
        /// `Monday` ... `Sunday`.
        public var name: String
        /// In slot order: breakfast, lunch, dinner, snack, fermented, prebiotic, stress.
        public var items: [Item]
        /// Day totals: `kcal` and every reported nutrient (and every nutrient with an upper limit).
        public var totals: [String: Double]
        /// min(1, total / target) per reported nutrient.
        public var coverage: [String: Double]

        public init(number: Int, name: String, items: [Item], totals: [String: Double], coverage: [String: Double]) {
            self.number = number
            self.name = name
            self.items = items
            self.totals = totals
            self.coverage = coverage
        }
    }

    /// One line of the shopping list.
    public struct ShoppingEntry: Sendable, Equatable {
        public var food: String
        public var name: String
        public var servings: Double
        public var grams: Double

        public init(food: String, name: String, servings: Double, grams: Double) {
            self.food = food
            self.name = name
            self.servings = servings
            self.grams = grams
        }
    }

    /// The person, with the energy band resolved.
    public var profile: Profile
    /// Flag status by nutrient id (after the rules ran).
    public var flags: [String: FlagStatus]
    public var score: Double
    public var upperBound: Double
    public var days: [Day]
    /// Reported nutrients (flagged or targeted), in knowledge-base order.
    public var nutrients: [NutrientSummary]
    /// Nutrients with an upper limit, and the limit that applied (`retinol`: 3000).
    public var upperLimits: [String: Double]
    public var notes: [String]
    /// Each food once, sorted by name.
    public var shopping: [ShoppingEntry]

    /// Shown wherever a person reads the plan.
    public static let disclaimer =
        "gutplan gives food guidance, not medical advice. Talk to a healthcare provider before changing your diet or taking supplements."

    public init(profile: Profile, flags: [String: FlagStatus], score: Double, upperBound: Double, days: [Day],
                nutrients: [NutrientSummary], upperLimits: [String: Double], notes: [String],
                shopping: [ShoppingEntry]) {
        self.profile = profile
        self.flags = flags
        self.score = score
        self.upperBound = upperBound
        self.days = days
        self.nutrients = nutrients
        self.upperLimits = upperLimits
        self.notes = notes
        self.shopping = shopping
    }
}
