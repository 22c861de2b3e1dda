import Foundation
import Testing
@testable import GutPlanKit

/// Caps on one named food (`food:ID` in `Rules/caps.csv`): how they load, that the problem carries
/// them in `food_caps`, and that profiles that used to lean on Jerusalem artichoke keep to them.
@Suite struct FoodCapTests {
    static let gutplan: GutPlan? = try? GutPlan.load(rules: PackageRules.path)

    func loaded() throws -> GutPlan { try #require(Self.gutplan) }

    func load(_ csv: String, foods: Set<String>?) -> (caps: [FoodCapRule], diagnostics: [Diagnostic]) {
        let columns = CSVTable.Columns.named(required: FoodCapRule.csvColumns, optional: [], ignoringCase: false,
                                             allowingOthers: false)
        let read = CSVTable.read(Data(csv.utf8), path: "caps.csv", columns: columns)
        guard let table = read.table else { return ([], read.diagnostics) }
        var diagnostics = read.diagnostics
        let caps = FoodCapRule.load(table, tags: Food.allowedTags, foods: foods, into: &diagnostics)
        return (caps, diagnostics)
    }

    static let header = "id,name,measure,select,max_per_day,max_per_week,sex,age_from,age_to,source\n"

    @Test func aFoodSelectorNamesOneFood() {
        let loaded = load(Self.header + "kale-cap,Kale,servings,food:kale,,2,,,,own\n", foods: ["kale", "spinach"])
        #expect(loaded.diagnostics.isEmpty)
        let cap = loaded.caps.first
        #expect(cap?.select == [.food("kale")])
        #expect(cap?.maxPerWeek == 2)
        let kale = Food(id: "kale", name: "Kale", ndb: nil, source: "", serving: "1 cup", grams: 67, tags: [], values: [:])
        let spinach = Food(id: "spinach", name: "Spinach", ndb: nil, source: "", serving: "1 cup", grams: 30, tags: [], values: [:])
        #expect(cap?.selects(kale) == true)
        #expect(cap?.selects(spinach) == false)
    }

    @Test func anUnknownFoodIsAnError() {
        let loaded = load(Self.header + "x,X,servings,food:kael,,2,,,,own\n", foods: ["kale"])
        #expect(loaded.caps.isEmpty)
        #expect(loaded.diagnostics.contains { $0.message.contains("food:ID") })
        let bad = load(Self.header + "x,X,servings,food:../x,,2,,,,own\n", foods: nil)
        #expect(bad.caps.isEmpty && !bad.diagnostics.isEmpty)
    }

    @Test func shippedCapsOnOneFoodReachTheProblem() throws {
        let gutplan = try loaded()
        let rule = try #require(gutplan.knowledge.foodCaps.first { $0.id == "jerusalem-artichoke" })
        #expect(rule.select == [.food("jerusalem-artichoke")])
        var profile = Profile(sex: .male, age: 60, diet: .vegetarian, suspected: ["prebiotics", "iron"])
        profile.energy = gutplan.knowledge.energyBand(sex: profile.sex, age: profile.age, activity: profile.activity)
        let builder = ProblemBuilder(knowledge: gutplan.knowledge, profile: profile, assessment: try gutplan.assess(profile))
        let problem = builder.problem()
        let cap = try #require(problem.foodCaps.first { $0.id == "jerusalem-artichoke" })
        #expect(cap.maxPerWeek == 4 && cap.maxPerDay == nil)
        // Every item holding the food is in the cap, at its servings of it (meals and the addition).
        var holding = 0
        for entry in builder.entries {
            let servings = entry.portions.filter { $0.food == "jerusalem-artichoke" }.reduce(0) { $0 + $1.servings }
            #expect((cap.amounts[entry.id] ?? 0) == servings, "\(entry.id)")
            if servings > 0 { holding += 1 }
        }
        #expect(holding >= 2)
        #expect(cap.amounts.count == holding)
    }

    /// Two profiles of the sweep that held 6.75 and 8 servings of Jerusalem artichoke (over 1 kg)
    /// in a week now keep to 4.
    @Test func plansKeepTheCapOnOneFood() throws {
        let gutplan = try loaded()
        let profiles = [
            ProfileInput(suspected: ["prebiotics", "iron"], sex: .male, age: 60, diet: .vegetarian),
            ProfileInput(confirmed: ["prebiotics", "vitamin-d"], suspected: ["calcium"], sex: .female, age: 49, diet: .vegan),
        ]
        for input in profiles {
            let plan = try gutplan.plan(try gutplan.resolve(input)).plan
            var servings = 0.0
            for day in plan.days {
                for item in day.items {
                    for portion in item.foods where portion.food == "jerusalem-artichoke" { servings += portion.servings }
                }
            }
            #expect(servings <= 4 + 1e-9, "\(input): \(servings)")
        }
    }
}
