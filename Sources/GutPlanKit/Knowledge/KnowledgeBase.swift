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

    public init(nutrients: [Nutrient], foods: [Food], meals: [Meal], steps: [StressStep],
                symptoms: [Symptom], labTests: [LabTest], rules: [Rule],
                weights: [FlagStatus: Double] = [.confirmed: 2, .suspected: 1]) {
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
