import Testing
@testable import GutPlanKit

@Test func planJSONHasTheAgreedShape() throws {
    let plan = PlanFixture.plan()
    let json = try JSONValue(parsing: plan.json())
    guard case .object(let top) = json else { Issue.record("not an object"); return }
    #expect(top.map(\.key) == ["profile", "flags", "score", "upper_bound", "start", "servings", "max_minutes", "ramp", "portion_scale",
                               "weeks", "plants",
                               "supplements", "days", "coverage", "nutrients", "upper_limits", "limits", "notes", "retests",
                               "shopping", "disclaimer"])
    #expect(json["plants"]?["count"] == 31)
    #expect(json["plants"]?["value"] == 30)
    #expect(json["plants"]?["bound"] == 30)
    #expect(json["supplements"]?["vitamin-b12"] == 0.5)
    #expect(json["limits"]?[0]?["id"] == "sodium")
    #expect(json["limits"]?[0]?["max"] == 2300)
    #expect(json["days"]?[1]?["limits"]?["sodium"] == 1900.5)
    #expect(json["coverage"]?["zinc"]?["reference"] == 8)
    #expect(json["coverage"]?["vitamin-b12"]?["supplement"] == 0.5)
    #expect(json["coverage"]?["vitamin-b12"]?["food_share"] == 0.75)
    #expect(json["days"]?[0]?["items"]?[1]?["counted"]?["zinc"] == 0.5)
    #expect(json["days"]?[0]?["items"]?[1]?["factors"]?[0]?["factor"] == 0.405)
    #expect(json["profile"]?["sex"] == "female")
    #expect(json["profile"]?["age"] == 35)
    #expect(json["profile"]?["exclude"] == ["liver"])
    #expect(json["profile"]?["energy"] == .object(ordered: [("min", 1600), ("max", 2400)]))
    #expect(json["flags"] == .object(ordered: [("vitamin-b12", "suspected"), ("zinc", "confirmed")]))
    #expect(json["score"] == .number(0.947123))
    #expect(json["upper_bound"] == 0.951)
    #expect(json["upper_limits"]?["retinol"] == 3000)
    #expect(json["disclaimer"] == .string(MealPlan.disclaimer))
    #expect(json["coverage"]?["zinc"]?["unit"] == "mg")
    #expect(json["coverage"]?["zinc"]?["target"] == 12)
    #expect(json["coverage"]?["zinc"]?["weight"] == 2)
    #expect(json["coverage"]?["zinc"]?["status"] == "confirmed")

    let monday = json["days"]?[0]
    #expect(monday?["day"] == 1)
    #expect(monday?["name"] == "Monday")
    let breakfast = monday?["items"]?[0]
    #expect(breakfast?["slot"] == "breakfast")
    #expect(breakfast?["kind"] == "meal")
    #expect(breakfast?["foods"]?[1] == .object(ordered: [("id", "blueberries"), ("servings", 0.5)]))
    #expect(breakfast?["why"] == ["zinc-repair", "b12-vegan"])
    #expect(breakfast?["covers"] == ["zinc"])
    let stress = monday?["items"]?[6]
    #expect(stress?["kind"] == "stress")
    #expect(stress?["id"] == "box-breathing")
    #expect(stress?["kcal"] == nil)
    #expect(stress?["detail"] != nil)
    #expect(monday?["coverage"]?["zinc"] != nil)
    #expect(json["days"]?[7] == nil)
}

@Test func planJSONIsDeterministicAndSorted() {
    let first = PlanFixture.plan().json()
    let second = PlanFixture.plan().json()
    #expect(first == second)
    #expect(first.hasSuffix("}\n"))
    // totals are sorted: kcal < vitamin-b12 < zinc
    let totals = first.range(of: "\"totals\": {\n        \"kcal\"")
    #expect(totals != nil)
    #expect(!first.contains("nan") && !first.contains("inf"))
}

@Test func planJSONMapsNonFiniteToNull() throws {
    var plan = PlanFixture.plan()
    plan.score = .nan
    let json = try JSONValue(parsing: plan.json(pretty: false))
    #expect(json["score"] == .null)
}
