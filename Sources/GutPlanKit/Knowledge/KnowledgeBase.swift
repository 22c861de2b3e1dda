/// Everything gutplan knows, loaded from a rule directory: reference intakes, foods, meals,
/// steps, symptoms, lab tests and rules.
struct KnowledgeBase: Sendable {
    var nutrients: [Nutrient]
    var foods: [Food]
    var meals: [Meal]
    var steps: [StressStep]
    var symptoms: [Symptom]
    var labTests: [LabTest]
    var rules: [Rule]
    /// Weight of a flagged nutrient in the planner's objective, by flag status
    /// (confirmed 2, suspected 1 unless a rule file says `set weight ...`).
    var weights: [FlagStatus: Double]
    /// Estimated calorie needs by sex, age and activity (`energy.csv`); empty: the fixed bands.
    var energyNeeds: [EnergyNeed]
    /// How supplements count (`supplements.csv`).
    var supplementCounts: [SupplementCount]
    /// Daily limits a dietitian checks (`limits.csv`).
    var limits: [DailyLimit]
    /// Caps on foods (`caps.csv`).
    var foodCaps: [FoodCapRule]
    /// What the body absorbs (`absorption.csv`); `nil`: every amount counts as eaten.
    var absorption: AbsorptionModel?
    /// Methods and times of meals (`methods.csv`).
    var recipes: [Recipe] = []
    /// How a shop sells each food (`shopping.csv`).
    var shoppingInfo: [ShoppingInfo] = []
    /// How a cook measures each food (`units.csv`).
    var units: [HouseholdUnit] = []
    /// When to retest each confirmed deficiency (`retests.csv`); empty: no reminders.
    var retests: [RetestGuidance] = []
    /// How additions ramp up over the first week (`ramp.csv`); empty: full servings from day 1.
    var ramp: [RampStep] = []
    /// Steps of meal portions for larger energy needs (`portions.csv`); empty: standard portions only.
    var portionScales: [PortionScale] = []

    init(nutrients: [Nutrient], foods: [Food], meals: [Meal], steps: [StressStep],
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
