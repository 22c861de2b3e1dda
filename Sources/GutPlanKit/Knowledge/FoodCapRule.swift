/// A cap on a food, wherever it appears in meals and additions (one row of `Rules/caps.csv`).
struct FoodCapRule: Sendable, Equatable {
    /// How an item's amount of the capped food is counted.
    enum Measure: String, Sendable, Equatable {
        case servings
        case grams
        /// Whole eggs (the `eggs` column of foods.csv).
        case eggs
        /// Items (meals and additions) that hold any of the selected foods, each counted once
        /// however much of the foods it holds: a cap of 1 a day keeps the food to one item a day.
        case items
    }

    /// Which foods the cap counts.
    enum Selector: Sendable, Equatable, Hashable {
        /// One cap per food: alone, over every food; beside other selectors, over each food they select.
        case each
        /// Foods carrying the tag.
        case tag(String)
        /// Fish and shellfish in an FDA/EPA advice category (`best`, `good`, `avoid`).
        case fish(String)
        /// One food, by its id in `foods.csv`.
        case food(String)
    }

    var id: String
    var name: String
    var measure: Measure
    /// The union of these selections; with `each`, one cap per selected food instead of one for all.
    var select: [Selector]
    var maxPerDay: Double?
    var maxPerWeek: Double?
    /// The cap applies only to this sex, when given.
    var sex: Sex?
    /// The cap applies only within these ages, when given.
    var ages: ClosedRange<Int>?
    var source: String

    init(id: String, name: String, measure: Measure, select: [Selector], maxPerDay: Double?, maxPerWeek: Double?,
                sex: Sex?, ages: ClosedRange<Int>?, source: String) {
        self.id = id
        self.name = name
        self.measure = measure
        self.select = select
        self.maxPerDay = maxPerDay
        self.maxPerWeek = maxPerWeek
        self.sex = sex
        self.ages = ages
        self.source = source
    }

    /// Whether the cap applies to a person.
    func applies(sex personSex: Sex, age: Int) -> Bool {
        (sex == nil || sex == personSex) && (ages?.contains(age) ?? true)
    }
}
