/// Everything gutplan knows, loaded from a rule directory: reference intakes, foods, meals,
/// steps, symptoms, lab tests and rules.
public struct KnowledgeBase: Sendable {
    public var nutrients: [Nutrient]
    public var foods: [Food]
    public var meals: [Meal]
    public var steps: [StressStep]
    public var symptoms: [Symptom]
    public var labTests: [LabTest]
    public var rules: [Rule]
    /// Weight of a flagged nutrient in the planner's objective, by flag status
    /// (confirmed 2, suspected 1 unless a rule file says `set weight ...`).
    public var weights: [FlagStatus: Double]
    /// Estimated calorie needs by sex, age and activity (`energy.csv`); empty: the fixed bands.
    public var energyNeeds: [EnergyNeed]
    /// How supplements count (`supplements.csv`).
    public var supplementCounts: [SupplementCount]
    /// Daily limits a dietitian checks (`limits.csv`).
    public var limits: [DailyLimit]
    /// Caps on foods (`caps.csv`).
    public var foodCaps: [FoodCapRule]
    /// What the body absorbs (`absorption.csv`); `nil`: every amount counts as eaten.
    public var absorption: AbsorptionModel?
    /// Methods and times of meals (`methods.csv`).
    public var recipes: [Recipe] = []
    /// How a shop sells each food (`shopping.csv`).
    public var shoppingInfo: [ShoppingInfo] = []
    /// How a cook measures each food (`units.csv`).
    public var units: [HouseholdUnit] = []
    /// When to retest each confirmed deficiency (`retests.csv`); empty: no reminders.
    public var retests: [RetestGuidance] = []
    /// How additions ramp up over the first week (`ramp.csv`); empty: full servings from day 1.
    public var ramp: [RampStep] = []

    public init(nutrients: [Nutrient], foods: [Food], meals: [Meal], steps: [StressStep],
                symptoms: [Symptom], labTests: [LabTest], rules: [Rule],
                weights: [FlagStatus: Double] = [.confirmed: 2, .suspected: 1], energyNeeds: [EnergyNeed] = [],
                supplementCounts: [SupplementCount] = [], limits: [DailyLimit] = [], foodCaps: [FoodCapRule] = [],
                absorption: AbsorptionModel? = nil) {
        self.energyNeeds = energyNeeds
        self.supplementCounts = supplementCounts
        self.limits = limits
        self.foodCaps = foodCaps
        self.absorption = absorption
        self.nutrients = nutrients
        self.foods = foods
        self.meals = meals
        self.steps = steps
        self.symptoms = symptoms
        self.labTests = labTests
        self.rules = rules
        self.weights = weights
    }
}
