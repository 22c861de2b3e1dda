import Foundation
import Testing

/// Impossible profiles exit 1 with a message that names the constraint and the slot or day, in
/// the person's terms, and print no plan.
@Suite struct NoPlanTests {
    func noPlan(_ arguments: [String]) throws -> String {
        let result = try CLIHarness.run(["plan"] + arguments)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        return result.stderr
    }

    @Test func tooFewMealsForASlot() throws {
        let message = try noPlan(["--confirmed", "zinc", "--diet", "vegan", "--exclude", "nuts,soy,gluten,prebiotic"])
        #expect(message.hasPrefix("gutplan: error: vegan diet, excluding nuts, soy, gluten and prebiotic, 1600–2200 kcal a day: "))
        #expect(message.contains("breakfast meals are left after the diet and exclusions; 4 are needed for 7 days with at most 2 each and never on consecutive days"))
    }

    @Test func energyBandBelowEveryDay() throws {
        let message = try noPlan(["--confirmed", "zinc", "--kcal", "900-1000"])
        #expect(message.contains("omnivore diet, 900–1000 kcal a day: no breakfast–lunch–dinner–snack–fermented–prebiotic combination fits the energy band 900–1000 kcal (the least is "))
    }

    @Test func energyBandAboveEveryDay() throws {
        let message = try noPlan(["--confirmed", "zinc", "--kcal", "5000-6000"])
        #expect(message.contains("fits the energy band 5000–6000 kcal (the most is "))
    }

    @Test func noFermentedAddition() throws {
        let message = try noPlan(["--confirmed", "zinc", "--diet", "vegan", "--exclude", "fermented"])
        #expect(message.contains("no fermented addition is available"))
    }

    @Test func weeklyLimitsLeaveTooFewDaysInTheBand() throws {
        // Each day alone fits 1500–1600 kcal, but not seven days under the weekly limits.
        let message = try noPlan(["--confirmed", "vitamin-d", "--diet", "vegan", "--exclude", "soy,nuts", "--kcal", "1500-1600"])
        #expect(message.contains("no week fits: each day on its own can meet the energy band 1500–1600 kcal"))
    }
}
