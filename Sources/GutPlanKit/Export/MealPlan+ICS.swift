extension MealPlan {
    /// Default calendar times for the slots `PlanOptions.defaultMealTimes` leaves out: the
    /// fermented addition goes with breakfast, the prebiotic addition with dinner, and the stress
    /// step at 20:30, an evening wind-down (the project's own choice; `--meal-times` moves them).
    static func calendarTime(_ slot: Slot, in times: [Slot: String]) -> String {
        if let time = times[slot] { return time }
        switch slot {
        case .fermented: return calendarTime(.breakfast, in: times)
        case .prebiotic: return calendarTime(.dinner, in: times)
        case .stress: return "20:30"
        default: return PlanOptions.defaultMealTimes[slot] ?? "12:00"
        }
    }

    /// How long an item's event lasts, in minutes: a meal's prep plus cook minutes when known,
    /// else 30 (15 for a snack); an addition 10; a stress step its own minutes (the `N min:` its
    /// detail starts with), else 15. At least 5, at most a day. The project's own choices.
    static func calendarMinutes(_ item: Item) -> Int {
        var minutes: Int
        switch item.kind {
        case .meal:
            let known = (item.prepMinutes ?? 0) + (item.cookMinutes ?? 0)
            minutes = known > 0 ? known : item.slot == .snack ? 15 : 30
        case .fermented, .prebiotic:
            minutes = 10
        case .stress:
            let lead = item.detail.map { String($0.prefix { $0.isASCII && $0.isNumber }) } ?? ""
            minutes = item.detail?.dropFirst(lead.count).hasPrefix(" min") == true ? Int(lead) ?? 15 : 15
        }
        return min(max(minutes, 5), 24 * 60)
    }

    /// The plan as an RFC 5545 calendar: one VEVENT per meal, addition and stress step, in
    /// floating local time (no time zone: 07:30 stays 07:30 wherever the calendar is opened).
    ///
    /// - Events start at `mealTimes` (`HH:MM` by slot; missing slots use the defaults and
    ///   `calendarTime`) on each day's date and last `calendarMinutes`.
    /// - UIDs are `<hash>-d<day>-<slot>@gutplan`, where the hash is FNV-1a 64 of the plan's
    ///   compact JSON and its start date: the same plan gives the same UIDs, another plan others.
    /// - DTSTAMP, which RFC 5545 requires, is the start date at 00:00:00 UTC, so output never
    ///   depends on the clock.
    ///
    /// Days take their `date`; a day without one falls `index` days after `start`. Throws a
    /// usage error (exit 64) when neither is set ("the calendar needs a start date (YYYY-MM-DD)"), or
    /// when a meal time is not `HH:MM`.
    public func ics(mealTimes: [Slot: String] = PlanOptions.defaultMealTimes) throws(GutPlanError) -> String {
        let startDate = start.flatMap(CalendarDate.init)
        var dates: [CalendarDate] = []
        for (index, day) in days.enumerated() {
            if let text = day.date {
                guard let date = CalendarDate(text) else {
                    throw .invalidRequest("day \(day.number) has the date '\(text.clipped(to: 40))', which is not YYYY-MM-DD")
                }
                dates.append(date)
            } else if let startDate {
                dates.append(startDate.adding(days: index))
            } else {
                throw .invalidRequest("the calendar needs a start date (YYYY-MM-DD)")
            }
        }
        if days.isEmpty && startDate == nil { throw .invalidRequest("the calendar needs a start date (YYYY-MM-DD)") }
        var times: [Slot: ClockTime] = [:]
        for slot in Slot.allCases {
            let text = MealPlan.calendarTime(slot, in: mealTimes)
            guard let time = ClockTime(text) else {
                throw .invalidRequest("the \(slot.rawValue) time '\(text.clipped(to: 20))' is not HH:MM")
            }
            times[slot] = time
        }

        let stampDate = startDate ?? dates.first ?? CalendarDate(daysSince1970: 0)
        let planHash = ICSWriter.stableHash((start ?? "") + "\n" + json(pretty: false))
        var writer = ICSWriter()
        writer.add("BEGIN", "VCALENDAR")
        writer.add("VERSION", "2.0")
        writer.add("PRODID", "-//gutplan//gutplan meal plan//EN")
        writer.add("CALSCALE", "GREGORIAN")
        writer.add("METHOD", "PUBLISH")
        writer.addText("X-WR-CALNAME", "gutplan meal plan")
        for (day, date) in zip(days, dates) {
            for item in day.items {
                guard let begin = times[item.slot] else { continue }  // every slot is set above
                let end = begin.minutes + MealPlan.calendarMinutes(item)
                let endDate = date.adding(days: end / (24 * 60))
                let endTime = ClockTime(hour: (end % (24 * 60)) / 60, minute: end % 60) ?? begin
                writer.add("BEGIN", "VEVENT")
                writer.add("UID", "\(planHash)-d\(day.number)-\(item.slot.rawValue)@gutplan")
                writer.add("DTSTAMP", "\(stampDate.basicText)T000000Z")
                writer.add("DTSTART", "\(date.basicText)T\(begin.basicText)")
                writer.add("DTEND", "\(endDate.basicText)T\(endTime.basicText)")
                writer.addText("SUMMARY", calendarSummary(item))
                writer.addText("DESCRIPTION", calendarDescription(item))
                writer.addText("CATEGORIES", item.kind == .meal ? item.slot.rawValue : item.kind.rawValue)
                writer.add("TRANSP", "TRANSPARENT")
                writer.add("END", "VEVENT")
            }
        }
        writer.add("END", "VCALENDAR")
        return writer.rendered
    }

    /// `Breakfast: Oat porridge`, `Fermented: Kefir`, `Stress step: Box breathing`.
    func calendarSummary(_ item: Item) -> String {
        let label: String
        switch item.kind {
        case .meal: label = item.slot.rawValue.prefix(1).uppercased() + item.slot.rawValue.dropFirst()
        case .fermented: label = "Fermented"
        case .prebiotic: label = "Prebiotic"
        case .stress: label = "Stress step"
        }
        return "\(label): \(item.name)"
    }

    /// Ingredients (or foods and servings when no ingredients are written), method, times, energy
    /// and the disclaimer; a stress step's instructions.
    func calendarDescription(_ item: Item) -> String {
        var lines: [String] = []
        if let detail = item.detail { lines.append(detail) }
        if !item.ingredients.isEmpty {
            lines.append(servings > 1 ? "Ingredients (for \(servings) people):" : "Ingredients:")
            lines += item.ingredients.map { "- " + $0.text }
        } else if !item.foods.isEmpty {
            lines.append("Foods:")
            lines += item.foods.map {
                "- \($0.food), \(DecimalText.format($0.servings, maxFractionDigits: 2)) serving\($0.servings == 1 ? "" : "s")"
            }
        }
        if !item.method.isEmpty {
            lines.append("Method:")
            lines += item.method.enumerated().map { "\($0.offset + 1). \($0.element)" }
        }
        var times: [String] = []
        if let prep = item.prepMinutes { times.append("prep \(prep) min") }
        if let cook = item.cookMinutes { times.append("cook \(cook) min") }
        if !times.isEmpty { lines.append(times.joined(separator: ", ").prefix(1).uppercased() + times.joined(separator: ", ").dropFirst() + ".") }
        if let kcal = item.kcal { lines.append("About \(DecimalText.format(kcal, maxFractionDigits: 0)) kcal a person.") }
        lines.append(MealPlan.disclaimer)
        return lines.joined(separator: "\n")
    }
}
