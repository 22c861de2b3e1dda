import Testing
@testable import GutPlanKit

/// Tiny problems with every issue-9 constraint and the lexicographic objective, checked against
/// brute force over every week.
enum TinyProblems {
    /// Three days, three slots, three items a slot, plus plants, preferred nutrients, counted
    /// amounts, a supplement, a ratio limit, food caps, item days and (some seeds) a fixed item.
    static func problem(seed: UInt64) -> PlanningProblem {
        var problem = PlannerFixtures.problem(seed: 5000 + seed, days: 3, slots: [.breakfast, .lunch, .fermented],
                                              perSlot: 3, nutrients: 3, maxPerWeek: 1 + Int(seed % 2))
        var rng = SplitMix64(seed: 77 + seed)
        let species = ["carrot", "oat", "kale", "bean", "apple", "rye", "leek"]
        for i in problem.items.indices {
            problem.items[i].plants = (0..<rng.int(3)).map { _ in species[rng.int(species.count)] }
            problem.items[i].preferredFor = rng.unit() < 0.4 ? ["n\(rng.int(3))"] : []
            if rng.unit() < 0.3 {
                problem.items[i].counted = problem.items[i].amounts.map { $0 * (0.5 + 0.5 * rng.unit()) }
            }
            if rng.unit() < 0.15 { problem.items[i].days = [1 + rng.int(3), 1 + rng.int(3)].sorted() }
        }
        problem.nutrients[0].supplement = 20 * rng.unit()
        problem.nutrients[problem.nutrients.count - 1].supplement = 10
        problem.ratioLimits = [.init(id: "n1-share", numerator: "n1", denominator: "energy", max: 0.08 + 0.1 * rng.unit())]
        var amounts: [String: Double] = [:]
        for item in problem.items where rng.unit() < 0.4 { amounts[item.id] = Double(1 + rng.int(2)) }
        problem.foodCaps = [.init(id: "egg", maxPerDay: 2, maxPerWeek: Double(2 + rng.int(3)), amounts: amounts)]
        problem.plantsCap = 3 + rng.int(4)
        problem.scoreTolerance = seed % 3 == 0 ? 0 : 0.02
        if seed % 4 == 1 {
            let item = problem.items[rng.int(3)]
            problem.fixed = [.init(day: 1 + rng.int(3), slot: item.slots[0], item: item.id)]
        }
        return problem
    }

    struct Optimum: Equatable {
        var score: Double
        var plants: Int
        var preferredDays: Int
        var distinctMeals: Int
    }

    /// Every feasible week, by enumeration of all days and all weeks. Days that break a
    /// constraint on their own (energy, limits, ratio, daily cap: the "day 1 has/breaks/uses"
    /// messages of a one-day plan) are dropped first; every week left is checked in full.
    static func weeks(_ problem: PlanningProblem) -> [[[Int]]] {
        let candidates = problem.slots.map { slot in problem.items.indices.filter { problem.items[$0].slots.contains(slot) } }
        var days: [[Int]] = []
        func build(_ s: Int, _ partial: [Int]) {
            if s == candidates.count { days.append(partial); return }
            for i in candidates[s] where !partial.contains(i) { build(s + 1, partial + [i]) }
        }
        build(0, [])
        days = days.filter { day in
            !problem.violations(of: [day]).contains { $0.hasPrefix("day 1 has") || $0.hasPrefix("day 1 breaks") || $0.hasPrefix("day 1 uses") }
        }
        var result: [[[Int]]] = []
        var week: [[Int]] = []
        func extend(_ d: Int) {
            if d == problem.days {
                if problem.violations(of: week).isEmpty { result.append(week) }
                return
            }
            for day in days {
                week.append(day)
                extend(d + 1)
                week.removeLast()
            }
        }
        extend(0)
        return result
    }

    /// The lexicographic optimum: best score, then among weeks within the tolerance of it the
    /// most plants, preferred days and distinct meals.
    static func optimum(_ problem: PlanningProblem) -> Optimum? {
        let all = weeks(problem)
        guard let best = all.map({ problem.score(of: $0) }).max() else { return nil }
        let D = Double(problem.days)
        var top: Optimum?
        for week in all where D * problem.score(of: week) >= D * (best - problem.scoreTolerance) - 1e-9 {
            let candidate = Optimum(score: best, plants: problem.plants(of: week), preferredDays: problem.preferredDays(of: week),
                                    distinctMeals: problem.distinctMeals(of: week))
            if let current = top {
                let a = (candidate.plants, candidate.preferredDays, candidate.distinctMeals)
                let b = (current.plants, current.preferredDays, current.distinctMeals)
                if a > b { top = candidate }
            } else {
                top = candidate
            }
        }
        return top
    }
}

@Suite("Planner objective")
struct PlannerObjectiveTests {
    @Test("tiny problems: the lexicographic optimum of brute force", arguments: 0..<30)
    func lexicographicOptimum(seed: Int) throws {
        let problem = TinyProblems.problem(seed: UInt64(seed))
        let exact = TinyProblems.optimum(problem)
        do {
            let solution = try Planner().solve(problem)
            let optimum = try #require(exact, "the planner found a plan the brute force did not")
            #expect(problem.violations(of: solution.days).isEmpty)
            #expect(solution.upperBound >= optimum.score - 1e-9)
            #expect(solution.score <= optimum.score + 1e-9)
            #expect(solution.score >= optimum.score - problem.scoreTolerance - 1e-9)
            #expect(solution.plants == optimum.plants)
            #expect(solution.preferredDays == optimum.preferredDays)
            #expect(solution.distinctMeals == optimum.distinctMeals)
            #expect(solution.plants <= solution.plantsBound)
        } catch let failure as PlanningFailure {
            #expect(!failure.isInternal, "\(failure.message)")
            #expect(exact == nil, "planner failed (\(failure.message)) but a plan exists")
        }
    }

    @Test("random problems with every constraint: feasible, bounded, never an internal error", arguments: 0..<30)
    func randomConstrained(seed: Int) throws {
        var problem = PlannerFixtures.problem(seed: UInt64(9000 + seed), perSlot: 6 + seed % 4, nutrients: 3 + seed % 4)
        var rng = SplitMix64(seed: UInt64(seed))
        let species = (0..<25).map { "plant\($0)" }
        for i in problem.items.indices {
            problem.items[i].plants = (0..<rng.int(4)).map { _ in species[rng.int(species.count)] }
            problem.items[i].preferredFor = rng.unit() < 0.3 ? ["n0"] : []
            if rng.unit() < 0.1 { problem.items[i].days = [1, 3, 5, 7] }
        }
        problem.nutrients[1].supplement = 30
        problem.ratioLimits = [.init(id: "n2-share", numerator: "n2", denominator: "energy", max: 0.12)]
        var amounts: [String: Double] = [:]
        for item in problem.items where rng.unit() < 0.2 { amounts[item.id] = 1 }
        problem.foodCaps = [.init(id: "egg", maxPerDay: 1, maxPerWeek: 4, amounts: amounts)]
        if let item = problem.items.first(where: { $0.slots.contains(.lunch) && $0.days == nil }) {
            problem.fixed = [.init(day: 3, slot: .lunch, item: item.id)]
        }
        do {
            let solution = try Planner().solve(problem, seed: UInt64(seed))
            #expect(problem.violations(of: solution.days).isEmpty)
            #expect(solution.score <= solution.upperBound + 1e-9)
            #expect(solution.plants == problem.plants(of: solution.days))
            #expect(solution.plants <= solution.plantsBound)
            #expect(solution.plantsBound <= problem.plantsCap)
        } catch {
            #expect(!error.isInternal, "\(error.message)")
            #expect(!error.message.isEmpty)
        }
    }

    @Test func supplementCountsTowardsScoreAndLimit() throws {
        let items: [PlanningProblem.Item] = [
            .init(id: "a", slots: [.breakfast], kcal: 500, maxPerWeek: 7, noConsecutiveDays: false, amounts: [5, 30], preference: 0),
            .init(id: "b", slots: [.breakfast], kcal: 500, maxPerWeek: 7, noConsecutiveDays: false, amounts: [10, 60], preference: 0),
        ]
        let nutrients: [PlanningProblem.NutrientTerm] = [
            .init(id: "d", unit: "ug", target: 10, weight: 1, upperLimit: nil, supplement: 5),
            .init(id: "iron", unit: "mg", target: nil, weight: 0, upperLimit: 100, supplement: 50),
        ]
        let problem = PlanningProblem(days: 2, slots: [.breakfast], energy: 0...1000, nutrients: nutrients, items: items)
        // b would reach the target but 60 + 50 passes the limit; a plus the supplement reaches it.
        let solution = try Planner().solve(problem)
        #expect(solution.days == [[0], [0]])
        #expect(solution.score == 1)
        var alone = problem
        alone.nutrients[1].supplement = 120
        #expect(throws: PlanningFailure("the supplement of iron alone (120 mg a day) is above its upper limit of 100 mg")) {
            try Planner().solve(alone)
        }
    }

    @Test func impossibleLockIsNamed() {
        var problem = PlannerFixtures.problem(seed: 11)
        let heavy = problem.items.firstIndex { $0.slots == [.breakfast] } ?? 0
        problem.items[heavy].kcal = 5000
        problem.fixed = [.init(day: 2, slot: .breakfast, item: problem.items[heavy].id)]
        do {
            _ = try Planner().solve(problem)
            Issue.record("a lock outside the energy band planned")
        } catch {
            #expect(error.kind == .noPlan)
            #expect(error.message.hasPrefix("with \(problem.items[heavy].id) at breakfast fixed on day 2, the day cannot keep to the energy band"),
                    "\(error.message)")
        }
        problem.items[heavy].kcal = 400
        problem.fixed.append(.init(day: 3, slot: .breakfast, item: problem.items[heavy].id))
        do {
            _ = try Planner().solve(problem)
            Issue.record("consecutive locks of a no-consecutive meal planned")
        } catch {
            #expect(error.message == "\(problem.items[heavy].id) is fixed on days 2 and 3; it may not be on consecutive days")
        }
    }

    @Test func internalFailuresAreDistinguishable() {
        let failure = PlanningFailure.internalError("x")
        #expect(failure.isInternal)
        #expect(failure.kind == .internalError)
        #expect(!PlanningFailure("no plan").isInternal)
    }
}
