import Foundation
import Testing
@testable import GutPlanKit

/// Optimum scores of real problems (`gutplan plan --emit-problem`, some with food caps, a ratio
/// limit, supplements, item days, a fixed item and plants added), each verified by an external
/// exact MILP solver (HiGHS through scipy.optimize.milp, rebuilding the MILP of docs/PROBLEM.md
/// from the file). The planner must find that optimum, prove it with its bound, and keep the
/// plan within the score tolerance of it.
@Suite struct PlannerOptimumTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("problems")

    struct Pin: CustomTestStringConvertible, Sendable {
        var file: String
        /// The MILP optimum of the score.
        var score: Double
        /// The MILP optimum of plants among weeks with score ≥ optimum − tolerance, where verified.
        var plants: Int?
        var testDescription: String { file }
    }

    static let pins: [Pin] = [
        // vegan; B12, iron, zinc, calcium, vitamin D confirmed; no soy or nuts
        Pin(file: "vegan-five-confirmed.json", score: 0.7540875952380957, plants: nil),
        // vegan male, 75; six confirmed; no gluten or soy
        Pin(file: "vegan-male-75.json", score: 0.8134671626984127, plants: nil),
        // the same with plants, preferred foods, counted amounts, an iron supplement, an iron
        // ratio limit, two food caps, item days and a fixed snack
        Pin(file: "vegan-male-75-constrained.json", score: 0.7989470912698412, plants: 30),
        // vegetarian; iron and calcium confirmed; no gluten or dairy
        Pin(file: "vegetarian-iron-calcium.json", score: 1, plants: nil),
        // the same with plants, supplements, caps, a ratio limit and a fixed fermented addition
        Pin(file: "vegetarian-constrained.json", score: 1, plants: 30),
    ]

    @Test(arguments: pins)
    func findsTheVerifiedOptimum(pin: Pin) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(pin.file), encoding: .utf8)
        let problem = try PlanningProblem(json: text)
        let solution = try Planner().solve(problem)
        #expect(problem.violations(of: solution.days).isEmpty)
        #expect(abs(solution.bestScore - pin.score) <= 1e-6, "best \(solution.bestScore), MILP \(pin.score)")
        #expect(abs(solution.upperBound - pin.score) <= 1e-6, "bound \(solution.upperBound), MILP \(pin.score)")
        #expect(solution.score >= pin.score - problem.scoreTolerance - 1e-9)
        #expect(solution.score <= solution.bestScore + 1e-12)
        if let plants = pin.plants {
            #expect(solution.plants == plants)
            #expect(solution.plantsBound >= plants)
        }
    }
}
