import Foundation
import Testing
@testable import GutPlanKit

/// `GutPlan.swap` on the real rules: the alternatives are exactly the valid weeks a brute force
/// over every item finds, in the planner's order, and a swap writes a plan whose only change is
/// the slot (swapping back gives the original file, byte for byte).
@Suite struct SwapTests {
    /// A planned week as `gutplan plan --format json` writes it.
    static func planned(_ profile: Profile) throws -> (GutPlan, String) {
        let gutplan = try GutPlan.load(rules: PackageRules.path)
        let outcome = try gutplan.plan(profile)
        return (gutplan, outcome.plan.json())
    }

    static let profiles: [Profile] = [
        Profile(confirmed: ["vitamin-d", "zinc"], suspected: ["vitamin-b12"]),
        Profile(sex: .male, age: 52, diet: .vegan, confirmed: ["iron"], suspected: ["calcium"]),
    ]

    /// The ranking restated from the problem's objective: weeks within the score tolerance of the
    /// best come first, by plants, preferred days, distinct meals, then score; the rest by score,
    /// then the same tie-breaks. `true` when `a` must come before `b`.
    static func mustPrecede(_ a: GutPlan.Swap.Alternative, _ b: GutPlan.Swap.Alternative, floor: Double) -> Bool {
        let eps = 1e-9 / 7 + 1e-12
        let inA = a.score >= floor - eps, inB = b.score >= floor - eps
        if inA != inB { return inA }
        let ties = [(a.plants, b.plants), (a.preferredDays, b.preferredDays), (a.distinctMeals, b.distinctMeals)]
        let scoreBetter = a.score > b.score + 1e-6
        let scoreWorse = a.score < b.score - 1e-6
        if !inA {
            if scoreBetter { return true }
            if scoreWorse { return false }
        }
        for (x, y) in ties where x != y { return x > y }
        return inA && scoreBetter
    }

    @Test(arguments: [(0, 2, Slot.dinner), (0, 5, Slot.fermented), (1, 5, Slot.breakfast), (1, 3, Slot.snack)])
    func alternativesAreExactlyTheValidWeeksInTheObjectiveOrder(profileIndex: Int, day: Int, slot: Slot) throws {
        let (gutplan, json) = try Self.planned(Self.profiles[profileIndex])
        let swap = try gutplan.swap(planJSON: json, path: "plan.json", day: day, slot: slot)
        let problem = swap.problem
        let s = try #require(problem.slots.firstIndex(of: slot))
        let week = swap.current.days
        #expect(problem.violations(of: week).isEmpty)
        // Brute force: every item of the problem (not only the slot's) in the slot.
        var valid: [String: (score: Double, plants: Int)] = [:]
        for i in problem.items.indices where i != week[day - 1][s] {
            var days = week
            days[day - 1][s] = i
            if problem.violations(of: days).isEmpty { valid[problem.items[i].id] = (problem.score(of: days), problem.plants(of: days)) }
        }
        #expect(Set(swap.alternatives.map(\.id)) == Set(valid.keys))
        #expect(swap.alternatives.count == valid.count)
        #expect(!swap.alternatives.isEmpty)
        for alternative in swap.alternatives {
            // Only the slot changed, and the week is valid with the figures it shows.
            var expected = week
            expected[day - 1][s] = try #require(problem.items.firstIndex { $0.id == alternative.id })
            #expect(alternative.days == expected)
            #expect(problem.violations(of: alternative.days).isEmpty)
            #expect(abs(alternative.score - (valid[alternative.id]?.score ?? -1)) < 1e-12)
            #expect(alternative.plants == valid[alternative.id]?.plants)
            #expect(alternative.preferredDays == problem.preferredDays(of: alternative.days))
            #expect(alternative.distinctMeals == problem.distinctMeals(of: alternative.days))
        }
        let best = swap.alternatives.reduce(swap.current.score) { max($0, $1.score) }
        let floor = best - problem.scoreTolerance
        for (i, later) in swap.alternatives.enumerated() {
            for earlier in swap.alternatives[..<i] {
                #expect(!Self.mustPrecede(later, earlier, floor: floor), "\(later.id) ranks after \(earlier.id)")
            }
        }
    }

    @Test func swappingBackRestoresTheFileExactly() throws {
        let (gutplan, json) = try Self.planned(Self.profiles[0])
        let swap = try gutplan.swap(planJSON: json, path: "plan.json", day: 4, slot: .lunch)
        let original = swap.current.id
        let new = try gutplan.swapped(swap, pick: 1)
        #expect(new.days[3].items.first { $0.slot == .lunch }?.id == swap.alternatives[0].id)
        #expect(abs(new.score - swap.alternatives[0].score) < 1e-12)
        #expect(new.plants.value == swap.alternatives[0].plants)
        // Everything but day 4 lunch is as it was.
        let old = try gutplan.plan(Self.profiles[0]).plan
        for (a, b) in zip(old.days, new.days) {
            for (x, y) in zip(a.items, b.items) where !(a.number == 4 && x.slot == .lunch) { #expect(x.id == y.id) }
        }
        let back = try gutplan.swap(planJSON: new.json(), path: "new.json", day: 4, slot: .lunch)
        let index = try #require(back.alternatives.firstIndex { $0.id == original })
        let restored = try gutplan.swapped(back, pick: index + 1)
        #expect(restored.json() == json)
    }

    @Test func aPickOutOfRangeIsAnInvalidRequest() throws {
        let (gutplan, json) = try Self.planned(Self.profiles[0])
        let swap = try gutplan.swap(planJSON: json, path: "plan.json", day: 1, slot: .dinner)
        #expect(throws: GutPlanError.self) { try gutplan.swapped(swap, pick: swap.alternatives.count + 1) }
        do {
            _ = try gutplan.swap(planJSON: json, path: "plan.json", day: 8, slot: .dinner)
            Issue.record("day 8 of a one-week plan was accepted")
        } catch {
            #expect(error == .invalidRequest("day 8: the plan has days 1 to 7"))
        }
    }
}

/// A plan made under time limits (`--max-minutes`) or with the ramp asked for records them in
/// its JSON, and `swap` rebuilds that problem: it offers only meals within the limits, and the
/// new plan keeps both.
@Suite struct SwapOptionsTests {
    @Test func swapKeepsTimeLimitsAndTheRamp() throws {
        let gutplan = try GutPlan.load(rules: PackageRules.path)
        var options = PlanOptions()
        options.maxMinutes = [.breakfast: 10, .dinner: 30]
        options.ramp = true
        let outcome = try gutplan.plan(Profile(confirmed: ["iron"], suspected: ["vitamin-d"]), options: options)
        let json = outcome.plan.json()
        #expect(json.contains("\"max_minutes\": {\n    \"breakfast\": 10,\n    \"dinner\": 30\n  }"))
        #expect(json.contains("\"ramp\": true"))
        let minutes = Dictionary(uniqueKeysWithValues: gutplan.knowledge.recipes.map { ($0.meal, $0.prepMinutes + $0.cookMinutes) })
        // Every day of both limited slots: each alternative offered is within the limit. Which
        // days have an alternative at all depends on the week the planner chose among equally
        // good ones, so the pick is made on the first day that has one (some day must).
        for (slot, limit) in [(Slot.breakfast, 10), (Slot.dinner, 30)] {
            var withAlternatives: [GutPlan.Swap] = []
            for day in 1...7 {
                let swap = try gutplan.swap(planJSON: json, path: "plan.json", day: day, slot: slot)
                for alternative in swap.alternatives {
                    let total = try #require(minutes[alternative.id], "\(alternative.id) has no recipe")
                    #expect(total <= limit, "\(alternative.id) takes \(total) min, over \(limit)")
                }
                if !swap.alternatives.isEmpty { withAlternatives.append(swap) }
            }
            let swap = try #require(withAlternatives.first, "no \(slot.rawValue) of the week has an alternative")
            let swapped = try gutplan.swapped(swap, pick: 1)
            #expect(swapped.maxMinutes == options.maxMinutes)
            #expect(swapped.rampRequested)
        }
    }

    @Test func badTimeLimitsInAPlanFileAreNamed() throws {
        let gutplan = try GutPlan.load(rules: PackageRules.path)
        let json = try gutplan.plan(Profile(confirmed: ["iron"])).plan.json()
        for (bad, words) in [("{\"brunch\": 10}", "not a meal slot"), ("{\"dinner\": 0}", "is not 1 to 1440"),
                             ("{\"fermented\": 5}", "not a meal slot")] {
            let edited = json.replacingOccurrences(of: "\"max_minutes\": {}", with: "\"max_minutes\": \(bad)")
            #expect(edited != json)
            do {
                _ = try gutplan.swap(planJSON: edited, path: "plan.json", day: 1, slot: .dinner)
                Issue.record("\(bad) was accepted")
            } catch {
                #expect(error.message.contains(words), "\(error.message)")
            }
        }
    }
}
