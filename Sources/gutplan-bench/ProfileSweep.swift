import Foundation
import GutPlanKit

/// `--sweep N`: plans N seeded random profiles on the shipped rules and prints what a dietitian
/// would look at: how often the score still reaches 1.0, and the distributions of eggs a week,
/// daily sodium, the saturated-fat share of energy, the plants count and the most servings of one
/// food in a week; then every violation of a limit or cap that the problem's own check finds in
/// the planned weeks (`PlanningProblem.violations`), which must be 0. `GUTPLAN_RULES` names
/// another rule directory (to compare a rule change on the same profiles).
enum ProfileSweep {
    static func run(count: Int, rules: String) {
        guard let gutplan = try? GutPlan.load(rules: rules) else {
            print("sweep: cannot load \(rules)")
            return
        }
        let flaggable = gutplan.flaggableNutrients
        var random = SplitMix64(seed: 20_261_125)
        var perfect = 0, plans = 0, noPlans = 0
        var eggs: [Double] = [], sodium: [Double] = [], saturated: [Double] = [], plants: [Double] = [], scores: [Double] = []
        var oneFood: [Double] = [], proven = 0, violations: [String] = [], portions: [Double: Int] = [:]
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<count {
            var input = ProfileInput()
            input.sex = Bool.random(using: &random) ? .female : .male
            input.age = Int.random(in: 19...90, using: &random)
            input.diet = Diet.allCases.randomElement(using: &random) ?? .omnivore
            // No activity (the band spans sedentary to active) or one of the three levels.
            let activity = Int.random(in: 0...Activity.allCases.count, using: &random)
            input.activity = activity == 0 ? nil : Activity.allCases[activity - 1]
            for id in flaggable.shuffled(using: &random).prefix(Int.random(in: 1...6, using: &random)) {
                if Bool.random(using: &random) { input.confirmed.append(id) } else { input.suspected.append(id) }
            }
            guard let profile = try? gutplan.resolve(input), let outcome = try? gutplan.plan(profile) else {
                noPlans += 1
                continue
            }
            plans += 1
            let plan = outcome.plan
            portions[plan.portionScale, default: 0] += 1
            // The score stage is proven when its best week meets the bound (the plants stage may
            // then trade up to the score tolerance for plants).
            if outcome.solution.bestScore >= outcome.solution.upperBound - 1e-9 { proven += 1 }
            violations += outcome.problem.violations(of: outcome.solution.days).map { "\(input): \($0)" }
            var servings: [String: Double] = [:]
            for day in plan.days {
                for item in day.items { for portion in item.foods { servings[portion.food, default: 0] += portion.servings } }
            }
            oneFood.append(servings.values.max() ?? 0)
            scores.append(plan.score)
            if plan.score >= 1 - 1e-9 { perfect += 1 }
            plants.append(Double(plan.plants.count))
            eggs.append(plan.days.reduce(0) { total, day in
                total + day.items.flatMap(\.foods).reduce(0) { $0 + gutplan.eggs(in: $1) }
            })
            for limit in plan.limits {
                if limit.id == "sodium" { sodium += limit.days }
                if limit.id == "saturated-fat" { saturated += limit.days }
            }
        }
        let seconds = Double((clock.now - start).components.seconds) + Double((clock.now - start).components.attoseconds) / 1e18
        print("")
        print("Sweep of \(count) random profiles (1-6 flags, random sex, age 19-90, diet, activity or none): \(plans) plans, \(noPlans) without a plan, \(fixed(seconds, 1)) s")
        print("  portion steps: " + portions.keys.sorted().map { "\(fixed($0, 2))x in \(portions[$0] ?? 0)" }.joined(separator: ", "))
        print("  score 1.0 reached: \(perfect) of \(plans) (\(fixed(100 * Double(perfect) / Double(max(plans, 1)), 1))%); "
              + "best score proven optimal (= bound): \(proven) of \(plans)")
        print("  " + summary("score", scores, digits: 3))
        print("  " + summary("eggs a week", eggs, digits: 1))
        print("  " + summary("sodium mg a day", sodium, digits: 0))
        print("  " + summary("saturated fat % energy", saturated, digits: 1))
        print("  " + summary("plants a week", plants, digits: 0))
        print("  " + summary("most servings of one food a week", oneFood, digits: 1))
        print("  limit and cap violations: \(violations.count)")
        for violation in violations.prefix(10) { print("    \(violation)") }
    }

    /// `name: min 1, p10 2, median 3, p90 4, max 5`.
    static func summary(_ name: String, _ values: [Double], digits: Int) -> String {
        guard !values.isEmpty else { return "\(name): none" }
        let sorted = values.sorted()
        func at(_ q: Double) -> String { fixed(sorted[min(sorted.count - 1, Int(q * Double(sorted.count - 1)))], digits) }
        return "\(name): min \(at(0)), p10 \(at(0.1)), median \(at(0.5)), p90 \(at(0.9)), max \(at(1))"
    }
}
