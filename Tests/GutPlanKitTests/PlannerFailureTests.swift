import Testing
@testable import GutPlanKit

@Suite("Planner failures")
struct PlannerFailureTests {
    func failure(_ problem: PlanningProblem) -> String? {
        do {
            _ = try Planner().solve(problem)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func missingFermentedAddition() {
        var problem = PlannerFixtures.problem(seed: 1)
        problem.items.removeAll { $0.slots.contains(.fermented) }
        #expect(failure(problem) == "no fermented addition is available (the rules add none that fit the diet)")
    }

    @Test func tooFewSnacks() {
        var problem = PlannerFixtures.problem(seed: 2)
        problem.items = problem.items.filter { !$0.slots.contains(.snack) } + problem.items.filter { $0.slots == [.snack] }.prefix(3)
        #expect(failure(problem) == "only 3 snack meals are left after the diet and exclusions; 4 are needed for 7 days with at most 2 each and never on consecutive days")
    }

    @Test func energyBandOutOfReach() {
        var problem = PlannerFixtures.problem(seed: 3)
        problem.energy = 9000...9500
        let message = failure(problem) ?? ""
        #expect(message.hasPrefix("no breakfast–lunch–dinner–snack–fermented–prebiotic combination fits the energy band 9000–9500 kcal (the most is "))
    }

    @Test func upperLimitAlwaysExceeded() {
        var problem = PlannerFixtures.problem(seed: 4)
        let retinol = problem.nutrients.count - 1
        for i in problem.items.indices where problem.items[i].slots.contains(.breakfast) { problem.items[i].amounts[retinol] = 150 }
        let message = failure(problem) ?? ""
        #expect(message.hasPrefix("every breakfast–lunch–dinner–snack–fermented–prebiotic combination exceeds the upper limit of retinol (100 ug)"))
    }

    @Test func violationsNameBrokenConstraints() {
        let problem = PlannerFixtures.problem(seed: 6)
        let breakfast = problem.items.firstIndex { $0.slots.contains(.breakfast) } ?? 0
        var day = problem.slots.map { slot in problem.items.firstIndex { $0.slots.contains(slot) } ?? 0 }
        day[0] = breakfast
        let plan = Array(repeating: day, count: 7)
        let found = problem.violations(of: plan)
        #expect(found.contains { $0.contains("is used 7 times; at most 2 are allowed") })
        #expect(found.contains { $0.contains("on days 1 and 2; it may not be on consecutive days") })
    }
}
