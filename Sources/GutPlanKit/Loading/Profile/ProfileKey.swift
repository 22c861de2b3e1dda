/// The keys of a profile file, named like the `gutplan plan` options they stand for.
public enum ProfileKey: String, Sendable, CaseIterable {
    case name, sex, age, activity, diet, exclude, confirmed, suspected, symptoms, supplements
    case labs, lab, kcal, start
    case mealTimes = "meal-times"
    case servings
    case maxMinutes = "max-minutes"
    case lowFODMAP = "low-fodmap"
    case weeks, seed, ramp, lock, notes

    /// Keys that may be given on several lines, each adding one more (a note line, a lab, a lock).
    public var isRepeatable: Bool { self == .notes || self == .lab || self == .lock }

    /// Comma-separated lists.
    public var isList: Bool { [.exclude, .confirmed, .suspected, .symptoms, .supplements].contains(self) }

    /// Keys whose entry goes on over the indented lines after it: more list items, more note
    /// lines, lab rows (`labs:`).
    public var takesContinuation: Bool { isList || self == .notes || self == .labs }
}
