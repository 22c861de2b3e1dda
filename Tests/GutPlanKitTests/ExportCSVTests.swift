import Testing
@testable import GutPlanKit

@Test func planCSVHasHeaderAndFortyNineRows() {
    let plan = PlanFixture.plan()
    let text = plan.csv()
    let rows = readCSV(text)
    #expect(rows.first == ["day", "day_name", "slot", "kind", "item_id", "item", "foods", "kcal",
                           "zinc_mg", "zinc_mg_counted", "vitamin_b12_ug", "vitamin_b12_ug_counted", "covers", "why", "ingredients"])
    // 49 items and, since the fixture takes a supplement, one supplement row a day.
    #expect(rows.count == 1 + 49 + 7)
    #expect(rows.allSatisfy { $0.count == 15 })
    // CRLF everywhere, never a bare LF.
    let bytes = Array(text.utf8)
    let lineFeeds = bytes.indices.filter { bytes[$0] == 0x0A }
    #expect(lineFeeds.count == 57)
    #expect(lineFeeds.allSatisfy { $0 > 0 && bytes[$0 - 1] == 0x0D })
    let monday = rows[1...8]
    #expect(monday.map { $0[2] } == ["breakfast", "lunch", "dinner", "snack", "fermented", "prebiotic", "stress", ""])
    #expect(monday.map { $0[3] }.last == "supplement")
    #expect(rows[1][6] == "oats x1; blueberries x0.5")
    #expect(rows[1][8] == "1.2346" && rows[1][9] == "1.2346")
    // Lunch carries a factor: zinc eaten 1.2446 counts 0.5.
    #expect(rows[2][8] == "1.2446" && rows[2][9] == "0.5")
    #expect(rows[1][12] == "zinc")
    #expect(rows[1][13] == "zinc-repair;b12-vegan")
    #expect(rows[8][10] == "0.5" && rows[8][11] == "0.5")
    #expect(rows[9][0] == "2")
    let stress = rows[7]
    #expect(stress[6] == "" && stress[7] == "" && stress[8] == "" && stress[9] == "")
    #expect(stress[13] == "stress-gut")
}

@Test func planCSVDaySumsMatchJSONTotals() throws {
    let plan = PlanFixture.plan()
    let rows = readCSV(plan.csv())
    let json = try JSONValue(parsing: plan.json())
    for day in 1...7 {
        // Food rows sum to the day's `totals` (eaten); with the supplement row, the counted
        // columns sum to `counted`.
        let dayRows = rows.dropFirst().filter { $0[0] == String(day) }
        let foodRows = dayRows.filter { $0[3] != "supplement" }
        for (column, key, rows, member) in [(7, "kcal", foodRows, "totals"), (8, "zinc", foodRows, "totals"),
                                            (10, "vitamin-b12", foodRows, "totals"), (9, "zinc", dayRows, "counted"),
                                            (11, "vitamin-b12", dayRows, "counted")] {
            let sum = rows.compactMap { Double($0[column]) }.reduce(0, +)
            guard case .number(let total)? = json["days"]?[day - 1]?[member]?[key] else {
                Issue.record("missing \(member) \(key)"); continue
            }
            #expect(abs(sum - total) < 0.01, "day \(day) \(member) \(key): \(sum) vs \(total)")
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
