/// The optimisation problem the planner solves, independent of where it came from.
/// It is exactly what `--emit-problem` writes, so an external MILP solver can check a plan.
///
/// Choose, for each of `days` days, one item for each slot in `slots`, so that
/// - every item is used at most `maxPerWeek` times, and never on two consecutive days when
///   `noConsecutiveDays` is set;
/// - each day's energy (sum of `kcal`) lies within `energy`;
/// - each day's total of every nutrient with an `upperLimit` stays at or below it;
/// maximising `score = Σn wn · (1/days) Σd min(1, a(n,d) / t(n)) / Σn wn` over nutrients with
/// weight > 0 and a target. Ties go to more `preference`, then to more distinct items.
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

        public init(id: String, unit: String, target: Double?, weight: Double, upperLimit: Double?) {
            self.id = id
            self.unit = unit
            self.target = target
            self.weight = weight
            self.upperLimit = upperLimit
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
        /// Tie-break: servings of foods the fired rules prefer.
        public var preference: Double

        public init(id: String, slots: [Slot], kcal: Double, maxPerWeek: Int, noConsecutiveDays: Bool,
                    amounts: [Double], preference: Double) {
            self.id = id
            self.slots = slots
            self.kcal = kcal
            self.maxPerWeek = maxPerWeek
            self.noConsecutiveDays = noConsecutiveDays
            self.amounts = amounts
            self.preference = preference
        }
    }

    public var days: Int
    public var slots: [Slot]
    public var energy: ClosedRange<Double>
    public var nutrients: [NutrientTerm]
    public var items: [Item]

    public init(days: Int = 7, slots: [Slot] = Slot.planned, energy: ClosedRange<Double>,
                nutrients: [NutrientTerm], items: [Item]) {
        self.days = days
        self.slots = slots
        self.energy = energy
        self.nutrients = nutrients
        self.items = items
    }
}
