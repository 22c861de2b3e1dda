import Testing
@testable import GutPlanKit

/// Minutes from 1970-01-01 00:00 of a floating DATE-TIME.
private func minutes(_ value: String?) throws -> Int {
    let parsed = try ICSParser.dateTime(value ?? "", utc: false)
    return parsed.date.daysSince1970 * 1440 + parsed.seconds / 60
}

@Test func icsParsesStrictlyWithOneEventPerItem() throws {
    let plan = DatedPlanFixture.plan()
    let calendar = try ICSParser.parse(try plan.ics())
    #expect(calendar.value("CALSCALE") == "GREGORIAN")
    #expect(calendar.value("PRODID")?.isEmpty == false)
    let events = calendar.components.filter { $0.name == "VEVENT" }
    let items = plan.days.flatMap { day in day.items.map { (day, $0) } }
    #expect(events.count == items.count)
    #expect(events.count == 7 * (4 + 2 + 1))
    #expect(Set(events.compactMap { $0.value("UID") }).count == events.count)
    for (event, (day, item)) in zip(events, items) {
        let date = try #require(day.date.flatMap(CalendarDate.init))
        let time = ClockTime(MealPlan.calendarTime(item.slot, in: PlanOptions.defaultMealTimes))!
        let start = try minutes(event.value("DTSTART"))
        #expect(start == date.daysSince1970 * 1440 + time.minutes, "\(day.number) \(item.slot)")
        let end = try minutes(event.value("DTEND"))
        let expected = item.kind == .meal ? (item.prepMinutes ?? 0) + (item.cookMinutes ?? 0)
            : item.kind == .stress ? 15 : 10
        #expect(end - start == expected, "\(day.number) \(item.slot)")
        #expect(event.value("DTSTAMP") == "20261207T000000Z")
        let summary = try ICSParser.unescapeText(event.value("SUMMARY") ?? "")
        #expect(summary.hasSuffix(item.name))
        let description = try ICSParser.unescapeText(event.value("DESCRIPTION") ?? "")
        for ingredient in item.ingredients { #expect(description.contains("- " + ingredient.text)) }
        for (number, step) in item.method.enumerated() { #expect(description.contains("\(number + 1). \(step)")) }
        if let detail = item.detail { #expect(description.contains(detail)) }
        #expect(description.hasSuffix(MealPlan.disclaimer))
    }
    // Default times: breakfast 07:30, lunch 12:30, dinner 18:30, snack 15:30; additions with breakfast and dinner.
    let firstDay = events.prefix(7).compactMap { $0.value("DTSTART") }
    #expect(firstDay == ["20261207T073000", "20261207T123000", "20261207T183000", "20261207T153000",
                         "20261207T073000", "20261207T183000", "20261207T203000"])
    #expect(events.last?.value("DTSTART") == "20261213T203000")
}

@Test func icsWithoutAStartDateIsAUsageError() {
    #expect(throws: GutPlanError.invalidRequest("the calendar needs a start date (YYYY-MM-DD)")) { try PlanFixture.plan().ics() }
}

@Test func icsStartOnThePlanAloneIsEnough() throws {
    var plan = PlanFixture.plan()
    plan.start = "2027-02-27"
    let events = try ICSParser.parse(try plan.ics()).components
    #expect(events.count == 49)
    #expect(events[7].value("DTSTART") == "20270228T073000")
    #expect(events[14].value("DTSTART") == "20270301T073000")  // 2027 is not a leap year
}

@Test func icsEscapesTextAndFoldsWithoutSplittingCharacters() throws {
    let nasty = "Rice; beans, \\greens\\ and\nmore\r\nlines\u{7}\u{1B}[31m — crème brûlée 🥣🥣 "
        + String(repeating: "é🥣ü", count: 40)
    let plan = DatedPlanFixture.plan(mealName: nasty, notes: ["n"])
    let text = try plan.ics()
    let bytes = Array(text.utf8)
    // CRLF only, and at least one fold fell next to a multi-byte character.
    #expect(!text.utf8.enumerated().contains { $0.element == 10 && ($0.offset == 0 || bytes[$0.offset - 1] != 13) })
    let calendar = try ICSParser.parse(text)
    let summary = try ICSParser.unescapeText(calendar.components[0].value("SUMMARY") ?? "")
    let printable = "Rice; beans, \\greens\\ and\nmore\nlines  [31m — crème brûlée 🥣🥣 " + String(repeating: "é🥣ü", count: 40)
    #expect(summary == "Breakfast: " + printable)
    #expect(ICSWriter.escapeText("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne")
    // Every physical line at most 75 octets, and long lines really were folded.
    let physical = text.split(separator: "\r\n", omittingEmptySubsequences: false)
    #expect(physical.allSatisfy { $0.utf8.count <= 75 })
    #expect(physical.contains { $0.hasPrefix(" ") })
}

@Test func icsFoldingIsExactAtTheLimit() {
    let ascii = String(repeating: "a", count: 75)
    #expect(ICSWriter.fold(ascii) == ascii)
    #expect(ICSWriter.fold(ascii + "b") == ascii + "\r\n b")
    // 74 ASCII octets + a 4-octet emoji does not fit in 75: the emoji moves whole.
    let split = ICSWriter.fold(String(repeating: "a", count: 74) + "🥣")
    #expect(split == String(repeating: "a", count: 74) + "\r\n 🥣")
    // Continuation lines hold 74 octets after their space.
    let long = ICSWriter.fold(String(repeating: "x", count: 75 + 74 + 1))
    #expect(long.split(separator: "\r\n").map(\.utf8.count) == [75, 75, 2])
}

@Test func icsIsDeterministicWithStableUIDs() throws {
    let first = try DatedPlanFixture.plan().ics()
    let second = try DatedPlanFixture.plan().ics()
    #expect(first == second)
    let uids = try ICSParser.parse(first).components.compactMap { $0.value("UID") }
    #expect(uids.allSatisfy { $0.hasSuffix("@gutplan") })
    #expect(uids.first?.hasSuffix("-d1-breakfast@gutplan") == true)
    // Another plan (another meal, or another start) gives other UIDs.
    let other = try ICSParser.parse(try DatedPlanFixture.plan(mealName: "Eggs").ics()).components.compactMap { $0.value("UID") }
    #expect(Set(other).isDisjoint(with: uids))
    let later = try ICSParser.parse(try DatedPlanFixture.plan(start: "2026-12-14").ics()).components.compactMap { $0.value("UID") }
    #expect(Set(later).isDisjoint(with: uids))
}

@Test func icsMealTimesMoveEventsAcrossMidnight() throws {
    let times = try PlanOptions.mealTimes(parsing: "dinner=23:50,stress=06:00,fermented=10:15")
    let events = try ICSParser.parse(try DatedPlanFixture.plan().ics(mealTimes: times)).components
    #expect(events[2].value("DTSTART") == "20261207T235000")
    #expect(events[2].value("DTEND") == "20261208T003500")  // 5 + 40 minutes of dinner
    #expect(events[4].value("DTSTART") == "20261207T101500")
    #expect(events[5].value("DTSTART") == "20261207T235000")  // prebiotic follows dinner
    #expect(events[6].value("DTSTART") == "20261207T060000")
    #expect(throws: GutPlanError.self) { try DatedPlanFixture.plan().ics(mealTimes: [.lunch: "noon"]) }
}

@Test func icsStrictParserRefusesBrokenCalendars() throws {
    let good = try DatedPlanFixture.plan().ics()
    let broken = [
        good.replacingOccurrences(of: "\r\n", with: "\n"),
        good.replacingOccurrences(of: "VERSION:2.0\r\n", with: ""),
        good.replacingOccurrences(of: "\r\n ", with: ""),  // unfolded: over 75 octets
        good.replacingOccurrences(of: "Breakfast: ", with: "Breakfast; "),
        good.replacingOccurrences(of: "END:VEVENT\r\n", with: "", options: [], range: nil),
        String(good.dropLast(2)),
    ]
    for text in broken { #expect(throws: ICSParser.Failure.self) { try ICSParser.parse(text) } }
}

@Test func icsOfARealPlanThroughTheFacade() throws {
    let plan = try RealPlanFixture.dated()
    let calendar = try ICSParser.parse(try plan.ics())
    let items = plan.days.flatMap(\.items)
    #expect(calendar.components.count == items.count)
    #expect(items.filter { $0.kind == .stress }.count == plan.days.count)
    let starts = try calendar.components.map { try ICSParser.dateTime($0.value("DTSTART") ?? "", utc: false).date }
    #expect(starts.first?.text == "2026-12-07")
    #expect(starts.last?.text == "2026-12-13")
    #expect(plan.days.map(\.name) == CalendarDate.weekdayNames)
}
