import Foundation
import Testing
@testable import GutPlanKit

/// The day solver's memory of recent queries (`DaySolver.Recent`): a repeated query gets the
/// answer a search gives and is charged the same work, so budgets and plans do not depend on it.
@Suite struct DaySolverTests {
    static func model() throws -> PlannerModel {
        let url = PlannerOptimumTests.directory.appendingPathComponent("vegetarian-constrained.json")
        return PlannerModel(try PlanningProblem(json: String(contentsOf: url, encoding: .utf8)))
    }

    static func query(_ model: PlannerModel, blocking first: Int) -> DayQuery {
        var blocked = model.cap.map { $0 <= 0 }
        for i in 0..<min(first, model.itemCount) { blocked[i] = true }
        return DayQuery(blocked: blocked, budget: 50_000)
    }

    static func same(_ a: DayResult, _ b: DayResult) -> Bool {
        a.items == b.items && a.value == b.value && a.key == b.key && a.upperBound == b.upperBound
            && a.complete == b.complete && a.improving == b.improving
    }

    @Test func aRepeatedQueryGetsTheSearchesAnswerAndItsWork() throws {
        let model = try Self.model()
        let q = Self.query(model, blocking: 3)
        let solver = DaySolver(model: model)
        let first = solver.solve(q)
        let work = solver.cumulativeWork
        #expect(first.items != nil && work > 0)
        // A different query (the first answer's first item blocked) gets its own search.
        var blockedFirst = q
        if let item = first.items?.first { blockedFirst.blocked[item] = true }
        let other = solver.solve(blockedFirst)
        #expect(other.items != first.items)
        let before = solver.cumulativeWork
        let afterOther = solver.solve(q)
        #expect(Self.same(first, afterOther))
        #expect(solver.cumulativeWork - before == work)
        // A fresh solver searches: same answer, same work.
        let fresh = DaySolver(model: model)
        #expect(Self.same(fresh.solve(q), first))
        #expect(fresh.cumulativeWork == work)
    }

    @Test func repeatsAreChargedWhatTheirSearchCost() throws {
        let model = try Self.model()
        let q = Self.query(model, blocking: 2)
        let solver = DaySolver(model: model)
        _ = solver.solve(q)
        let once = solver.cumulativeWork
        _ = solver.solve(q)
        _ = solver.solve(q)
        #expect(solver.cumulativeWork == 3 * once)
    }

    @Test func queriesThatReadHistoryAreAlwaysSearched() throws {
        let model = try Self.model()
        var q = Self.query(model, blocking: 1)
        q.warmFromSeen = true
        let solver = DaySolver(model: model)
        let first = solver.solve(q)
        let second = solver.solve(q)
        // The second starts from the first's day (seen), so it may search less, never more, and
        // its answer is at least as good.
        #expect(second.value >= first.value - 1e-12)
        #expect(solver.cumulativeWork > 0)
    }
}
