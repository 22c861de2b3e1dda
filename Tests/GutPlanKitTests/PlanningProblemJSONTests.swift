import Foundation
import Testing
@testable import GutPlanKit

@Suite struct PlanningProblemJSONTests {
    let problem = PlanningProblem(
        energy: 1600...2400,
        nutrients: [.init(id: "zinc", unit: "mg", target: 8, weight: 2, upperLimit: 40),
                    .init(id: "retinol", unit: "ug", target: nil, weight: 0, upperLimit: 3000)],
        items: [.init(id: "oat-bowl", slots: [.breakfast], kcal: 420.5, maxPerWeek: 2, noConsecutiveDays: true,
                      amounts: [2.1, 0.000000123], preference: 1),
                .init(id: "kefir", slots: [.fermented, .prebiotic], kcal: 104, maxPerWeek: 4, noConsecutiveDays: false,
                      amounts: [1, 0], preference: 0)])

    @Test func hasTheDocumentedShape() throws {
        let json = try JSONValue(parsing: problem.json())
        #expect(json["days"] == 7)
        #expect(json["slots"] == ["breakfast", "lunch", "dinner", "snack", "fermented", "prebiotic"])
        #expect(json["energy"]?["min"] == 1600)
        #expect(json["energy"]?["max"] == 2400)
        #expect(json["nutrients"]?["zinc"] == .object(ordered: [("unit", "mg"), ("target", 8), ("weight", 2), ("upper_limit", 40)]))
        #expect(json["nutrients"]?["retinol"]?["target"] == .null)
        #expect(json["nutrients"]?["retinol"]?["upper_limit"] == 3000)
        #expect(json["items"]?[0]?["id"] == "oat-bowl")
        #expect(json["items"]?[0]?["slots"] == ["breakfast"])
        #expect(json["items"]?[0]?["kcal"] == 420.5)
        #expect(json["items"]?[0]?["max_per_week"] == 2)
        #expect(json["items"]?[0]?["no_consecutive_days"] == true)
        #expect(json["items"]?[0]?["nutrients"]?["zinc"] == 2.1)
        #expect(json["items"]?[1]?["slots"] == ["fermented", "prebiotic"])
    }

    @Test func roundTripsThroughTheReader() throws {
        #expect(try PlanningProblem(json: problem.json()) == problem)
    }

    /// Every issue-9 field, written and read back.
    var full: PlanningProblem {
        var full = problem
        full.nutrients[0].supplement = 2.5
        full.items[0].counted = [1.05, 0.000000123]
        full.items[0].plants = ["oat", "blueberry"]
        full.items[0].preferredFor = ["zinc"]
        full.items[1].days = [1, 3, 5]
        full.ratioLimits = [.init(id: "retinol-share", numerator: "retinol", denominator: "energy", max: 0.5)]
        full.foodCaps = [.init(id: "egg", maxPerDay: 2, maxPerWeek: 7, amounts: ["oat-bowl": 1]),
                         .init(id: "fish", maxPerDay: nil, maxPerWeek: 3, amounts: [:])]
        full.plantsCap = 25
        full.scoreTolerance = 0.01
        full.fixed = [.init(day: 2, slot: .fermented, item: "kefir")]
        return full
    }

    @Test func writesTheIssueNineKeys() throws {
        let json = try JSONValue(parsing: full.json())
        #expect(json["supplements"] == .object(ordered: [("zinc", 2.5)]))
        #expect(json["ratio_limits"]?[0] == .object(ordered: [("id", "retinol-share"), ("numerator", "retinol"), ("denominator", "energy"), ("max", 0.5)]))
        #expect(json["food_caps"]?[0] == .object(ordered: [("id", "egg"), ("max_per_day", 2), ("max_per_week", 7), ("amounts", .object(ordered: [("oat-bowl", 1)]))]))
        #expect(json["food_caps"]?[1]?["max_per_day"] == .null)
        #expect(json["plants"] == .object(ordered: [("cap", 25), ("items", .object(ordered: [("oat-bowl", ["oat", "blueberry"])]))]))
        #expect(json["objective"] == ["score", "plants", "preferred_days", "distinct_meals"])
        #expect(json["score_tolerance"] == 0.01)
        #expect(json["fixed"] == [.object(ordered: [("day", 2), ("slot", "fermented"), ("item", "kefir")])])
        #expect(json["items"]?[0]?["counted"]?["zinc"] == 1.05)
        #expect(json["items"]?[1]?["counted"]?["zinc"] == 1)
        #expect(json["items"]?[0]?["preferred_for"] == ["zinc"])
        #expect(json["items"]?[0]?["days"] == nil)
        #expect(json["items"]?[1]?["days"] == [1, 3, 5])
        #expect(try PlanningProblem(json: full.json()) == full)
    }

    @Test(arguments: [
        ("\"days\": 7,", "\"days\": 1e300,"),
        ("\"days\": 7,", "\"days\": 7.5,"),
        ("\"max_per_week\": 2,", "\"max_per_week\": 1e19,"),
        ("\"max_per_week\": 7", "\"max_per_week\": 1e19"),
        ("\"kcal\": 420.5,", "\"kcal\": 1e999,"),
        ("\"day\": 2,", "\"day\": 9,"),
        ("\"cap\": 25,", "\"cap\": -1,"),
        ("\"score_tolerance\": 0.01,", "\"score_tolerance\": 2,"),
        ("\"days\": [", "\"days\": [0, "),
    ])
    func rejectsAbsurdNumbers(original: String, replacement: String) throws {
        let text = full.json()
        #expect(text.contains(original), "fixture text changed: \(original)")
        let broken = text.replacingOccurrences(of: original, with: replacement)
        #expect(throws: GutPlanError.self) { try PlanningProblem(json: broken) }
    }

    @Test func rejectsWhatIsNotAProblem() {
        #expect(throws: GutPlanError.self) { try PlanningProblem(json: "{\"days\": 7}") }
        #expect(throws: GutPlanError.self) { try PlanningProblem(json: "[") }
    }
}
