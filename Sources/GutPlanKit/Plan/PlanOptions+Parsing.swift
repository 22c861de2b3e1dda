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

    /// Parses `"breakfast=07:30,lunch=12:30,snack=15:30,dinner=18:30"` over the defaults: any
    /// slot may be given (`fermented=10:00`, `stress=21:00` move the additions and the stress
    /// step in the calendar). Times are written back as `HH:MM`.
    public static func mealTimes(parsing text: String,
                                 over base: [Slot: String] = PlanOptions.defaultMealTimes) throws(GutPlanError) -> [Slot: String] {
        var times = base
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmedBlanks.lowercased()
            guard parts.count == 2, let slot = Slot(rawValue: name) else {
                throw .invalidRequest("'\(String(entry).clipped(to: 40))' is not SLOT=HH:MM "
                    + "(slots: \(Slot.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            do {
                times[slot] = try clockTime(parsing: String(parts[1]))
            } catch {
                throw .invalidRequest("\(name): \(error.message)")
            }
        }
        return times
    }
}
