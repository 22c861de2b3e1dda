/// A finished seven-day plan, with everything every output format shows. Built by `GutPlan`
/// from the engine's assessment and the planner's solution; renderers only read it.
public struct MealPlan: Sendable, Equatable, Codable {
    /// A nutrient the plan reports on: every flagged or targeted nutrient, in knowledge-base order.
    public struct NutrientSummary: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        /// ASCII unit (`mg`, `ug RAE`).
        public var unit: String
        /// CSV column name, as in `Rules/foods.csv` (`zinc_mg`).
        public var csvName: String
        /// The daily target actually used (after diet and flag factors, capped at the limit).
        public var target: Double
        /// The reference intake (RDA or AI) for the person's sex and age.
        public var reference: Double
        /// How the target was made, in words.
        public var basis: String
        public var weight: Double
        /// The flag, or `nil` when a rule only targeted the nutrient.
        public var status: FlagStatus?
        /// Daily amount from supplements, counted in every day's total.
        public var supplement: Double
        /// Mean over the days of min(1, day counted total / target).
        public var mean: Double
        /// Share of the week's counted total that comes from food (1 without supplements).
        public var foodShare: Double

        public init(id: String, name: String, unit: String, csvName: String, target: Double, reference: Double,
                    basis: String, weight: Double, status: FlagStatus?, supplement: Double, mean: Double, foodShare: Double) {
            self.id = id
            self.name = name
            self.unit = unit
            self.csvName = csvName
            self.target = target
            self.reference = reference
            self.basis = basis
            self.weight = weight
            self.status = status
            self.supplement = supplement
            self.mean = mean
            self.foodShare = foodShare
        }
    }

    /// A factor on what an item's nutrient counts: iron counts 0.6× in a meal without vitamin C.
    public struct Factor: Sendable, Equatable, Codable {
        public var nutrient: String
        /// Counted ÷ eaten.
        public var factor: Double
        public var reason: String

        public init(nutrient: String, factor: Double, reason: String) {
            self.nutrient = nutrient
            self.factor = factor
            self.reason = reason
        }
    }

    /// A daily limit a dietitian checks, with its value on each day.
    public struct LimitSummary: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        /// `mg`, `% of energy`, `g per 1000 kcal`.
        public var unit: String
        public var max: Double
        /// The value on each day, in `unit`.
        public var days: [Double]
        public var source: String

        public init(id: String, name: String, unit: String, max: Double, days: [Double], source: String) {
            self.id = id
            self.name = name
            self.unit = unit
            self.max = max
            self.days = days
            self.source = source
        }
    }

    /// Distinct plant species eaten in the week (McDonald et al. 2018: 30 a week).
    public struct Plants: Sendable, Equatable, Codable {
        /// Distinct species, uncapped.
        public var count: Int
        /// The objective's value: min(cap, count).
        public var value: Int
        /// A proven upper bound on `value` over every feasible week.
        public var bound: Int
        public var cap: Int
        /// The species, sorted.
        public var foods: [String]

        public init(count: Int, value: Int, bound: Int, cap: Int, foods: [String]) {
            self.count = count
            self.value = value
            self.bound = bound
            self.cap = cap
            self.foods = foods
        }
    }

    /// What fills a slot.
    public enum Kind: String, Sendable, Equatable, Codable {
        case meal
        case fermented
        case prebiotic
        case stress
    }

    /// One ingredient of a meal in a cook's measures: "3 large eggs (150 g)".
    public struct Ingredient: Sendable, Equatable, Codable {
        /// Food id.
        public var food: String
        /// Rounded to what a cook measures (quarters, halves, whole eggs).
        public var amount: Double
        /// `large egg`, `cup`, `clove`, `g`.
        public var unit: String
        public var grams: Double
        /// The whole phrase, e.g. `1 cup cooked brown rice (195 g)`.
        public var text: String

        public init(food: String, amount: Double, unit: String, grams: Double, text: String) {
            self.food = food
            self.amount = amount
            self.unit = unit
            self.grams = grams
            self.text = text
        }
    }

    /// When to test again after a confirmed deficiency, from cited guidance.
    public struct Retest: Sendable, Equatable, Codable {
        public var nutrient: String
        /// The test to ask for, e.g. `serum ferritin`.
        public var test: String
        /// When, in words: `after 8-12 weeks`.
        public var after: String
        /// The earliest date (YYYY-MM-DD) when the plan has a start date.
        public var date: String?
        public var source: String

        public init(nutrient: String, test: String, after: String, date: String?, source: String) {
            self.nutrient = nutrient
            self.test = test
            self.after = after
            self.date = date
            self.source = source
        }
    }

    /// One week's own result, when a plan runs several weeks.
    public struct WeekSummary: Sendable, Equatable, Codable {
        public var week: Int
        public var score: Double
        public var upperBound: Double
        public var plants: Plants

        public init(week: Int, score: Double, upperBound: Double, plants: Plants) {
            self.week = week
            self.score = score
            self.upperBound = upperBound
            self.plants = plants
        }
    }

    /// One planned item: a meal, an addition or a stress step.
    public struct Item: Sendable, Equatable, Codable {
        public var slot: Slot
        public var kind: Kind
        public var id: String
        public var name: String
        /// Energy; `nil` for a stress step.
        public var kcal: Double?
        /// The foods and servings (one food, one serving for an addition; empty for a step).
        public var foods: [Meal.Portion]
        /// Amount eaten of each reported nutrient (`nutrients` of the plan), 0 where unknown.
        public var nutrients: [String: Double]
        /// Amount that counts towards the targets, for nutrients where it differs from `nutrients`.
        public var counted: [String: Double]
        /// Why those amounts differ.
        public var factors: [Factor]
        /// Reported nutrients this item brings to at least 10% of the day's target.
        public var covers: [String]
        /// Names of the rules behind the choice (preferred foods, additions, steps).
        public var why: [String]
        /// For a stress step: how to do it and for how long.
        public var detail: String?
        /// For a meal or addition: what goes in, in a cook's measures, for `servings` people.
        public var ingredients: [Ingredient] = []
        /// Steps of the method (1-5), empty when none is written.
        public var method: [String] = []
        public var prepMinutes: Int?
        public var cookMinutes: Int?

        public init(slot: Slot, kind: Kind, id: String, name: String, kcal: Double?, foods: [Meal.Portion],
                    nutrients: [String: Double], counted: [String: Double] = [:], factors: [Factor] = [],
                    covers: [String], why: [String], detail: String?) {
            self.counted = counted
            self.factors = factors
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
    public struct Day: Sendable, Equatable, Codable {
        /// 1 to 7.
        public var number: Int
        /// `Monday` ... `Sunday`; with a start date, the real weekday of `date`.
        public var name: String
        /// `YYYY-MM-DD` when the plan has a start date.
        public var date: String? = nil
        /// 1-based week of the plan (day 8 is in week 2).
        public var week: Int = 1
        /// In slot order: breakfast, lunch, dinner, snack, fermented, prebiotic, stress.
        public var items: [Item]
        /// What is eaten from food: `kcal` and every nutrient of the problem (reported ones, and
        /// every one with a limit).
        public var totals: [String: Double]
        /// What counts for each reported nutrient: absorbed food amounts plus supplements.
        public var counted: [String: Double]
        /// min(1, counted / target) per reported nutrient.
        public var coverage: [String: Double]

        public init(number: Int, name: String, items: [Item], totals: [String: Double], counted: [String: Double] = [:],
                    coverage: [String: Double]) {
            self.counted = counted
            self.number = number
            self.name = name
            self.items = items
            self.totals = totals
            self.coverage = coverage
        }
    }

    /// One line of the shopping list.
    public struct ShoppingEntry: Sendable, Equatable, Codable {
        public var food: String
        public var name: String
        public var servings: Double
        /// Grams eaten (for all the people at the table).
        public var grams: Double
        /// Shop aisle: produce; meat and fish; dairy and eggs; grains and bakery; tins and jars;
        /// frozen; nuts and seeds; other.
        public var aisle: String = "other"
        /// What to buy, e.g. `brown rice, dry`.
        public var item: String = ""
        /// How much to buy, in `unit`.
        public var quantity: Double = 0
        /// `g`, `egg`, `l`, `head`, ...
        public var unit: String = "g"
        /// Grams bought (dry weight for grains and legumes).
        public var boughtGrams: Double = 0
        /// Day numbers on which it is used.
        public var usedOn: [Int] = []

        /// "2 apples (364 g)", "738 g", "1.25 l": what to buy, with the weight when the unit is not grams.
        public var quantityText: String {
            if quantity == 0 && boughtGrams == 0 { return "\(Int(grams.rounded())) g" }
            let amount = quantity == quantity.rounded() ? String(Int(quantity)) : String(quantity)
            if unit == "g" || unit.isEmpty { return "\(amount) g" }
            return "\(amount) \(unit) (\(Int(boughtGrams.rounded())) g)"
        }

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
    /// Daily supplements by nutrient id, in the nutrient's unit.
    public var supplements: [String: Double]
    /// Display name and unit of each supplemented nutrient: `iron`: (`Iron`, `mg`).
    public var supplementNames: [String: [String]] = [:]
    /// Sodium, saturated fat and the other daily limits, day by day.
    public var limits: [LimitSummary]
    public var plants: Plants
    /// Day 1's date (`YYYY-MM-DD`), when given.
    public var start: String? = nil
    /// People at the table: ingredients and shopping are scaled by it; nutrition is one person's.
    public var servings: Int = 1
    /// The most minutes of prep and cooking per slot the plan was made under (`max-minutes`),
    /// kept so that `swap` offers only meals within them.
    public var maxMinutes: [Slot: Int] = [:]
    /// Whether the ramp-up of additions was asked for (`ramp`; gut symptoms ramp up anyway),
    /// kept so that `swap` rebuilds the same problem.
    public var rampRequested = false
    /// Every meal's servings times this, for an energy band the standard portions do not reach
    /// (1 = standard portions); ingredients, shopping and nutrition are already scaled.
    public var portionScale = 1.0
    /// Each week's score, bound and plants (one entry for a one-week plan).
    public var weeks: [WeekSummary] = []
    /// When to test again after each confirmed deficiency.
    public var retests: [Retest] = []

    /// Shown wherever a person reads the plan.
    public static let disclaimer =
        "gutplan gives food guidance, not medical advice. Talk to a healthcare provider before changing your diet or taking supplements."

    public init(profile: Profile, flags: [String: FlagStatus], score: Double, upperBound: Double, days: [Day],
                nutrients: [NutrientSummary], upperLimits: [String: Double], notes: [String],
                shopping: [ShoppingEntry], supplements: [String: Double] = [:], limits: [LimitSummary] = [],
                plants: Plants = Plants(count: 0, value: 0, bound: 0, cap: 30, foods: [])) {
        self.supplements = supplements
        self.limits = limits
        self.plants = plants
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
