import Testing
@testable import GutPlanKit

@Test func planCSVHasHeaderAndFortyNineRows() {
    let plan = PlanFixture.plan()
    let text = plan.csv()
    let rows = readCSV(text)
    #expect(rows.first == ["day", "day_name", "slot", "kind", "item_id", "item", "foods", "kcal",
                           "zinc_mg", "vitamin_b12_ug", "covers", "why"])
    #expect(rows.count == 50)
    #expect(rows.allSatisfy { $0.count == 12 })
    // CRLF everywhere, never a bare LF.
    let bytes = Array(text.utf8)
    let lineFeeds = bytes.indices.filter { bytes[$0] == 0x0A }
    #expect(lineFeeds.count == 50)
    #expect(lineFeeds.allSatisfy { $0 > 0 && bytes[$0 - 1] == 0x0D })
    let monday = rows[1...7]
    #expect(monday.map { $0[2] } == ["breakfast", "lunch", "dinner", "snack", "fermented", "prebiotic", "stress"])
    #expect(rows[1][6] == "oats x1; blueberries x0.5")
    #expect(rows[1][8] == "1.2346")
    #expect(rows[1][10] == "zinc")
    #expect(rows[1][11] == "zinc-repair;b12-vegan")
    #expect(rows[8][0] == "2")
    let stress = rows[7]
    #expect(stress[6] == "" && stress[7] == "" && stress[8] == "" && stress[9] == "")
    #expect(stress[11] == "stress-gut")
}

@Test func planCSVDaySumsMatchJSONTotals() throws {
    let plan = PlanFixture.plan()
    let rows = readCSV(plan.csv())
    let json = try JSONValue(parsing: plan.json())
    for day in 1...7 {
        let dayRows = rows.dropFirst().filter { $0[0] == String(day) }
        for (column, key) in [(7, "kcal"), (8, "zinc"), (9, "vitamin-b12")] {
            let sum = dayRows.compactMap { Double($0[column]) }.reduce(0, +)
            guard case .number(let total)? = json["days"]?[day - 1]?["totals"]?[key] else {
                Issue.record("missing total \(key)"); continue
            }
            #expect(abs(sum - total) < 0.01, "day \(day) \(key): \(sum) vs \(total)")
        }
    }
}

@Test func planCSVNeutralisesHostileNames() {
    let hyperlink = "=HYPERLINK(\"http://x\",\"y\")"
    let rows = readCSV(PlanFixture.plan(mealName: hyperlink).csv())
    #expect(rows[1][5] == "'" + hyperlink)
    let mango = readCSV(PlanFixture.plan(mealName: "-Mango").csv())
    #expect(mango[1][5] == "'-Mango")
}
