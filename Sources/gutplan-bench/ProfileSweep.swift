import Foundation
import GutPlanKit

/// `--sweep N`: plans N seeded random profiles on the shipped rules and prints what a dietitian
/// would look at: how often the score still reaches 1.0, and the distributions of eggs a week,
/// daily sodium, the saturated-fat share of energy, the plants count and the most servings of one
/// food in a week, how often a food comes back in a second item of the same day (an oat porridge
/// and an oat addition), the UV-exposed mushrooms a week and the portion steps; then every
/// violation of a limit or cap that the problem's own check finds in the planned weeks
/// (`PlanningProblem.violations`), which must be 0. It times each profile's planning in process
/// and, when the release `gutplan` is beside it, each as a whole `gutplan plan` process (how
/// many take under 50 ms). `GUTPLAN_RULES` names another rule
/// directory (to compare a rule change on the same profiles).
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
        var oneFood: [Double] = [], proven = 0, violations: [String] = [], withoutPlan: [String] = []
        var portions: [Double: Int] = [:]
        var days = 0, uvMushrooms: [Double] = []
        var planMilliseconds: [Double] = [], records: [String] = [], profiles: [[String]] = []
        var additionRepeatDays = 0, mealRepeatDays = 0, additionRepeats: [String: Int] = [:], mealRepeats: [String: Int] = [:]
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
            profiles.append(arguments(input))
            let planStart = clock.now
            let planned = (try? gutplan.resolve(input)).flatMap { try? gutplan.plan($0) }
            planMilliseconds.append(DefaultRulesBenchmark.milliseconds(clock.now - planStart))
            guard let outcome = planned else {
                noPlans += 1
                withoutPlan.append("\(input)")
                continue
            }
            plans += 1
            let plan = outcome.plan
            let solution = outcome.solution
            records.append("\(records.count + noPlans)\t\(solution.score)\t\(solution.bestScore)\t\(solution.upperBound)\t\(solution.plants)\t\(solution.plantsBound)\t\(solution.preferredDays)\t\(solution.distinctMeals)\t\(planMilliseconds.last ?? 0)\t" + arguments(input).joined(separator: " "))
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
            uvMushrooms.append(servings["mushrooms-uv", default: 0])
            for day in plan.days {
                // Foods in two or more of the day's items: in a meal and an addition, or in two meals.
                var inMeals: [String: Int] = [:], inAdditions: Set<String> = []
                for item in day.items {
                    for food in Set(item.foods.map(\.food)) {
                        if item.kind == .meal { inMeals[food, default: 0] += 1 } else { inAdditions.insert(food) }
                    }
                }
                days += 1
                let withAddition = inAdditions.filter { inMeals[$0, default: 0] > 0 }
                let inTwoMeals = inMeals.filter { $0.value > 1 }.keys
                if !withAddition.isEmpty { additionRepeatDays += 1 }
                if !inTwoMeals.isEmpty { mealRepeatDays += 1 }
                for food in withAddition { additionRepeats[food, default: 0] += 1 }
                for food in inTwoMeals { mealRepeats[food, default: 0] += 1 }
            }
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
        print("  " + summary("planning ms (resolve, plan, render; in process)", planMilliseconds, digits: 1))
        // The same profiles as whole `gutplan plan --format json` processes (one run each).
        let binary = DefaultRulesBenchmark.gutplanBinary
        if FileManager.default.isExecutableFile(atPath: binary) {
            var processMilliseconds: [Double] = []
            for profile in profiles {
                let begin = clock.now
                guard DefaultRulesBenchmark.spawnAndWait(binary, ["plan", "--format", "json", "--rules", rules] + profile) else { break }
                processMilliseconds.append(DefaultRulesBenchmark.milliseconds(clock.now - begin))
            }
            let under = processMilliseconds.filter { $0 < 50 }.count
            print("  " + summary("whole process ms (gutplan plan --format json, one run each)", processMilliseconds, digits: 1)
                  + "; under 50 ms: \(under) of \(processMilliseconds.count)")
        }
        print("  " + summary("score", scores, digits: 3))
        print("  " + summary("eggs a week", eggs, digits: 1))
        print("  " + summary("sodium mg a day", sodium, digits: 0))
        print("  " + summary("saturated fat % energy", saturated, digits: 1))
        print("  " + summary("plants a week", plants, digits: 0))
        print("  " + summary("most servings of one food a week", oneFood, digits: 1))
        print("  " + summary("UV-exposed mushroom servings a week", uvMushrooms, digits: 1))
        func top(_ counts: [String: Int]) -> String {
            let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return sorted.prefix(12).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        print("  days with a food in a meal and an addition: \(additionRepeatDays) of \(days); by food: \(top(additionRepeats))")
        print("  days with a food in two meals: \(mealRepeatDays) of \(days); by food: \(top(mealRepeats))")
        for input in withoutPlan.prefix(5) { print("  no plan: \(input)") }
        print("  limit and cap violations: \(violations.count)")
        // `GUTPLAN_SWEEP_RECORDS=FILE`: one line per planned profile (index, score, best score,
        // bound, plants, plants bound, preferred days, distinct meals), to compare two builds.
        if let path = ProcessInfo.processInfo.environment["GUTPLAN_SWEEP_RECORDS"] {
            try? (records.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        for violation in violations.prefix(10) { print("    \(violation)") }
    }

    /// The `gutplan plan` arguments of a sweep profile.
    static func arguments(_ input: ProfileInput) -> [String] {
        var list = ["--sex", input.sex.rawValue, "--age", "\(input.age)", "--diet", input.diet.rawValue]
        if let activity = input.activity { list += ["--activity", activity.rawValue] }
        if !input.confirmed.isEmpty { list += ["--confirmed", input.confirmed.joined(separator: ",")] }
        if !input.suspected.isEmpty { list += ["--suspected", input.suspected.joined(separator: ",")] }
        return list
    }

    /// `name: min 1, p10 2, median 3, p90 4, max 5`.
    static func summary(_ name: String, _ values: [Double], digits: Int) -> String {
        guard !values.isEmpty else { return "\(name): none" }
        let sorted = values.sorted()
        func at(_ q: Double) -> String { fixed(sorted[min(sorted.count - 1, Int(q * Double(sorted.count - 1)))], digits) }
        return "\(name): min \(at(0)), p10 \(at(0.1)), median \(at(0.5)), p90 \(at(0.9)), max \(at(1))"
    }
}
