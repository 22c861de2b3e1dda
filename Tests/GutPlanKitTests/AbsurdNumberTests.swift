import Foundation
import Testing
@testable import GutPlanKit

/// Defect 11 (issue 8): a weight of 1.7e308 gave "Score nan" and exit 0, and 1e300 in foods.csv
/// passed `rules check` and then crashed `explain`. Absurd numbers are located errors.
@Suite struct AbsurdNumberTests {
    static func loc(_ line: Int, _ column: Int) -> GutPlanKit.SourceLocation { GutPlanKit.SourceLocation(path: "t.rules", line: line, column: column) }

    @Test func ruleNumbersAboveTheirMaximumAreValueErrors() {
        let huge = "17" + String(repeating: "0", count: 307)  // 1.7e308, finite
        let text = """
        set weight confirmed \(huge)
        rule a when always then target zinc weight 1000.5
        rule b when age > 151 then note "x"
        rule c when lab ferritin < 1000001 ug/L then note "y"
        rule d when age > 150 and lab ferritin < 1000000 ug/L then target zinc weight 1000
        """
        let file = RuleParser.parse(text, path: "t.rules")
        #expect(file.errors == [
            .numberTooLarge(huge, limit: RuleParser.maximumWeight, at: Self.loc(1, 22)),
            .numberTooLarge("1000.5", limit: RuleParser.maximumWeight, at: Self.loc(2, 44)),
            .numberTooLarge("151", limit: RuleParser.maximumAge, at: Self.loc(3, 19)),
            .numberTooLarge("1000001", limit: RuleParser.maximumLabValue, at: Self.loc(4, 28)),
        ])
        #expect(file.rules.map(\.name) == ["d"])
        #expect(file.settings.isEmpty)
        #expect(file.errors[1].message == "'1000.5' is too large: at most 1000")
    }

    @Test func checkerRejectsHugeTargetWeights() throws {
        var kb = try #require(Fixture.knowledge())
        kb.rules = [Rule(name: "a", summary: "", priority: 0, condition: .always,
                         actions: [.target(nutrient: Reference("zinc", at: Self.loc(1, 30)), weight: 1.7e308)],
                         location: Self.loc(1, 1))]
        #expect(RuleChecker.check(kb).map(\.description).contains("t.rules:1:30: error: target weight must be at most 1000"))
    }

    /// The shared CSV number reader bounds every table's numbers (foods, nutrients, labs).
    @Test func hugeNumbersInDataFilesAreLocatedErrors() {
        let foods = """
        \(Fixture.foodsHeader)
        kale,Kale,11233,USDA SR,1 cup,67,,1e300,,,,,,,,,,,,,,,,,,,,,,,,,,
        oysters,Oysters,15169,USDA SR,3 oz,1000001,shellfish,,,,,,,,,,,,,,,,,,,,,,,,,,,
        """
        Fixture.withMini(["foods.csv": foods, "meals.csv": "id,name,slots,foods\n", "gut.rules": ""]) { dir in
            let result = KnowledgeBase.loadResult(directory: dir)
            #expect(result.knowledge == nil)
            #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [
                "\(dir)/foods.csv:2:35: error: energy_kcal '1e300' is too large (at most 1000000)",
                "\(dir)/foods.csv:3:36: error: grams '1000001' is too large (at most 1000000)",
            ])
        }
        var diagnostics: [Diagnostic] = []
        let read = CSVTable.read(Data("x\n1000000\n2e6\n".utf8), path: "n.csv",
                                 columns: .named(required: ["x"], optional: [], ignoringCase: false, allowingOthers: false))
        let table = read.table
        #expect(table.map { t in t.rows.map { t.number("x", in: $0, into: &diagnostics) } } == [1_000_000, nil])
        #expect(diagnostics.map(\.description) == ["n.csv:3:1: error: x '2e6' is too large (at most 1000000)"])
    }
}
