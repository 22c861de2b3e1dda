import Testing
@testable import GutPlanKit

private func number(_ text: String?) -> Double? { text.flatMap(Double.init) }

private func collapsed(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
}

@Test func htmlIsWellFormedXML() throws {
    for plan in [DatedPlanFixture.plan(), PlanFixture.plan(), PlanFixture.plan(longNames: true)] {
        let root = try XMLChecker.parse(plan.html(client: "Ana Ruiz"))
        #expect(root.name == "html")
        #expect(root.attributes["lang"] == "en")
        #expect(root.children.map(\.name) == ["head", "body"])
    }
}

@Test func htmlNeedsNoNetworkAndNoScript() {
    let text = DatedPlanFixture.plan(mealName: "<script>alert('x')</script> http://example.com").html(client: "<script>")
    let lower = text.lowercased()
    for banned in ["<script", "http:", "https:", "@import", " src=", " href=", "<link", "<iframe", "<object", "<img", "javascript:"] {
        #expect(!lower.contains(banned), "\(banned)")
    }
    // Every url() is a reference inside the document (an SVG pattern).
    var rest = Substring(lower)
    while let range = rest.range(of: "url(") {
        #expect(rest[range.upperBound...].hasPrefix("#"))
        rest = rest[range.upperBound...]
    }
}

@Test func htmlIsByteIdenticalOnTwoRenders() {
    #expect(DatedPlanFixture.plan().html(client: "Ana") == DatedPlanFixture.plan().html(client: "Ana"))
    #expect(PlanFixture.plan().html(client: nil) == PlanFixture.plan().html(client: nil))
}

@Test func htmlEscapesAndCleansTextFromFiles() throws {
    let hostile = "Tom & Jerry's <b>\"stew\"</b>\u{1B}[31m\u{202E}txt\u{0}"
    let plan = DatedPlanFixture.plan(mealName: hostile, notes: [hostile])
    let text = plan.html(client: hostile)
    #expect(!text.contains("<b>"))
    #expect(!text.contains("\u{1B}"))
    #expect(!text.contains("\u{202E}"))
    #expect(!text.contains("\u{0}"))
    let root = try XMLChecker.parse(text)
    let cleaned = "Tom & Jerry's <b>\"stew\"</b>\u{FFFD}[31m\u{FFFD}txt\u{FFFD}"
    #expect(root.all("h1").first?.text == "Meal plan for " + cleaned)
    #expect(root.all("li").contains { $0.text == cleaned })
    #expect(root.all("h4").contains { $0.text.hasPrefix("Breakfast: " + cleaned) })
    #expect(HTMLWriter.escape("&<>\"'") == "&amp;&lt;&gt;&quot;&#39;")
    #expect(HTMLWriter.escape("see https://ods.od.nih.gov/x and HTTP://a.b, ftp://c") == "see ods.od.nih.gov/x and a.b, ftp://c")
}

@Test func htmlHeatMapCellsMatchTheJSON() throws {
    let plan = DatedPlanFixture.plan()
    let json = try JSONParser.parse(plan.json())
    let root = try XMLChecker.parse(plan.html())
    let table = try #require(root.all("table").first { $0.attributes["class"] == "heat" })
    let rows = table.all("tbody").first?.children ?? []
    #expect(rows.count == plan.nutrients.count)
    for (row, nutrient) in zip(rows, plan.nutrients) {
        let cells = row.children.filter { $0.name == "td" }
        #expect(cells.count == plan.days.count + 1)
        for (dayIndex, cell) in cells.prefix(plan.days.count).enumerated() {
            guard case .number(let expected)? = json["days"]?[dayIndex]?["coverage"]?[nutrient.id] else {
                Issue.record("no coverage for \(nutrient.id) on day \(dayIndex + 1) in the JSON"); continue
            }
            let value = try #require(number(cell.attributes["data-value"]))
            #expect(abs(value - expected) < 0.00005)
            #expect(cell.text == "\(Int((expected * 100).rounded()))%")
        }
        guard case .number(let mean)? = json["coverage"]?[nutrient.id]?["mean"] else { Issue.record("no mean"); continue }
        #expect(cells.last?.text == "\(Int((mean * 100).rounded()))%")
    }
}

@Test func htmlCoverageBarsMatchTheJSON() throws {
    let plan = DatedPlanFixture.plan()
    let json = try JSONParser.parse(plan.json())
    let root = try XMLChecker.parse(plan.html())
    let bars = root.all("rect").filter { $0.attributes["data-part"] != nil }
    for nutrient in plan.nutrients {
        guard case .number(let mean)? = json["coverage"]?[nutrient.id]?["mean"],
              case .number(let share)? = json["coverage"]?[nutrient.id]?["food_share"],
              case .number(let supplement)? = json["coverage"]?[nutrient.id]?["supplement"] else {
            Issue.record("\(nutrient.id) missing in the JSON"); continue
        }
        let food = bars.first { $0.attributes["data-nutrient"] == nutrient.id && $0.attributes["data-part"] == "food" }
        let supplementBar = bars.first { $0.attributes["data-nutrient"] == nutrient.id && $0.attributes["data-part"] == "supplement" }
        #expect(abs((number(food?.attributes["data-value"]) ?? -1) - mean * share) < 0.00005)
        if supplement > 0 {
            #expect(abs((number(supplementBar?.attributes["data-value"]) ?? -1) - mean * (1 - share)) < 0.00005)
            // Bar widths are in proportion to the numbers.
            #expect(abs((number(food?.attributes["width"]) ?? -1) - MealPlan.coverageBarScale * mean * share) < 0.01)
        } else {
            #expect(supplementBar == nil)
        }
        let label = root.all("text").first { $0.attributes["data-nutrient"] == nutrient.id }
        #expect(label?.text.hasPrefix("\(Int((mean * 100).rounded()))%") == true)
    }
    // B12 in the fixture: mean 62%, 75% of it from food.
    #expect(root.all("desc").contains { $0.text.contains("Vitamin B12 62% (food 47%, supplement 16%)") })
}

@Test func htmlLimitChartsMatchTheJSON() throws {
    let plan = DatedPlanFixture.plan()
    let json = try JSONParser.parse(plan.json())
    let root = try XMLChecker.parse(plan.html())
    guard case .array(let limits)? = json["limits"] else { Issue.record("no limits"); return }
    #expect(limits.count == 2)
    for limit in limits {
        guard case .string(let id)? = limit["id"], case .array(let days)? = limit["days"], case .number(let max)? = limit["max"] else {
            Issue.record("bad limit"); continue
        }
        let bars = root.all("rect").filter { $0.attributes["data-limit"] == id }
        #expect(bars.count == days.count)
        for (bar, value) in zip(bars, days) {
            guard case .number(let expected) = value else { continue }
            #expect(abs((number(bar.attributes["data-value"]) ?? -1) - expected) < 0.00005)
        }
        let line = root.all("line").first { number($0.attributes["data-limit-max"]) == max }
        #expect(line != nil)
        // Bars and the limit line share one scale: a bar at the limit reaches the line.
        if let atLimit = zip(bars, days).first(where: { if case .number(let v) = $0.1 { return v == max } else { return false } })?.0 {
            #expect(number(atLimit.attributes["y"]) == number(line?.attributes["y1"]))
        }
    }
    // Sodium day 2 is printed under its day name.
    #expect(root.all("text").contains { $0.text == "1900.5" } == false)  // mg limits print whole numbers
    #expect(root.all("text").contains { $0.text == "1901" })
}

@Test func htmlIsAccessible() throws {
    let root = try XMLChecker.parse(DatedPlanFixture.plan().html(client: "Ana"))
    // Headings in order: one h1 first, and never a level skipped going down.
    let headings = root.descendants.compactMap { element -> Int? in
        guard element.name.count == 2, element.name.hasPrefix("h"), let level = Int(element.name.dropFirst()) else { return nil }
        return level
    }
    #expect(headings.first == 1)
    #expect(headings.filter { $0 == 1 }.count == 1)
    for (previous, next) in zip(headings, headings.dropFirst()) { #expect(next <= previous + 1) }
    // Every header cell has a scope; every table has header cells.
    #expect(root.all("th").allSatisfy { ["col", "row"].contains($0.attributes["scope"] ?? "") })
    #expect(root.all("table").allSatisfy { !$0.all("th").isEmpty })
    // Every chart is an image with its own title and description.
    let charts = root.all("svg")
    #expect(charts.count == 3)  // coverage bars, sodium, saturated fat
    let ids = root.descendants.compactMap { $0.attributes["id"] }
    #expect(Set(ids).count == ids.count)
    for svg in charts {
        #expect(svg.attributes["role"] == "img")
        let labels = (svg.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
        #expect(labels.count == 2)
        #expect(svg.children.first { $0.name == "title" }?.attributes["id"] == labels.first)
        #expect(svg.children.first { $0.name == "desc" }?.attributes["id"] == labels.last)
    }
    #expect(root.all("title").first?.text == "Meal plan for Ana (gutplan)")
}

@Test func htmlHoldsEveryPartOfTheReport() throws {
    let plan = DatedPlanFixture.plan()
    let root = try XMLChecker.parse(plan.html(client: "Ana Ruiz"))
    let body = collapsed(root.text)
    for part in ["Meal plan for Ana Ruiz", "Monday 7 December 2026 to Sunday 13 December 2026 (7 days)", MealPlan.disclaimer,
                 "Flags and why", "Zinc", "confirmed", "55", "ug/dL", "180", "pg/mL", plan.supplementSummary, plan.plantsSummary,
                 "The week at a glance", "Mon 7 Dec", "Sun 13 Dec", "Coverage", "Daily limits", "Sodium (mg)",
                 "Saturated fat (% of energy)", "Day by day", "Monday 7 December 2026 (day 1)", "1/2 cup rolled oats (40 g)",
                 "Simmer the oats in 250 ml water, stirring; 5 minutes.", "Stress step: Box breathing",
                 "Breathe in for four counts", "Shopping list", "Retest reminders", "serum zinc", "Monday 1 February 2027",
                 "Notes", "Zinc and iron compete"] {
        #expect(body.contains(part), "missing \(part)")
    }
    // The grid has a row per slot and a column per day.
    let grid = try #require(root.all("table").first { $0.attributes["class"] == "grid" })
    #expect(grid.all("tr").count == 1 + 7)
    #expect(grid.all("tr").first?.children.count == 1 + 7)
    // Each day is its own section with every item.
    let daySections = root.all("section").filter { $0.attributes["class"] == "day" }
    #expect(daySections.count == 7)
    #expect(daySections.allSatisfy { $0.all("h4").count == 7 })
    #expect(daySections.allSatisfy { $0.all("ol").count == 4 })  // a method under each meal
    // Aisles in shop order.
    let aisles = root.all("section").filter { $0.attributes["class"] == "aisle" }.compactMap { $0.children.first?.text }
    #expect(aisles == ["Produce", "Dairy and eggs", "Grains and bakery"])
    // The print stylesheet keeps days whole and knows the page.
    let style = root.all("style").first?.text ?? ""
    #expect(style.contains("@page"))
    #expect(style.contains("section.day { break-inside: avoid;"))
}

@Test func htmlWithoutDatesSaysSo() throws {
    let root = try XMLChecker.parse(PlanFixture.plan().html(client: nil))
    #expect(root.all("h1").first?.text == "Meal plan")
    #expect(collapsed(root.text).contains("without dates"))
    #expect(root.all("h3").contains { $0.text.hasPrefix("Day 1: Monday") })
}

@Test func htmlOfARealPlanThroughTheFacade() throws {
    let plan = try RealPlanFixture.dated()
    let planned = try RealPlanFixture.planned.get()
    let details = Explanation(knowledge: planned.gutplan.knowledge, assessment: planned.outcome.assessment, plan: plan).reportDetails(client: "Test Client")
    let text = plan.html(details: details)
    let root = try XMLChecker.parse(text)
    #expect(text == plan.html(details: details))
    #expect(!text.lowercased().contains("<script"))
    let body = collapsed(root.text)
    #expect(body.contains("Serum ferritin"))
    #expect(body.contains("Monday 7 December 2026 to Sunday 13 December 2026"))
    #expect(details.flagReasons["iron"]?.isEmpty == false)
    let heat = try #require(root.all("table").first { $0.attributes["class"] == "heat" })
    #expect(heat.all("td").count == plan.nutrients.count * (plan.days.count + 1))
    #expect(root.all("section").filter { $0.attributes["class"] == "day" }.count == plan.days.count)
    #expect(root.all("svg").count == 1 + plan.limits.count)
}
