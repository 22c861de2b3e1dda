/// The optimisation problem the planner solves, independent of where it came from.
/// It is exactly what `--emit-problem` writes, so an external MILP solver can check a plan
/// (docs/PROBLEM.md gives the JSON keys and the exact MILP).
///
/// Choose, for each of `days` days, one item for each slot in `slots`, so that
/// - every item is used at most `maxPerWeek` times, only on its `days`, and never on two
///   consecutive days when `noConsecutiveDays` is set; every `fixed` item is in its day and slot;
/// - each day's energy (sum of `kcal`) lies within `energy`;
/// - each day's eaten total plus supplement of every nutrient with an `upperLimit` stays at or
///   below it, and every ratio limit and daily food cap holds; weekly food caps hold over the week;
/// maximising lexicographically
/// 1. `score = Σn wn · (1/days) Σd min(1, (sn + counted(n,d)) / t(n)) / Σn wn` over nutrients with
///    weight > 0 and a target;
/// 2. among weeks with score ≥ best − `scoreTolerance`: `plants = min(plantsCap, distinct species)`;
/// 3. preferred days (Σ over weighted nutrients of the days with an item preferred for it);
/// 4. distinct items in the meal slots.
public struct PlanningProblem: Sendable, Equatable {
    /// A nutrient of the objective (weight > 0) or with an upper limit, or both.
    public struct NutrientTerm: Sendable, Equatable {
        public var id: String
        public var unit: String
        /// Daily target; `nil` when the nutrient has none (then it only constrains).
        public var target: Double?
        /// Objective weight; 0 for nutrients listed only for their upper limit.
        public var weight: Double
        public var upperLimit: Double?
        /// Daily amount from the person's supplements, added to every day's total, both for the
        /// score and for the upper limit (so food plus supplement never passes the limit).
        public var supplement: Double

        public init(id: String, unit: String, target: Double?, weight: Double, upperLimit: Double?,
                    supplement: Double = 0) {
            self.id = id
            self.unit = unit
            self.target = target
            self.weight = weight
            self.upperLimit = upperLimit
            self.supplement = supplement
        }
    }

    /// A meal or an addition still allowed after the diet and exclusions.
    public struct Item: Sendable, Equatable {
        public var id: String
        /// Slots the item may fill.
        public var slots: [Slot]
        public var kcal: Double
        public var maxPerWeek: Int
        public var noConsecutiveDays: Bool
        /// Amount of each nutrient, aligned with `PlanningProblem.nutrients` (0 where unknown).
        public var amounts: [Double]
        /// Servings of foods the fired rules prefer. Informational only: no longer part of the
        /// objective (`preferredFor` is); still written to and read from the problem JSON.
        public var preference: Double
        /// Amount of each nutrient that the score counts (what is absorbed), aligned with
        /// `nutrients`; `nil` means "the same as `amounts`". Upper limits always use `amounts`.
        public var counted: [Double]?
        /// Plant species the item contains (raw and cooked carrot are one species).
        public var plants: [String]
        /// Ids of the weighted nutrients for which the item holds one of the rules' preferred foods.
        public var preferredFor: [String]
        /// 1-based days on which the item may be planned; `nil` means every day.
        public var days: [Int]?

        public init(id: String, slots: [Slot], kcal: Double, maxPerWeek: Int, noConsecutiveDays: Bool,
                    amounts: [Double], preference: Double, counted: [Double]? = nil, plants: [String] = [],
                    preferredFor: [String] = [], days: [Int]? = nil) {
            self.id = id
            self.slots = slots
            self.kcal = kcal
            self.maxPerWeek = maxPerWeek
            self.noConsecutiveDays = noConsecutiveDays
            self.amounts = amounts
            self.preference = preference
            self.counted = counted
            self.plants = plants
            self.preferredFor = preferredFor
            self.days = days
        }
    }

    /// A daily ratio limit: `Σ numerator ≤ max · Σ denominator` over one day's items, where each
    /// side is a nutrient id of `nutrients` or `energy` (the items' `kcal`); e.g. saturated-fat kcal
    /// at most 0.10 of energy.
    public struct RatioLimit: Sendable, Equatable {
        public var id: String
        public var numerator: String
        public var denominator: String
        public var max: Double

        public init(id: String, numerator: String, denominator: String, max: Double) {
            self.id = id
            self.numerator = numerator
            self.denominator = denominator
            self.max = max
        }
    }

    /// A cap on one food wherever it appears: `Σ amounts[item] · x(item, day)` at most `maxPerDay`
    /// on every day and at most `maxPerWeek` over the week, in the cap's own unit (eggs as eggs).
    public struct FoodCap: Sendable, Equatable {
        public var id: String
        public var maxPerDay: Double?
        public var maxPerWeek: Double?
        /// Amount of the capped food in each item, keyed by item id (items without it are absent).
        public var amounts: [String: Double]

        public init(id: String, maxPerDay: Double?, maxPerWeek: Double?, amounts: [String: Double]) {
            self.id = id
            self.maxPerDay = maxPerDay
            self.maxPerWeek = maxPerWeek
            self.amounts = amounts
        }
    }

    /// An item fixed in a day and slot (a lock); `day` is 1-based.
    public struct Fixed: Sendable, Equatable {
        public var day: Int
        public var slot: Slot
        public var item: String

        public init(day: Int, slot: Slot, item: String) {
            self.day = day
            self.slot = slot
            self.item = item
        }
    }

    public var days: Int
    public var slots: [Slot]
    public var energy: ClosedRange<Double>
    public var nutrients: [NutrientTerm]
    public var items: [Item]
    public var ratioLimits: [RatioLimit]
    public var foodCaps: [FoodCap]
    /// At most this many distinct plant species count towards `plants` (30: McDonald et al. 2018).
    public var plantsCap: Int
    /// Weeks whose score is at least the best score minus this tie on score, and are then
    /// ordered by plants, preferred days and distinct meals.
    public var scoreTolerance: Double
    public var fixed: [Fixed]

    public init(days: Int = 7, slots: [Slot] = Slot.planned, energy: ClosedRange<Double>,
                nutrients: [NutrientTerm], items: [Item], ratioLimits: [RatioLimit] = [],
                foodCaps: [FoodCap] = [], plantsCap: Int = 30, scoreTolerance: Double = 0.005,
                fixed: [Fixed] = []) {
        self.days = days
        self.slots = slots
        self.energy = energy
        self.nutrients = nutrients
        self.items = items
        self.ratioLimits = ratioLimits
        self.foodCaps = foodCaps
        self.plantsCap = plantsCap
        self.scoreTolerance = scoreTolerance
        self.fixed = fixed
    }
}
