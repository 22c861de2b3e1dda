extension MealPlan {
    /// The plan with real dates: day N falls on `start` + (N − 1) days, each day is named after
    /// its real weekday, `start` is set, and every retest without a date gets the earliest date
    /// its `after` allows ("after 8-12 weeks" → start + 8 weeks; days, weeks, months and years
    /// are understood; a retest whose `after` names none of them keeps `date` nil).
    func dated(start: CalendarDate) -> MealPlan {
        var plan = self
        plan.start = start.text
        for index in plan.days.indices {
            let date = start.adding(days: index)
            plan.days[index].date = date.text
            plan.days[index].name = date.weekdayName
        }
        for index in plan.retests.indices where plan.retests[index].date == nil {
            plan.retests[index].date = MealPlan.retestDate(after: plan.retests[index].after, start: start)?.text
        }
        return plan
    }

    /// `dated(start:)` from `YYYY-MM-DD` text: a usage error (exit 64) when the text
    /// is not a real date, or when the plan would run past the year 9999.
    func dated(start text: String) throws(GutPlanError) -> MealPlan {
        guard let start = CalendarDate(try PlanOptions.startDate(parsing: text)) else {
            throw .internalFailure("a parsed start date did not read back")
        }
        guard start.adding(days: max(days.count - 1, 0) + 366).hasFourDigitYear else {
            throw .invalidRequest("the start date \(start.text) is too late: the plan and its retests must end by 9999-12-31")
        }
        return dated(start: start)
    }

    /// The earliest date in words like `after 8-12 weeks`, `3 months`, `in 10 days`: the first
    /// number, counted in the first unit word after it, from `start`.
    static func retestDate(after text: String, start: CalendarDate) -> CalendarDate? {
        let words = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        guard let numberIndex = words.firstIndex(where: { Int($0) != nil }), let count = Int(words[numberIndex]),
              count <= 520 else { return nil }
        for word in words[(numberIndex + 1)...] {
            switch word {
            case "day", "days": return start.adding(days: count)
            case "week", "weeks", "wk", "wks": return start.adding(days: 7 * count)
            case "month", "months", "mo": return start.adding(months: count)
            case "year", "years", "yr", "yrs": return start.adding(months: 12 * count)
            default: continue
            }
        }
        return nil
    }
}
