import Foundation
import Testing
@testable import GutPlanKit

/// Property test of issue 9's limits on the real rules: for seeded random profiles (with random
/// supplements), every plan keeps, recomputed here from the foods and the data files, every
/// upper limit with supplements counted, sodium, the saturated-fat share, the fibre density, and
/// every food cap (eggs, fish, liver, any single food, the caps on one named food). 8 profiles in `swift test`;
/// `GUTPLAN_LONG_TESTS=1` runs 200.
@Suite struct LimitSafetyTests {
    static let tolerance = 1e-6

    @Test func limitsAndCapsHoldOnRandomProfiles() throws {
        let gutplan = try #require(PlanSafetyTests.gutplan)
        let count = ProcessInfo.processInfo.environment["GUTPLAN_LONG_TESTS"] == nil ? 8 : 200
        var plans = 0
        for seed in UInt64(5_000)..<UInt64(5_000 + count) {
            if try Self.check(seed: seed, gutplan: gutplan) { plans += 1 }
        }
        #expect(plans >= count / 2, "only \(plans) of \(count) random profiles got a plan")
    }

    /// Plans one random profile and checks it independently; `false` when no plan exists.
    static func check(seed: UInt64, gutplan: GutPlan) throws -> Bool {
        let knowledge = gutplan.knowledge
        var input = PlanSafetyTests.randomInput(seed: seed, knowledge: knowledge)
        var random = SplitMix64(seed: seed &* 31)
        let choices = ["vitamin-d=25ug", "iron=18mg", "calcium=500mg", "zinc=15mg", "folate=400ug", "vitamin-a=900ug"]
        input.supplements = Array(choices.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)))
        let context = "seed \(seed): \(input)"
        let outcome: GutPlan.Outcome
        do {
            outcome = try gutplan.plan(try gutplan.resolve(input), seed: seed)
        } catch .noPlan {
            return false
        } catch {
            Issue.record("\(context): unexpected \(error)")
            return false
        }
        let plan = outcome.plan
        let profile = plan.profile
        let band = try #require(AgeBand(age: profile.age))
        let foods = Dictionary(knowledge.foods.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let counts = knowledge.supplementCounts
        func supplement(_ nutrient: String) -> Double {
            profile.supplements.reduce(0) { total, entry in
                let rows = counts.filter { $0.supplement == entry.key }
                if rows.isEmpty { return total + (entry.key == nutrient ? entry.value : 0) }
                return total + rows.filter { $0.countsAs == nutrient }.reduce(0) { $0 + entry.value * $1.factor }
            }
        }
        var weekly: [String: Double] = [:]
        for day in plan.days {
            var column: [String: Double] = [:]
            var perDayCap: [String: Double] = [:]
            for item in day.items where item.kind != .stress {
                for portion in item.foods {
                    let food = try #require(foods[portion.food], "\(context): unknown food \(portion.food)")
                    for (key, value) in food.values { column[key, default: 0] += value * portion.servings }
                    perDayCap["servings:\(food.id)", default: 0] += portion.servings
                    perDayCap["eggs", default: 0] += food.eggs * portion.servings
                    if food.tags.contains("liver") { perDayCap["liver", default: 0] += portion.servings }
                    if !food.tags.isDisjoint(with: ["fish", "shellfish"]) { perDayCap["fish-grams", default: 0] += food.grams * portion.servings }
                    if food.fishCategory == .avoid { Issue.record("\(context): fish to avoid \(food.id)") }
                }
            }
            let kcal = column["energy_kcal"] ?? 0
            let where_ = "\(context), day \(day.number)"
            #expect(kcal >= profile.energyBand.lowerBound - Self.tolerance && kcal <= profile.energyBand.upperBound + Self.tolerance, "\(where_): \(kcal) kcal")
            #expect((column["sodium_mg"] ?? 0) <= 2300 + Self.tolerance, "\(where_): sodium \(column["sodium_mg"] ?? 0)")
            #expect(9 * (column["sat_fat_g"] ?? 0) <= 0.10 * kcal + Self.tolerance, "\(where_): saturated fat")
            #expect((column["fiber_g"] ?? 0) <= 30 * kcal / 1000 + Self.tolerance, "\(where_): fibre \(column["fiber_g"] ?? 0)")
            for nutrient in knowledge.nutrients {
                guard let limit = nutrient.upperLimit(band: band), case .column(let name) = nutrient.measure else { continue }
                let total = (column[name] ?? 0) + supplement(nutrient.id)
                #expect(total <= limit + Self.tolerance, "\(where_): \(nutrient.id) \(total) > UL \(limit)")
            }
            #expect((perDayCap["eggs"] ?? 0) <= 2 + Self.tolerance, "\(where_): eggs \(perDayCap["eggs"] ?? 0)")
            for (key, value) in perDayCap {
                if key.hasPrefix("servings:") { #expect(value <= 3 + Self.tolerance, "\(where_): \(key) \(value)") }
                weekly[key, default: 0] += value
            }
        }
        #expect((weekly["eggs"] ?? 0) <= 7 + Self.tolerance, "\(context): eggs a week \(weekly["eggs"] ?? 0)")
        #expect((weekly["liver"] ?? 0) <= 1 + Self.tolerance, "\(context): liver a week")
        for (key, value) in weekly where key.hasPrefix("servings:") {
            #expect(value <= 14 + Self.tolerance, "\(context): \(key) \(value) a week")
        }
        // Caps on one food (caps.csv `food:` rows): Jerusalem artichoke 4 servings a week.
        #expect((weekly["servings:jerusalem-artichoke"] ?? 0) <= 4 + Self.tolerance, "\(context): Jerusalem artichoke a week")
        if profile.sex == .female, (19...50).contains(profile.age) {
            #expect((weekly["fish-grams"] ?? 0) <= 340 + Self.tolerance, "\(context): fish \(weekly["fish-grams"] ?? 0) g a week")
        }
        return true
    }
}
