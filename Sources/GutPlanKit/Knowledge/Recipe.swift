/// How to cook one meal: a short method and its times (one row of `Rules/methods.csv`).
/// The method text is the project's own writing (see docs/PLATE.md).
struct Recipe: Sendable, Equatable {
    /// The meal id of `Rules/meals.csv`.
    var meal: String
    /// Hands-on minutes (chopping, mixing); overnight soaking and chilling are not counted.
    var prepMinutes: Int
    /// Minutes on the heat or in the oven, including grains and dry legumes cooked from raw.
    var cookMinutes: Int
    /// One to five steps, in order, each one line of text.
    var steps: [String]

    init(meal: String, prepMinutes: Int, cookMinutes: Int, steps: [String]) {
        self.meal = meal
        self.prepMinutes = prepMinutes
        self.cookMinutes = cookMinutes
        self.steps = steps
    }

    /// Prep and cook minutes together, what `--max-minutes` compares with.
    var totalMinutes: Int { prepMinutes + cookMinutes }
}
