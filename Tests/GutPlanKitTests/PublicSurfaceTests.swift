import Foundation
import Testing

/// The library's public surface is the facade and the values it hands out (README, "Layout").
/// This pins the public type names, so that a type turns public only on purpose: a new entry
/// here is a decision, reviewed like an API change.
@Suite struct PublicSurfaceTests {
    static let expected: Set<String> = [
        // The facade and what it takes and returns.
        "GutPlan", "Outcome", "ProfileInput", "ClientProfile", "ProfileReading", "ProfileKey", "Profile",
        "PlanOptions", "Lock", "Assessment", "Flag", "Explanation", "ReportDetails", "NutrientTable",
        "MealPlan", "Day", "Item", "Ingredient", "Kind", "NutrientSummary", "LimitSummary",
        "Plants", "Retest", "ShoppingEntry", "WeekSummary", "Swap", "Alternative", "Meal", "Portion",
        "LabResult", "LabReport", "Qualifier", "Status", "Factor",
        "BatchPlanner", "Format", "BatchProgress", "BatchResult", "BatchSummary",
        // Errors and what they carry.
        "GutPlanError", "Diagnostic", "Severity", "SourceLocation", "Suggestion",
        // Files: the one private writer.
        "PrivateFile", "Failure", "TemporaryFileRegistry", "Descriptor",
        // The vocabulary.
        "Sex", "Diet", "Slot", "FlagStatus", "AgeBand", "Activity",
        // The planner's contract, for anyone who verifies a problem file.
        "PlanningProblem", "NutrientTerm", "RatioLimit", "FoodCap", "Fixed", "Planner", "PlanSolution",
        "PlanningFailure", "SplitMix64",
    ]

    @Test func publicTypesAreTheFacadeAndItsValues() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/GutPlanKit")
        let files = try FileManager.default.subpathsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        let declaration = try NSRegularExpression(
            pattern: #"public (?:final )?(?:struct|enum|class|protocol|actor|typealias) ([A-Za-z0-9_]+)"#)
        var found: Set<String> = []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { found.insert(String(text[range])) }
            }
        }
        #expect(found.subtracting(Self.expected).sorted() == [], "new public types")
        #expect(Self.expected.subtracting(found).sorted() == [], "listed here but no longer public")
    }
}
