/// A dish a person cooks: foods with servings, usable in one or more meal slots (one row of `Rules/meals.csv`).
public struct Meal: Sendable, Equatable {
    /// One food of a meal and how many of its servings the meal holds.
    public struct Portion: Sendable, Equatable, Codable {
        public var food: String
        public var servings: Double
        public init(food: String, servings: Double) {
            self.food = food
            self.servings = servings
        }
    }

    public var id: String
    public var name: String
    public var slots: [Slot]
    public var portions: [Portion]

    public init(id: String, name: String, slots: [Slot], portions: [Portion]) {
        self.id = id
        self.name = name
        self.slots = slots
        self.portions = portions
    }
}
