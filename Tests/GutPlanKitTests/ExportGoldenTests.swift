import Foundation
import Testing
@testable import GutPlanKit

/// Byte-for-byte goldens of every renderer for one fixed plan: `DatedPlanFixture` (seven days
/// from Monday 7 December 2026, ingredients, methods, aisles, labs, a retest, two daily limits).
/// The plan is built in code, not planned, so these pin the rendering alone and never a
/// planner's choice. Each file is `Fixtures/golden/<test name>.<ext>`.
///
/// After a deliberate change to a renderer, rewrite the files and review the diff:
///
///     GUTPLAN_UPDATE_GOLDEN=1 swift test --filter ExportGoldenTests
@Suite struct ExportGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")

    /// Compares `actual` with the golden file byte for byte (CRLF kept), naming the first line
    /// that differs; `GUTPLAN_UPDATE_GOLDEN=1` writes the file instead.
    static func check(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GUTPLAN_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            Issue.record("missing golden file \(url.path); run with GUTPLAN_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        Issue.record("""
            \(name) differs at line \(first + 1):
            expected: \(first < expectedLines.count ? String(expectedLines[first]).debugDescription : "<end>")
            actual:   \(first < actualLines.count ? String(actualLines[first]).debugDescription : "<end>")
            """, sourceLocation: sourceLocation)
    }

    @Test func datedPlanText() throws {
        try Self.check(DatedPlanFixture.plan().text(width: 80), "datedPlanText.txt")
    }

    @Test func datedPlanBriefText() throws {
        try Self.check(DatedPlanFixture.plan().text(width: 80, brief: true), "datedPlanBriefText.txt")
    }

    @Test func datedPlanMarkdown() throws {
        let text = DatedPlanFixture.plan().markdown()
        try Self.check(text, "datedPlanMarkdown.md")
        #expect(text.contains("\n**Dinner: Meal dinner 1** (5 min prep, 40 min cooking)\n\n- 1/2 cup rolled oats (40 g)\n"))
        #expect(text.contains("\n1. Simmer the oats in 250 ml water, stirring; 5 minutes.\n2. Top with the blueberries; serve.\n"))
    }

    @Test func datedPlanCSV() throws {
        let text = DatedPlanFixture.plan().csv()
        try Self.check(text, "datedPlanCSV.csv")
        #expect(text.hasPrefix("day,day_name,date,slot,"))
        #expect(text.contains(",why,ingredients\r\n"))
        #expect(text.contains(",1/2 cup rolled oats (40 g); 1/2 cup blueberries (74 g)\r\n"))
    }

    @Test func datedPlanShoppingCSV() throws {
        try Self.check(DatedPlanFixture.plan().shoppingCSV(), "datedPlanShoppingCSV.csv")
    }

    @Test func datedPlanJSON() throws {
        try Self.check(DatedPlanFixture.plan().json(), "datedPlanJSON.json")
    }

    @Test func datedPlanHTML() throws {
        try Self.check(DatedPlanFixture.plan().html(), "datedPlanHTML.html")
    }

    /// The calendar golden is also parsed strictly, so the pinned bytes are a valid calendar.
    @Test func datedPlanICS() throws {
        let times = try PlanOptions.mealTimes(parsing: "breakfast=07:00,lunch=12:15,snack=16:00,dinner=19:45")
        let text = try DatedPlanFixture.plan().ics(mealTimes: times)
        try Self.check(text, "datedPlanICS.ics")
        let calendar = try ICSParser.parse(text)
        #expect(calendar.components.count == 49)
        #expect(calendar.components.first?.value("DTSTART") == "20261207T070000")
    }

    /// Without a start date the day headings, CSV and JSON stay as they were before dates existed.
    @Test func undatedPlanCSVHasNoDateColumn() {
        let text = DatedPlanFixture.plan(start: nil).csv()
        #expect(text.hasPrefix("day,day_name,slot,kind,"))
        #expect(!DatedPlanFixture.plan(start: nil).markdown().contains("2026-"))
    }
}
