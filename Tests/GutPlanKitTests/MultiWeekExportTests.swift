import Foundation
import Testing
@testable import GutPlanKit

/// A plan of several weeks carries each week's own score, bound and plants in every format
/// (the issue: "each week carries its own score, bound and plants"), and says which week each
/// day belongs to.
@Suite struct MultiWeekExportTests {
    /// Two fixture weeks joined as `GutPlan` joins them; the second with its own figures.
    static func twoWeeks() throws -> MealPlan {
        let first = PlanFixture.plan()
        var second = PlanFixture.plan()
        second.score = 0.8125
        second.upperBound = 0.875
        second.plants.count = 12
        second.plants.bound = 17
        return try #require(MealPlan.joining([first, second]))
    }

    @Test func textNamesEachWeekWithItsOwnProof() throws {
        let plan = try Self.twoWeeks()
        let text = plan.text(width: 200)
        #expect(text.hasPrefix("gutplan: 2-week plan\n"))
        #expect(text.contains("Week 2      days 8-14: score 0.813 (proven upper bound 0.875); 12 different plants; proven most possible: 17"))
        let first = plan.weeks[0]
        #expect(text.contains("Week 1      days 1-7: score \(DecimalText.fixed(first.score, digits: 3)) "
            + "(proven upper bound \(DecimalText.fixed(first.upperBound, digits: 3)))"))
        #expect(text.contains("mean of the weekly scores \(DecimalText.fixed(plan.score, digits: 3))"))
        // A week heading before day 1 and day 8, and nowhere else.
        let headings = text.split(separator: "\n").filter { $0 == "Week 1" || $0 == "Week 2" }
        #expect(headings == ["Week 1", "Week 2"])
    }

    @Test func markdownHasAWeekHeadingAndLine() throws {
        let markdown = try Self.twoWeeks().markdown()
        #expect(markdown.hasPrefix("# gutplan: 2-week plan\n"))
        #expect(markdown.contains("- **Week 2:** days 8-14: score 0.813 (proven upper bound 0.875)"))
        let week2 = try #require(markdown.range(of: "\n## Week 2\n"))
        let day8 = try #require(markdown.range(of: "\n## Day 8: "))
        let day7 = try #require(markdown.range(of: "\n## Day 7: "))
        #expect(day7.lowerBound < week2.lowerBound && week2.lowerBound < day8.lowerBound)
    }

    @Test func csvHasAWeekColumnOnlyForSeveralWeeks() throws {
        let plan = try Self.twoWeeks()
        let rows = plan.csv().split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows[0].prefix(3) == ["day", "week", "day_name"])
        for row in rows.dropFirst() {
            let day = try #require(Int(row[0]))
            #expect(Int(row[1]) == (day - 1) / 7 + 1)
        }
        #expect(!PlanFixture.plan().csvHeader.contains("week"))
    }

    @Test func oneWeekKeepsItsSingleWeekWording() {
        let text = PlanFixture.plan().text(width: 200)
        #expect(text.hasPrefix("gutplan: seven-day plan\n"))
        #expect(text.contains("different plants this week"))
        #expect(!text.contains("mean of the weekly scores"))
    }
}
