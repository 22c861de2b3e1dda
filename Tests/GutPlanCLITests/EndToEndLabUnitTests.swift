import Foundation
import Testing

/// Lab reports through the built binary, one run per unit: each value is chosen so that reading
/// it in the wrong unit would give a different flag, so a passing case proves the conversion.
@Suite struct EndToEndLabUnitTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var line: String
        var nutrient: String
        /// `nil`: the nutrient must not be flagged.
        var expected: String?
        var testDescription: String { "\(line) -> \(nutrient) \(expected ?? "not flagged")" }
    }

    static let cases: [Case] = [
        // Vitamin D: rules compare in nmol/L (< 30 confirmed, 30-50 suspected); 1 ng/mL = 2.496 nmol/L.
        Case(line: "25-hydroxyvitamin-d,18,ng/mL", nutrient: "vitamin-d", expected: "suspected"),   // 44.9 nmol/L
        Case(line: "25-hydroxyvitamin-d,45,ng/mL", nutrient: "vitamin-d", expected: nil),           // 112 nmol/L
        Case(line: "vitamin d,18,nmol/L", nutrient: "vitamin-d", expected: "confirmed"),            // 7.2 ng/mL
        Case(line: "25(OH)D,45,nmol/L", nutrient: "vitamin-d", expected: "suspected"),
        // B12: rules in pg/mL (< 200 confirmed, 200-300 suspected); 1 pmol/L = 1.355 pg/mL.
        Case(line: "vitamin-b12,180,pg/mL", nutrient: "vitamin-b12", expected: "confirmed"),
        Case(line: "b12,180,pmol/L", nutrient: "vitamin-b12", expected: "suspected"),               // 244 pg/mL
        // Ferritin: ug/L and ng/mL are the same (< 15 confirmed, 15-30 suspected).
        Case(line: "ferritin,22,ug/L", nutrient: "iron", expected: "suspected"),
        Case(line: "ferritin,12,ng/mL", nutrient: "iron", expected: "confirmed"),
        // Zinc (women): rules in ug/dL (< 59 confirmed, 59-70 suspected); 1 umol/L = 6.538 ug/dL.
        Case(line: "zinc,65,ug/dL", nutrient: "zinc", expected: "suspected"),
        Case(line: "zinc,10,umol/L", nutrient: "zinc", expected: "suspected"),                     // 65.4 ug/dL
        // Magnesium: rules in mmol/L (< 0.75 confirmed, 0.75-0.85 suspected); 1 mmol/L = 2.431 mg/dL = 2 mEq/L.
        Case(line: "magnesium,1.7,mg/dL", nutrient: "magnesium", expected: "confirmed"),            // 0.70 mmol/L
        Case(line: "magnesium,0.8,mmol/L", nutrient: "magnesium", expected: "suspected"),
        Case(line: "magnesium,1.6,mEq/L", nutrient: "magnesium", expected: "suspected"),            // 0.80 mmol/L
        // Folate: rules in nmol/L (< 6.8 confirmed, 6.8-10 suspected); 1 ng/mL = 2.266 nmol/L.
        Case(line: "folate,3.5,ng/mL", nutrient: "folate", expected: "suspected"),                  // 7.9 nmol/L
        Case(line: "folate,8,nmol/L", nutrient: "folate", expected: "suspected"),
        Case(line: "folate,2,ng/mL", nutrient: "folate", expected: "confirmed"),                    // 4.5 nmol/L
    ]

    @Test(arguments: cases)
    func unitConverts(_ testCase: Case) throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let labs = try E2E.labs([testCase.line], in: folder)
        let result = try CLIHarness.run(["plan", "--labs", labs, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let flags = try E2E.flags(result.stdout)
        #expect(flags[testCase.nutrient] == testCase.expected, "flags: \(flags)")
    }

    @Test func reportFromTheIssueFlagsThreeNutrients() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let labs = try E2E.labs(["25-hydroxyvitamin-d,18,ng/mL", "ferritin,22,ug/L", "vitamin-b12,180,pg/mL"], in: folder)
        let result = try CLIHarness.run(["plan", "--labs", labs, "--format", "json"])
        #expect(result.status == 0)
        #expect(try E2E.flags(result.stdout) == ["vitamin-d": "suspected", "iron": "suspected", "vitamin-b12": "confirmed"])
    }

    @Test func unitThatCannotApplyNamesTheLineAndExits65() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let labs = try E2E.labs(["zinc,65,ug/dL", "ferritin,22,nmol/L"], in: folder)
        let result = try CLIHarness.run(["plan", "--labs", labs])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(labs):3:"))
        #expect(result.stderr.contains("unit 'nmol/L' does not apply to ferritin (use ng/mL or ug/L)"))
        #expect(result.stderr.contains("ferritin,22,nmol/L"))
        #expect(result.stderr.hasSuffix("gutplan: error: found 1 problem\n"))
    }

    @Test func unknownTestAndBadValueAreBadData() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let labs = try E2E.labs(["feritin,22,ug/L", "zinc,sixty,ug/dL"], in: folder)
        let result = try CLIHarness.run(["explain", "--labs", labs])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(labs):2:1: error: unknown lab test 'feritin' (did you mean 'ferritin'?)"))
        #expect(result.stderr.contains("\(labs):3:6: error: value 'sixty' is not a number"))
    }

    @Test func missingLabFileExits66() throws {
        let result = try CLIHarness.run(["plan", "--labs", "/nonexistent/labs.csv"])
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("/nonexistent/labs.csv"))
    }

    @Test func exampleReportInDocsWorks() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/labs.csv")
        let result = try CLIHarness.run(["plan", "--labs", example.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!(try E2E.flags(result.stdout)).isEmpty)
    }
}
