import Testing
@testable import GutPlanKit

/// `Explanation` on the real knowledge base: the chain from a lab value to a flag, the value in
/// the rule's unit, facts shown once, entries, and width.
@Suite struct ExportExplanationTests {
    static func explanation(width: Int) throws -> String {
        let gutplan = try GutPlan.load(rules: PackageRules.path)
        var profile = Profile()
        profile.confirmed = ["zinc"]
        profile.labs = [LabResult(test: "vitamin-b12", value: 180, unit: "pmol/L")]
        let outcome = try gutplan.plan(profile)
        return Explanation(knowledge: gutplan.knowledge, assessment: outcome.assessment, plan: outcome.plan).text(width: width)
    }

    @Test func chainFromLabToFlagWithConvertedValue() throws {
        let text = try Self.explanation(width: 1000)
        #expect(text.contains("  confirmed: Zinc\n"))
        #expect(text.contains("  lab: Serum vitamin B12 180 pmol/L\n"))
        #expect(text.contains("  Zinc: confirmed, weight 2\n    entered by you as confirmed\n"))
        // 180 pmol/L × 1355.37 g/mol = 244 pg/mL: borderline, so suspected.
        #expect(text.contains("  Vitamin B12: suspected, weight 1\n    rule lab-b12-borderline: "))
        #expect(text.contains("because lab Serum vitamin B12 = 180 pmol/L (= 244 pg/mL; the rule asks >= 200 pg/mL and < 300 pg/mL)"))
        // The range matched the lab twice; it is shown once per place.
        #expect(!text.contains("pmol/L) and lab Serum vitamin B12"))
        #expect(text.contains("Rules that fired, in order\n  1. lab-b12-borderline\n"))
        #expect(text.contains("Monday\n    breakfast: "))
        #expect(text.contains("day total: Vitamin B12 "))
        #expect(text.hasSuffix(MealPlan.disclaimer + "\n"))
        #expect(!text.contains("  \n") && !text.contains(" \n"))
    }

    @Test(arguments: [40, 60, 80, 120])
    func fitsTheWidth(_ width: Int) throws {
        let text = try Self.explanation(width: width)
        for line in text.split(separator: "\n") {
            #expect(TextLayout.width(String(line)) <= width, "\(width): \(line)")
        }
    }

    @Test func numbersAreLocaleFree() {
        #expect(Explanation.number(18) == "18")
        #expect(Explanation.number(44.9152) == "44.92")
        #expect(Explanation.number(0.70123) == "0.7012")
        #expect(Explanation.number(243.97) == "244")
        #expect(Explanation.percent(0.994) == "99%")
        #expect(Explanation.percent(.nan) == "-")
    }
}
