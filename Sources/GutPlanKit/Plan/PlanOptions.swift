/// How to lay out and schedule a plan, apart from who it is for (`Profile`).
public struct PlanOptions: Sendable, Equatable, Codable {
    /// A meal fixed in a day and slot (`--lock "2:dinner=salmon-quinoa-broccoli"`); `day` is 1-based
    /// over the whole plan.
    public struct Lock: Sendable, Equatable, Codable {
        public var day: Int
        public var slot: Slot
        public var item: String

        public init(day: Int, slot: Slot, item: String) {
            self.day = day
            self.slot = slot
            self.item = item
        }
    }

    /// Seeds the choice among equally good plans.
    public var seed: UInt64
    /// Day 1's date, `YYYY-MM-DD`; `nil` keeps Monday-to-Sunday without dates.
    public var start: String?
    /// Consecutive weeks, 1 to 12; no meal repeats from the week before.
    public var weeks: Int
    /// People at the table: scales ingredients and shopping, never the nutrition shown.
    public var servings: Int
    /// Clock times (`HH:MM`) of each slot for the calendar; defaults breakfast 07:30, lunch
    /// 12:30, snack 15:30, dinner 18:30.
    public var mealTimes: [Slot: String]
    /// Most prep plus cook minutes a meal may take, by slot.
    public var maxMinutes: [Slot: Int]
    public var locks: [Lock]
    /// Additions ramp up over the first week (smaller servings first), as with gut symptoms.
    public var ramp: Bool

    public static let defaultMealTimes: [Slot: String] = [
        .breakfast: "07:30", .lunch: "12:30", .snack: "15:30", .dinner: "18:30",
    ]

    public init(seed: UInt64 = 0, start: String? = nil, weeks: Int = 1, servings: Int = 1,
                mealTimes: [Slot: String] = PlanOptions.defaultMealTimes, maxMinutes: [Slot: Int] = [:],
                locks: [Lock] = [], ramp: Bool = false) {
        self.seed = seed
        self.start = start
        self.weeks = weeks
        self.servings = servings
        self.mealTimes = mealTimes
        self.maxMinutes = maxMinutes
        self.locks = locks
        self.ramp = ramp
    }
}
