/// A dish a person cooks: foods with servings, usable in one or more meal slots (one row of `Rules/meals.csv`).
public struct Meal: Sendable, Equatable {
    /// One food of a meal and how many of its servings the meal holds.
    public struct Portion: Sendable, Equatable, Codable {
        public var food: String
        public var servings: Double
        init(food: String, servings: Double) {
            self.food = food
            self.servings = servings
        }
    }

    var id: String
    var name: String
    var slots: [Slot]
    var portions: [Portion]

    init(id: String, name: String, slots: [Slot], portions: [Portion]) {
        self.id = id
        self.name = name
        self.slots = slots
        self.portions = portions
    }
}
