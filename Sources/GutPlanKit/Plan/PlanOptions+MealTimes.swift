extension PlanOptions {
    /// Parses `--meal-times "breakfast=07:30,lunch=12:30,snack=15:30,dinner=18:30"` over the
    /// defaults: any slot may be given (`fermented=10:00`, `stress=21:00` move the additions and
    /// the stress step in the calendar). Times are written back as `HH:MM`.
    /// A usage error (exit 64) names the first bad entry.
    public static func mealTimes(parsing text: String,
                                 over base: [Slot: String] = PlanOptions.defaultMealTimes) throws(GutPlanError) -> [Slot: String] {
        var times = base
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmedBlanks.lowercased()
            guard parts.count == 2, let slot = Slot(rawValue: name) else {
                throw .invalidRequest("--meal-times: '\(String(entry).clipped(to: 40))' is not SLOT=HH:MM "
                    + "(slots: \(Slot.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let time = ClockTime(parts[1].trimmedBlanks) else {
                throw .invalidRequest("--meal-times: '\(String(parts[1]).clipped(to: 20))' is not a time for \(name): give HH:MM, 00:00 to 23:59")
            }
            times[slot] = time.text
        }
        return times
    }
}
