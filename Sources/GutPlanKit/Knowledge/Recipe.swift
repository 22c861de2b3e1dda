/// How to cook one meal: a short method and its times (one row of `Rules/methods.csv`).
/// The method text is the project's own writing (see docs/PLATE.md).
public struct Recipe: Sendable, Equatable {
    /// The meal id of `Rules/meals.csv`.
    public var meal: String
    /// Hands-on minutes (chopping, mixing); overnight soaking and chilling are not counted.
    public var prepMinutes: Int
    /// Minutes on the heat or in the oven, including grains and dry legumes cooked from raw.
    public var cookMinutes: Int
    /// One to five steps, in order, each one line of text.
    public var steps: [String]

    public init(meal: String, prepMinutes: Int, cookMinutes: Int, steps: [String]) {
        self.meal = meal
        self.prepMinutes = prepMinutes
        self.cookMinutes = cookMinutes
        self.steps = steps
    }

    /// Prep and cook minutes together, what `--max-minutes` compares with.
    public var totalMinutes: Int { prepMinutes + cookMinutes }
}
