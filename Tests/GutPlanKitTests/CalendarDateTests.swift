import Testing
@testable import GutPlanKit

@Test func calendarDateParsesStrictly() {
    #expect(CalendarDate("2026-12-07") == CalendarDate(year: 2026, month: 12, day: 7))
    #expect(CalendarDate("2024-02-29") != nil)
    #expect(CalendarDate("2000-02-29") != nil)  // divisible by 400
    for bad in ["2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00", "0000-01-01",
                "2026-1-01", "2026-01-1", " 2026-01-01", "2026-01-01 ", "2026/01/01", "20260101", "２０２６-01-01",
                "2026-01-0a", "+026-01-01", ""] {
        #expect(CalendarDate(bad) == nil, "\(bad)")
    }
}

@Test func calendarDateRoundTripsEveryDayOfFourCenturies() {
    // Every day from 1600-01-01 to 2400-12-31 against month lengths counted by hand.
    var date = CalendarDate(year: 1600, month: 1, day: 1)!
    var days = date.daysSince1970
    var weekday = date.weekday
    var checked = 0, wrong: [String] = []
    while date.year <= 2400 {
        let next = date.day < CalendarDate.daysIn(month: date.month, year: date.year)
            ? CalendarDate(year: date.year, month: date.month, day: date.day + 1)
            : date.month < 12 ? CalendarDate(year: date.year, month: date.month + 1, day: 1)
            : CalendarDate(year: date.year + 1, month: 1, day: 1)
        guard let next else { Issue.record("no day after \(date)"); return }
        days += 1
        weekday = (weekday + 1) % 7
        if next.daysSince1970 != days || CalendarDate(daysSince1970: days) != next || next.weekday != weekday
            || CalendarDate(next.text) != next { wrong.append(next.text) }
        checked += 1
        date = next
    }
    #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    #expect(checked == CalendarDate(year: 2401, month: 1, day: 1)!.daysSince1970 - CalendarDate(year: 1600, month: 1, day: 1)!.daysSince1970)
    #expect(checked == 801 * 365 + 195)  // 801 years, 195 of them leap (200 multiples of 4, less 1700, 1800, 1900, 2100, 2200, 2300)
}

@Test func calendarDateKnownWeekdaysAndArithmetic() {
    #expect(CalendarDate("1970-01-01")?.daysSince1970 == 0)
    #expect(CalendarDate("1970-01-01")?.weekdayName == "Thursday")
    #expect(CalendarDate("2000-01-01")?.weekdayName == "Saturday")
    #expect(CalendarDate("2026-12-07")?.weekdayName == "Monday")
    #expect(CalendarDate("2024-02-29")?.weekdayName == "Thursday")
    #expect(CalendarDate("1969-12-31")?.daysSince1970 == -1)
    #expect(CalendarDate("2026-12-28")?.adding(days: 7).text == "2027-01-04")
    #expect(CalendarDate("2024-02-28")?.adding(days: 1).text == "2024-02-29")
    #expect(CalendarDate("2023-02-28")?.adding(days: 1).text == "2023-03-01")
    #expect(CalendarDate("2026-03-01")?.adding(days: -1).text == "2026-02-28")
    #expect(CalendarDate("2026-01-31")?.adding(months: 1).text == "2026-02-28")
    #expect(CalendarDate("2024-01-31")?.adding(months: 1).text == "2024-02-29")
    #expect(CalendarDate("2026-11-15")?.adding(months: 3).text == "2027-02-15")
    #expect(CalendarDate("2026-12-07")?.longText == "Monday 7 December 2026")
    #expect(CalendarDate("0001-01-01")?.basicText == "00010101")
}

@Test func clockTimeParsesStrictly() {
    #expect(ClockTime("07:30")?.minutes == 450)
    #expect(ClockTime("7:30")?.text == "07:30")
    #expect(ClockTime("23:59")?.basicText == "235900")
    for bad in ["24:00", "12:60", "12:5", "123:00", "12-30", "12:30:00", "", ":", "ab:cd", " 7:30", "7:3０"] {
        #expect(ClockTime(bad) == nil, "\(bad)")
    }
}

@Test func mealTimesParseOverTheDefaults() throws {
    let times = try PlanOptions.mealTimes(parsing: "breakfast=6:45, dinner=19:00,stress=21:15")
    #expect(times[.breakfast] == "06:45")
    #expect(times[.lunch] == "12:30")
    #expect(times[.dinner] == "19:00")
    #expect(times[.stress] == "21:15")
    // A trailing comma is an empty item, ignored as in every list.
    #expect(try PlanOptions.mealTimes(parsing: "breakfast=07:30,")[.breakfast] == "07:30")
    #expect(throws: GutPlanError.self) { try PlanOptions.mealTimes(parsing: "stress=21:00", slots: Slot.meals) }
    for bad in ["brunch=10:00", "breakfast", "breakfast=25:00", "breakfast=07:30,breakfast=08:00", "=07:30"] {
        #expect(throws: GutPlanError.self, "\(bad)") { try PlanOptions.mealTimes(parsing: bad) }
        do { _ = try PlanOptions.mealTimes(parsing: bad) } catch {
            guard case .invalidRequest = error else { Issue.record("\(bad): \(error)"); continue }
        }
    }
}

@Test func datedPlanNamesRealWeekdaysAndRetests() throws {
    let plan = try DatedPlanFixture.plan(start: nil).dated(start: "2026-12-31")
    #expect(plan.start == "2026-12-31")
    #expect(plan.days.map { $0.date ?? "" } == ["2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04",
                                                "2027-01-05", "2027-01-06"])
    #expect(plan.days.map(\.name) == ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"])
    #expect(plan.retests.first?.date == "2027-02-25")  // + 8 weeks
    // A date set already is kept.
    var withDate = DatedPlanFixture.plan(start: nil)
    withDate.retests[0].date = "2027-05-01"
    #expect(withDate.dated(start: CalendarDate(year: 2026, month: 12, day: 7)!).retests[0].date == "2027-05-01")
    #expect(throws: GutPlanError.self) { try DatedPlanFixture.plan(start: nil).dated(start: "2026-02-30") }
    #expect(throws: GutPlanError.self) { try DatedPlanFixture.plan(start: nil).dated(start: "9999-12-30") }
}

@Test func retestDatesFromWords() {
    let start = CalendarDate(year: 2026, month: 1, day: 31)!
    #expect(MealPlan.retestDate(after: "after 8-12 weeks", start: start)?.text == "2026-03-28")
    #expect(MealPlan.retestDate(after: "3 months", start: start)?.text == "2026-04-30")
    #expect(MealPlan.retestDate(after: "in 10 days", start: start)?.text == "2026-02-10")
    #expect(MealPlan.retestDate(after: "1 year", start: start)?.text == "2027-01-31")
    #expect(MealPlan.retestDate(after: "when symptoms change", start: start) == nil)
    #expect(MealPlan.retestDate(after: "after 99999999999 weeks", start: start) == nil)
}
