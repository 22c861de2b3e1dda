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

    @Test func rejectsWhatIsNotAProblem() {
        #expect(throws: GutPlanError.self) { try PlanningProblem(json: "{\"days\": 7}") }
        #expect(throws: GutPlanError.self) { try PlanningProblem(json: "[") }
    }
}
