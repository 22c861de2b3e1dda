import Testing
@testable import GutPlanKit

/// Seeded random small problems, shared by the planner tests.
enum PlannerFixtures {
    /// `slots` slots with `perSlot` items each (some items shared between slots), `nutrients`
    /// weighted nutrients, one upper-limit term, a band around the typical day.
    static func problem(seed: UInt64, days: Int = 7, slots: [Slot] = Slot.planned, perSlot: Int = 6,
                        nutrients: Int = 4, maxPerWeek: Int = 2) -> PlanningProblem {
        var rng = SplitMix64(seed: seed)
        var terms: [PlanningProblem.NutrientTerm] = (0..<nutrients).map {
            .init(id: "n\($0)", unit: "mg", target: 100, weight: Double(1 + rng.int(2)), upperLimit: nil)
        }
        terms.append(.init(id: "retinol", unit: "ug", target: nil, weight: 0, upperLimit: 100))
        var items: [PlanningProblem.Item] = []
        for slot in slots {
            for k in 0..<perSlot {
                var itemSlots = [slot]
                let extra = slots[rng.int(slots.count)]
                if extra != slot, rng.unit() < 0.15 { itemSlots.append(extra) }
                var amounts = (0..<nutrients).map { _ in rng.unit() < 0.6 ? 60 * rng.unit() : 0 }
                amounts.append(rng.unit() < 0.2 ? 70 * rng.unit() : 0)
                let isMeal = Slot.meals.contains(slot)
                items.append(.init(id: "\(slot.rawValue)-\(k)", slots: itemSlots, kcal: isMeal ? 200 + 400 * rng.unit() : 20 + 100 * rng.unit(),
                                   maxPerWeek: isMeal ? maxPerWeek : 4, noConsecutiveDays: isMeal,
                                   amounts: amounts, preference: rng.unit() < 0.3 ? 1 : 0))
            }
        }
        let mealCount = slots.filter { Slot.meals.contains($0) }.count
        let low = Double(mealCount) * 300, high = Double(mealCount) * 450 + 150
        return PlanningProblem(days: days, slots: slots, energy: low...high, nutrients: terms, items: items)
    }

    /// Exhaustive optimum (score, then preference, then distinct items) for tiny problems.
    static func bruteForce(_ problem: PlanningProblem) -> Double? {
        let candidates = problem.slots.map { slot in problem.items.indices.filter { problem.items[$0].slots.contains(slot) } }
        var dayOptions: [[Int]] = []
        func build(_ s: Int, _ partial: [Int]) {
            if s == candidates.count { dayOptions.append(partial); return }
            for i in candidates[s] where !partial.contains(i) { build(s + 1, partial + [i]) }
        }
        build(0, [])
        dayOptions = dayOptions.filter { problem.violations(of: Array(repeating: $0, count: 1)).allSatisfy { !$0.hasPrefix("day") } }
        var best: Double?
        var week: [[Int]] = []
        func extend(_ d: Int) {
            if d == problem.days {
                if problem.violations(of: week).isEmpty {
                    let s = problem.score(of: week)
                    if best == nil || s > best! { best = s }
                }
                return
            }
            for option in dayOptions {
                week.append(option)
                extend(d + 1)
                week.removeLast()
            }
        }
        extend(0)
        return best
    }
}

@Suite("Planner")
struct PlannerTests {
    @Test("random problems give feasible plans under their bound", arguments: 0..<40)
    func feasibleAndBounded(seed: Int) throws {
        let problem = PlannerFixtures.problem(seed: UInt64(seed), perSlot: 5 + seed % 4, nutrients: 2 + seed % 5)
        do {
            let solution = try Planner().solve(problem, seed: 7)
            #expect(problem.violations(of: solution.days).isEmpty)
            #expect(solution.days.count == problem.days)
            #expect(abs(solution.score - problem.score(of: solution.days)) < 1e-12)
            #expect(solution.score <= solution.upperBound + 1e-9)
            #expect(solution.upperBound <= 1 + 1e-12)
        } catch {
            #expect(!error.isInternal, "\(error.message)")
            #expect(!error.message.isEmpty)
        }
    }

    @Test("tiny problems match the brute-force optimum", arguments: 0..<25)
    func matchesBruteForce(seed: Int) throws {
        let problem = PlannerFixtures.problem(seed: UInt64(1000 + seed), days: 3, slots: [.breakfast, .lunch, .fermented],
                                              perSlot: 3, nutrients: 3, maxPerWeek: 1 + seed % 2)
        let exact = PlannerFixtures.bruteForce(problem)
        do {
            let solution = try Planner().solve(problem)
            let optimum = try #require(exact, "the planner found a plan the brute force did not")
            #expect(solution.score >= optimum * 0.995 - 1e-12)
            #expect(solution.score <= optimum + 1e-9)
            #expect(solution.upperBound >= optimum - 1e-9)
        } catch let failure as PlanningFailure {
            #expect(!failure.isInternal, "\(failure.message)")
            #expect(exact == nil, "planner failed (\(failure.message)) but a plan exists")
        }
    }

    @Test("same problem and seed give the same plan")
    func deterministic() throws {
        let problem = PlannerFixtures.problem(seed: 42, perSlot: 8, nutrients: 5)
        let first = try Planner().solve(problem, seed: 3)
        let second = try Planner().solve(problem, seed: 3)
        #expect(first == second)
    }

    @Test("no weighted nutrient: score and bound are 0, plan still feasible")
    func noObjective() throws {
        var problem = PlannerFixtures.problem(seed: 5)
        for n in problem.nutrients.indices { problem.nutrients[n].weight = 0 }
        let solution = try Planner().solve(problem)
        #expect(solution.score == 0)
        #expect(solution.upperBound == 0)
        #expect(problem.violations(of: solution.days).isEmpty)
    }
}
