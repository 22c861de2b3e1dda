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

    // MARK: - `items` and `each` over a selection

    @Test func eachBesideFoodsAndTheItemsMeasureLoad() {
        let loaded = load(Self.header + "x,X,items,each;food:kale;food:spinach,1,,,,,own\n", foods: ["kale", "spinach", "oats"])
        #expect(loaded.diagnostics.isEmpty)
        let cap = loaded.caps.first
        #expect(cap?.measure == .items)
        #expect(cap?.perFood == true && cap?.selectsAll == false)
        let oats = Food(id: "oats", name: "Oats", ndb: nil, source: "", serving: "1 cup", grams: 234, tags: [], values: [:])
        let kale = Food(id: "kale", name: "Kale", ndb: nil, source: "", serving: "1 cup", grams: 67, tags: [], values: [:])
        #expect(cap?.selects(kale) == true)
        #expect(cap?.selects(oats) == false)
        let every = load(Self.header + "y,Y,servings,each,3,14,,,,own\n", foods: nil).caps.first
        #expect(every?.selectsAll == true && every?.selects(oats) == true)
        let twice = load(Self.header + "z,Z,items,each;each;food:kale,1,,,,,own\n", foods: ["kale"])
        #expect(twice.caps.isEmpty)
        #expect(twice.diagnostics.contains { $0.message.contains("'each' at most once") })
        let unknown = load(Self.header + "w,W,meals,food:kale,1,,,,,own\n", foods: ["kale"])
        #expect(unknown.caps.isEmpty && unknown.diagnostics.contains { $0.message.contains("items") })
    }

    /// An `items` cap counts an item once, however many of the selected foods or servings it holds:
    /// overnight oats hold 1.25 servings of oats and 0.75 of blueberries, 2 servings but 1 item.
    @Test func anItemCountsOnceUnderTheItemsMeasure() throws {
        let gutplan = try loaded()
        var knowledge = gutplan.knowledge
        knowledge.foodCaps = [
            FoodCapRule(id: "both", name: "Oats and blueberries", measure: .items, select: [.food("oats"), .food("blueberries")],
                        maxPerDay: 1, maxPerWeek: nil, sex: nil, ages: nil, source: "test"),
            FoodCapRule(id: "served", name: "Oats and blueberries", measure: .servings,
                        select: [.food("oats"), .food("blueberries")], maxPerDay: 1, maxPerWeek: nil, sex: nil, ages: nil,
                        source: "test"),
        ]
        var profile = Profile(sex: .female, age: 40, diet: .vegetarian, suspected: ["prebiotics"])
        profile.energy = knowledge.energyBand(sex: profile.sex, age: profile.age, activity: profile.activity)
        let problem = ProblemBuilder(knowledge: knowledge, profile: profile, assessment: try gutplan.assess(profile)).problem()
        let items = try #require(problem.foodCaps.first { $0.id == "both" })
        let servings = try #require(problem.foodCaps.first { $0.id == "served" })
        #expect(items.amounts["overnight-oats-kefir-blueberries"] == 1)
        #expect(servings.amounts["overnight-oats-kefir-blueberries"] == 2)
        #expect(Set(items.amounts.keys) == Set(servings.amounts.keys))
        #expect(items.amounts.values.allSatisfy { $0 == 1 })
    }

    /// The shipped `staple-once-a-day` row: one cap per staple in the problem, 1 for every item that
    /// holds it, at most 1 a day; oats is not on it.
    @Test func shippedStapleCapReachesTheProblemPerFood() throws {
        let gutplan = try loaded()
        let rule = try #require(gutplan.knowledge.foodCaps.first { $0.id == "staple-once-a-day" })
        #expect(rule.measure == .items && rule.maxPerDay == 1 && rule.perFood)
        #expect(rule.select.contains(.food("tempeh")) && !rule.select.contains(.food("oats")))
        var profile = Profile(sex: .female, age: 40, diet: .vegan, suspected: ["probiotics", "prebiotics", "iron"])
        profile.energy = gutplan.knowledge.energyBand(sex: profile.sex, age: profile.age, activity: profile.activity)
        let builder = ProblemBuilder(knowledge: gutplan.knowledge, profile: profile, assessment: try gutplan.assess(profile))
        let problem = builder.problem()
        let tempeh = try #require(problem.foodCaps.first { $0.id == "staple-once-a-day:tempeh" })
        #expect(tempeh.maxPerDay == 1 && tempeh.maxPerWeek == nil)
        let holding = builder.entries.filter { $0.portions.contains { $0.food == "tempeh" } }.map(\.id)
        #expect(holding.count >= 3)
        #expect(Set(tempeh.amounts.keys) == Set(holding))
        #expect(tempeh.amounts.values.allSatisfy { $0 == 1 })
        #expect(!problem.foodCaps.contains { $0.id.hasPrefix("staple-once-a-day:oats") })
        // The problem file carries the cap for an external solver.
        let json = problem.json()
        #expect(json.contains("\"staple-once-a-day:tempeh\""))
    }

    /// Plans never hold a capped staple in two items of one day (profiles of the sweep whose weeks
    /// had tempeh, banana, miso, kimchi or kefir in a meal and an addition of the same day).
    @Test func plansKeepEachStapleToOneItemADay() throws {
        let gutplan = try loaded()
        let rule = try #require(gutplan.knowledge.foodCaps.first { $0.id == "staple-once-a-day" })
        let capped = Set(rule.select.compactMap { selector -> String? in
            if case .food(let id) = selector { return id }
            return nil
        })
        let profiles = [
            ProfileInput(suspected: ["probiotics", "iron"], sex: .female, age: 40, diet: .vegan),
            ProfileInput(confirmed: ["vitamin-d"], sex: .male, age: 40, diet: .vegan),
            ProfileInput(suspected: ["prebiotics", "probiotics"], sex: .female, age: 62, diet: .vegetarian),
            ProfileInput(suspected: ["zinc", "magnesium"], sex: .male, age: 30, diet: .omnivore),
        ]
        for input in profiles {
            let plan = try gutplan.plan(try gutplan.resolve(input)).plan
            for (number, day) in plan.days.enumerated() {
                var items: [String: Int] = [:]
                for item in day.items { for food in Set(item.foods.map(\.food)) where capped.contains(food) { items[food, default: 0] += 1 } }
                #expect(items.values.allSatisfy { $0 <= 1 }, "\(input), day \(number + 1): \(items)")
            }
        }
    }
}
