import Foundation
import Testing
@testable import GutPlanKit

/// Property test on the real rules: for seeded random profiles, every plan that comes back is
/// safe by the problem's own check *and* by independent checks recomputed here from the foods
/// (upper limits, exclusions, repetition, energy, score <= bound), or planning fails with
/// `noPlan` and a message. 30 profiles in `swift test`; `GUTPLAN_LONG_TESTS=1` runs 400 more.
@Suite struct PlanSafetyTests {
    static let gutplan: GutPlan? = try? GutPlan.load(rules: Hardening.rules)
    static let tolerance = 1e-6

    struct Outcome { var plans = 0; var noPlans = 0 }

    /// A random profile, as the names a person would type (ids resolve as names).
    static func randomInput(seed: UInt64, knowledge: KnowledgeBase) -> ProfileInput {
        var random = SplitMix64(seed: seed)
        let plannable = knowledge.nutrients.filter { !$0.targets.isEmpty }.map(\.id)
        let tags = Set(knowledge.foods.flatMap(\.tags)).sorted()
        var input = ProfileInput()
        input.sex = Bool.random(using: &random) ? .female : .male
        input.age = Int.random(in: 19...90, using: &random)
        input.diet = Diet.allCases.randomElement(using: &random) ?? .omnivore
        input.exclude = Array(tags.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)))
        let flagged = plannable.shuffled(using: &random).prefix(Int.random(in: 0...6, using: &random))
        for id in flagged {
            if Bool.random(using: &random) { input.confirmed.append(id) } else { input.suspected.append(id) }
        }
        if Int.random(in: 0..<3, using: &random) > 0 {
            let low = Double(Int.random(in: 12...26, using: &random) * 100)
            input.energy = low...(low + Double(Int.random(in: 2...12, using: &random) * 100))
        }
        return input
    }

    /// Plans one profile and checks it; returns whether a plan came back.
    static func check(seed: UInt64, gutplan: GutPlan) -> Bool? {
        let knowledge = gutplan.knowledge
        let input = randomInput(seed: seed, knowledge: knowledge)
        let context = "seed \(seed): \(input)"
        let outcome: GutPlan.Outcome
        do {
            let profile = try gutplan.resolve(input)
            outcome = try gutplan.plan(profile, seed: seed)
        } catch .noPlan(let message) {
            #expect(!message.isEmpty, "\(context)")
            return false
        } catch {
            Issue.record("\(context): unexpected \(error) \(error.message)")
            return nil
        }
        let plan = outcome.plan
        #expect(outcome.problem.violations(of: outcome.solution.days).isEmpty, "\(context)")
        #expect(plan.score <= plan.upperBound + 1e-9, "\(context)")
        #expect(plan.score >= 0 && plan.upperBound <= 1 + 1e-9, "\(context)")
        #expect(plan.days.count == 7, "\(context)")

        // Independent checks, from the foods of the plan.
        let foods = Dictionary(knowledge.foods.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let banned = input.diet.excludedTags.union(outcome.assessment.avoid).union(input.exclude)
        let band = AgeBand(age: input.age)
        let limits = knowledge.nutrients.compactMap { n in band.flatMap { n.upperLimit(band: $0) }.map { (n, $0) } }
        // The band the plan was made for: --kcal, else the energy table's for the sex and age.
        let energyBand = plan.profile.energyBand
        var mealDays: [String: [Int]] = [:]
        var additionUses: [String: Int] = [:]
        for day in plan.days {
            var kcal = 0.0
            var amounts = [Double](repeating: 0, count: limits.count)
            for item in day.items {
                switch item.kind {
                case .meal: mealDays[item.id, default: []].append(day.number)
                case .fermented, .prebiotic: additionUses[item.id, default: 0] += 1
                case .stress: continue
                }
                for portion in item.foods {
                    guard let food = foods[portion.food] else {
                        Issue.record("\(context): unknown food \(portion.food) on day \(day.number)")
                        continue
                    }
                    if !food.tags.isDisjoint(with: banned) || banned.contains(food.id) {
                        Issue.record("\(context): excluded food \(food.id) (\(food.tags.sorted())) in \(item.id) on day \(day.number)")
                    }
                    kcal += (food.values["energy_kcal"] ?? 0) * portion.servings
                    for (k, (nutrient, _)) in limits.enumerated() {
                        switch nutrient.measure {
                        case .column(let column): amounts[k] += (food.values[column] ?? 0) * portion.servings
                        case .taggedServings(let tag): amounts[k] += food.tags.contains(tag) ? portion.servings : 0
                        }
                    }
                }
            }
            #expect(kcal >= energyBand.lowerBound - tolerance && kcal <= energyBand.upperBound + tolerance,
                    "\(context): day \(day.number) has \(kcal) kcal")
            for (k, (nutrient, limit)) in limits.enumerated() {
                #expect(amounts[k] <= limit + tolerance, "\(context): day \(day.number) has \(amounts[k]) \(nutrient.unit) of \(nutrient.id) > \(limit)")
            }
            let mealSlots = day.items.filter { $0.kind == .meal }.map(\.slot)
            #expect(mealSlots == [.breakfast, .lunch, .dinner, .snack], "\(context): day \(day.number)")
        }
        for (meal, days) in mealDays {
            #expect(days.count <= 2, "\(context): \(meal) on days \(days)")
            #expect(zip(days, days.dropFirst()).allSatisfy { $1 - $0 > 1 }, "\(context): \(meal) on consecutive days \(days)")
        }
        for (addition, uses) in additionUses {
            #expect(uses <= 4, "\(context): \(addition) used \(uses) times")
        }
        return true
    }

    static func run(seeds: Range<UInt64>) throws -> Outcome {
        let gutplan = try #require(Self.gutplan)
        var outcome = Outcome()
        for seed in seeds {
            switch check(seed: seed, gutplan: gutplan) {
            case true?: outcome.plans += 1
            case false?: outcome.noPlans += 1
            case nil: break
            }
        }
        return outcome
    }

    @Test func randomProfilesGetSafePlans() throws {
        let outcome = try Self.run(seeds: 1..<31)
        print("plan safety: \(outcome.plans) plans checked, \(outcome.noPlans) profiles without a plan")
        // The property means something only if most profiles do get a plan.
        #expect(outcome.plans >= 15, "\(outcome.plans) plans, \(outcome.noPlans) without a plan")
    }

    @Test(.enabled(if: Hardening.long, "set GUTPLAN_LONG_TESTS=1"))
    func manyRandomProfilesGetSafePlans() throws {
        let outcome = try Self.run(seeds: 1_000..<1_400)
        print("plan safety (long): \(outcome.plans) plans checked, \(outcome.noPlans) profiles without a plan")
        #expect(outcome.plans >= 200, "\(outcome.plans) plans, \(outcome.noPlans) without a plan")
    }
}
