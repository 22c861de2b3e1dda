import Testing
@testable import GutPlanKit

@Test func markdownEscapesTableCells() {
    #expect(MealPlan.markdownCell("a|b\\c\nd") == "a\\|b\\\\c d")
    let text = PlanFixture.plan(mealName: "Rice | beans").markdown()
    #expect(text.contains("| breakfast | Rice \\| beans | 400 | zinc |"))
}

@Test func markdownHasEveryPart() {
    let text = PlanFixture.plan().markdown()
    for part in ["# gutplan", "## Day 1: Monday", "## Day 7: Sunday", "## Coverage", "## Notes", "## Shopping list",
                 "> " + MealPlan.disclaimer, "| Zinc | confirmed | 12 mg |", "## Daily limits", "- **Plants:** 31 different plants",
                 "- **Supplements:** Vitamin B12 0.5"] {
        #expect(text.contains(part), "missing \(part)")
    }
    // Every table row has the same number of cells as its header.
    let lines = text.split(separator: "\n").map(String.init)
    var expected = 0
    for line in lines {
        guard line.hasPrefix("|") else { expected = 0; continue }
        let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
        if expected == 0 { expected = cells } else { #expect(cells == expected, "\(line)") }
    }
}
