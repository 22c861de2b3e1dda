/// The one reader of the schedule's small syntaxes, shared by the command line, the interactive
/// questions and profile files. Messages say what is wrong without naming where the text came
/// from: the caller adds the option or the profile line.
extension PlanOptions {
    /// The minutes of prep and cooking a slot's limit may name (`max-minutes`): up to a day.
    /// Options, profile files and saved plans all check against it.
    public static let maxMinutesRange = 1...1440

    /// A start date, strict `YYYY-MM-DD` (surrounding blanks ignored): the date as written, or
    /// `.invalidRequest` saying why not.
    public static func startDate(parsing text: String) throws(GutPlanError) -> String {
        let trimmed = text.trimmedBlanks
        if let date = CalendarDate(trimmed) { return date.text }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].utf8.count == 4, parts[1].utf8.count == 2, parts[2].utf8.count == 2,
           let year = Int(parts[0]), let month = Int(parts[1]), Int(parts[2]) != nil, (1...9999).contains(year),
           (1...12).contains(month) {
            throw .invalidRequest("'\(trimmed.clipped(to: 40))' is not a date: that month has "
                + "\(CalendarDate.daysIn(month: month, year: year)) days")
        }
        throw .invalidRequest("'\(trimmed.clipped(to: 40))' is not a date: give YYYY-MM-DD, e.g. 2026-12-07")
    }

    /// A 24-hour clock time `HH:MM` (or `H:MM`): the time as `HH:MM`, or `.invalidRequest`.
    public static func clockTime(parsing text: String) throws(GutPlanError) -> String {
        guard let time = ClockTime(text.trimmedBlanks) else {
            throw .invalidRequest("'\(text.clipped(to: 20))' is not a time: give HH:MM, 00:00 to 23:59")
        }
        return time.text
    }

    /// `SLOT=VALUE` pairs, comma-separated: blanks around items and empty items are ignored, the
    /// word `none` alone is no pair, each slot of `slots` at most once (an exact repeat of an
    /// item is dropped). The values are returned as written (trimmed).
    public static func slotPairs(parsing text: String, slots: [Slot]) throws(GutPlanError) -> [(slot: Slot, value: String)] {
        if text.trimmedBlanks.lowercased() == "none" { return [] }
        var pairs: [(slot: Slot, value: String)] = []
        var seen = Set<String>()
        for part in text.split(separator: ",", omittingEmptySubsequences: true) {
            let item = part.trimmedBlanks
            guard !item.isEmpty, seen.insert(item.lowercased()).inserted else { continue }
            guard !item.contains(where: \.isNewline) else { throw .invalidRequest("a list item cannot contain a line break") }
            let sides = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmedBlanks }
            guard sides.count == 2, !sides[0].isEmpty else {
                throw .invalidRequest("'\(item.clipped(to: 40))' is not SLOT=VALUE")
            }
            guard let slot = Slot(rawValue: sides[0].lowercased()), slots.contains(slot) else {
                throw .invalidRequest("unknown slot '\(sides[0].clipped(to: 40))'"
                    + Suggestion.didYouMean(sides[0].lowercased(), among: slots.map(\.rawValue)))
            }
            guard !pairs.contains(where: { $0.slot == slot }) else { throw .invalidRequest("\(slot.rawValue) is given twice") }
            pairs.append((slot, sides[1]))
        }
        return pairs
    }

    /// Parses `"breakfast=07:30,lunch=12:30,snack=15:30,dinner=18:30"` over `base` (the defaults):
    /// any slot of `slots` may be given (`fermented=10:00`, `stress=21:00` move the additions and
    /// the stress step in the calendar). Times are written back as `HH:MM`.
    public static func mealTimes(parsing text: String, over base: [Slot: String] = PlanOptions.defaultMealTimes,
                                 slots: [Slot] = Slot.allCases) throws(GutPlanError) -> [Slot: String] {
        var times = base
        for (slot, value) in try slotPairs(parsing: text, slots: slots) {
            do {
                times[slot] = try clockTime(parsing: value)
            } catch {
                throw .invalidRequest("\(slot.rawValue): \(error.message)")
            }
        }
        return times
    }
}
