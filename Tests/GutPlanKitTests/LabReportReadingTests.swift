import Foundation
import Testing
@testable import GutPlanKit

/// Issue 10 §3: lab reports as labs print them: tests gutplan does not read are warnings, values
/// may be censored (`<5`, `>150`), and a dated report may repeat a test (the latest counts).
@Suite struct LabReportReadingTests {
    static func knowledge() throws -> KnowledgeBase {
        try #require(KnowledgeBase.load(directory: PackageRules.path).knowledge)
    }

    static func parse(_ text: String) throws -> (results: [LabResult], diagnostics: [String]) {
        let parsed = LabReport.parse(Data(text.utf8), path: "labs.csv", knowledge: try knowledge())
        return (parsed.results, parsed.diagnostics.map(\.description))
    }

    @Test func unknownTestsAreWarningsNamingTheLineAndTheRestIsUsed() throws {
        let report = "test,value,unit\nHbA1c,6.1,%\nferritin,12,ng/mL\nTSH,<0.01,mIU/L\nH. pylori antigen,negative,\n"
        let parsed = try Self.parse(report)
        let known = try Self.knowledge().labTests.map(\.id).joined(separator: ", ")
        #expect(parsed.diagnostics == [
            "labs.csv:2:1: warning: lab test 'HbA1c' is not one gutplan reads, so this line is not used (known tests: \(known))",
            "labs.csv:4:1: warning: lab test 'TSH' is not one gutplan reads, so this line is not used (known tests: \(known))",
            "labs.csv:5:1: warning: lab test 'H. pylori antigen' is not one gutplan reads, so this line is not used (known tests: \(known))",
        ])
        #expect(parsed.results.map(\.test) == ["ferritin"])
        // Through the API: the profile is made, the warnings come back.
        let gutplan = try GutPlan.load(rules: PackageRules.path)
        let folder = try Hardening.scratch("labs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("labs.csv").path
        try Data(report.utf8).write(to: URL(fileURLWithPath: path))
        var warnings: [Diagnostic] = []
        let profile = try gutplan.resolve(ProfileInput(labs: .file(path)), warnings: &warnings)
        #expect(profile.labs.map(\.test) == ["ferritin"])
        #expect(warnings.count == 3)
        #expect(try gutplan.assess(profile).flags["iron"]?.status == .confirmed)
    }

    @Test func manyUnknownTestsNeverMakeAnError() throws {
        let report = "test,value,unit\n" + String(repeating: "TSH,1.2,mIU/L\n", count: 300) + "ferritin,12,ng/mL\n"
        let parsed = LabReport.parse(Data(report.utf8), path: "labs.csv", knowledge: try Self.knowledge())
        #expect(parsed.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(parsed.diagnostics.count == CSVTable.diagnosticLimit + 1)
        #expect(parsed.diagnostics.last?.message == "\(300 - CSVTable.diagnosticLimit) more lines name tests gutplan does not read and are not used")
        #expect(parsed.results.map(\.test) == ["ferritin"])
    }

    @Test func misspeltAndMalformedLinesStayErrors() throws {
        #expect(try Self.parse("test,value,unit\nferitin,12,ng/mL\n").diagnostics
                == ["labs.csv:2:1: error: unknown lab test 'feritin' (did you mean 'ferritin'?)"])
        #expect(try Self.parse("test,value,unit\nHbA1c,6.1\n").diagnostics.first?.contains("error") == true)
        #expect(try Self.parse("test,value,unit\n,6.1,ng/mL\n").diagnostics == ["labs.csv:2:1: error: empty test name"])
    }

    @Test func censoredValuesAreRead() throws {
        let report = "test,value,unit\nferritin,<5,ng/mL\nb12,< 150,pg/mL\nfolate,≤3,ng/mL\nzinc,>150,ug/dL\n"
            + "magnesium,>= 2.5,mg/dL\nretinol,≥ 20,ug/dL\n25(OH)D,<=10,ng/mL\n"
        let parsed = try Self.parse(report)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.results.map(\.qualifier) == [.below, .below, .atMost, .above, .atLeast, .atLeast, .atMost])
        #expect(parsed.results.map(\.value) == [5, 150, 3, 150, 2.5, 20, 10])
        for bad in ["<", "<>5", "<<5", "5<", "~5"] {
            #expect(try Self.parse("test,value,unit\nferritin,\(bad),ng/mL\n").diagnostics.first?.hasPrefix("labs.csv:2:10: error: value") == true,
                    "\(bad)")
        }
    }

    @Test func censoredComparisons() {
        // `<x` meets `< y` when x <= y; `<= x` needs x < y; what cannot be told is nil.
        #expect(Comparison.less.holds(.below, 30, 30) == true)
        #expect(Comparison.less.holds(.below, 29, 30) == true)
        #expect(Comparison.less.holds(.below, 31, 30) == nil)
        #expect(Comparison.less.holds(.atMost, 30, 30) == nil)
        #expect(Comparison.less.holds(.atMost, 29.999, 30) == true)
        #expect(Comparison.greaterOrEqual.holds(.below, 30, 30) == false)
        #expect(Comparison.greaterOrEqual.holds(.atMost, 30, 30) == nil)
        #expect(Comparison.greater.holds(.above, 150, 125) == true)
        #expect(Comparison.greater.holds(.above, 125, 125) == true)
        #expect(Comparison.greater.holds(.atLeast, 125, 125) == nil)
        #expect(Comparison.less.holds(.above, 30, 30) == false)
        #expect(Comparison.less.holds(.atLeast, 30, 30) == false)
        #expect(Comparison.lessOrEqual.holds(.atLeast, 30, 30) == nil)
        #expect(Comparison.less.holds(.above, 20, 30) == nil)
        // In the rule's unit, within the unit tolerance: 0.2 ng/mL written `<0.2` against `< 200 pg/mL`.
        let b12 = LabTest(id: "b12", name: "B12", aliases: [], unit: "pg/mL", molarMass: 1355.37, valence: nil)
        let limit = b12.convert(0.2, from: "ng/mL", to: "pg/mL") ?? 0
        #expect(Comparison.less.holds(.below, limit, 200) == true)
    }

    @Test func censoredValuesInTheRulesAndTheExplanation() throws {
        let gutplan = try GutPlan.load(rules: PackageRules.path)
        func assess(_ labs: [LabResult]) throws -> Assessment { try gutplan.assess(Profile(labs: labs)) }
        // Below the deficiency cut-off whatever the true value: confirmed.
        #expect(try assess([LabResult(test: "ferritin", value: 10, unit: "ug/L", qualifier: .below)]).flags["iron"]?.status == .confirmed)
        // `<20`: below 30 for sure, but below 15 or not cannot be told: no flag, said plainly.
        let undecided = try assess([LabResult(test: "ferritin", value: 20, unit: "ug/L", qualifier: .below)])
        #expect(undecided.flags["iron"] == nil)
        #expect(undecided.notes.contains(
            "Rule lab-ferritin-deficient was not applied: your Serum ferritin of < 20 ug/L cannot tell whether it is < 15 ug/L. Ask the laboratory for the exact value."))
        #expect(undecided.notes.contains { $0.hasPrefix("Rule lab-ferritin-low was not applied: your Serum ferritin of < 20 ug/L cannot tell whether it is >= 15 ug/L") })
        // Above every threshold: decided, nothing flagged and nothing to say.
        let high = try assess([LabResult(test: "ferritin", value: 150, unit: "ug/L", qualifier: .above)])
        #expect(high.flags["iron"] == nil && high.notes.allSatisfy { !$0.hasPrefix("Rule ") })

        let profile = Profile(labs: [LabResult(test: "vitamin-b12", value: 150, unit: "pg/mL", qualifier: .below,
                                               location: GutPlanKit.SourceLocation(path: "labs.csv", line: 2, column: 1))])
        let outcome = try gutplan.plan(profile)
        let text = Explanation(knowledge: gutplan.knowledge, assessment: outcome.assessment, plan: outcome.plan).text(width: 1000)
        #expect(text.contains("lab: Serum vitamin B12 < 150 pg/mL, read as below 150 pg/mL (a censored value: the lab gives only a limit) (labs.csv:2:1)"))
        #expect(text.contains("because lab Serum vitamin B12 < 150 pg/mL (the rule asks < 200 pg/mL)"))
    }

    @Test func repeatedTestsCountTheLatestWhenDated() throws {
        let dated = "test,value,unit,date\nferritin,35,ug/L,2023-11-02\nb12,400,pg/mL,\nferritin,12,ug/L,2024-05-01\nferritin,20,ug/L,2024-01-15\n"
        let parsed = try Self.parse(dated)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.results.map(\.test) == ["ferritin", "vitamin-b12"])
        #expect(parsed.results[0].value == 12 && parsed.results[0].date == "2024-05-01")
        #expect(parsed.results[0].earlier.map(\.value) == [35, 20])

        #expect(try Self.parse("test,value,unit\nferritin,35,ug/L\nFerritin,12,ug/L\n").diagnostics == [
            "labs.csv:3:1: error: ferritin given twice (first at labs.csv:2:1); give a date (YYYY-MM-DD) on each of its lines for the latest to count",
        ])
        #expect(try Self.parse("test,value,unit,date\nferritin,35,ug/L,2024-01-01\nferritin,12,ug/L,\n").diagnostics.count == 1)
        #expect(try Self.parse("test,value,unit,date\nferritin,35,ug/L,2024-01-01\nferritin,12,ug/L,2024-01-01\n").diagnostics == [
            "labs.csv:3:1: error: ferritin given twice on 2024-01-01 (first at labs.csv:2:1)",
        ])
        for bad in ["2024-02-30", "2023-02-29", "24-01-01", "2024-1-1", "2024/01/01", "01.02.2024", "2024-13-01", "２０２４-01-01"] {
            #expect(try Self.parse("test,value,unit,date\nferritin,35,ug/L,\(bad)\n").diagnostics
                    == ["labs.csv:2:18: error: date '\(bad)' is not a calendar date written YYYY-MM-DD"], "\(bad)")
        }
        #expect(LabReport.isCalendarDate("2024-02-29") && LabReport.isCalendarDate("2000-02-29") && !LabReport.isCalendarDate("1900-02-29"))

        let gutplan = try GutPlan.load(rules: PackageRules.path)
        let results = parsed.results
        let outcome = try gutplan.plan(Profile(labs: results))
        #expect(outcome.assessment.flags["iron"]?.status == .confirmed)
        let text = Explanation(knowledge: gutplan.knowledge, assessment: outcome.assessment, plan: outcome.plan).text(width: 1000)
        #expect(text.contains("lab: Serum ferritin 12 ug/L on 2024-05-01 (labs.csv:4:1)"))
        #expect(text.contains("  earlier (not used): 35 ug/L on 2023-11-02 (labs.csv:2:1)"))
    }
}

/// Issue 10 §3: inflammation (CRP) raises the ferritin cut-off to 70 ug/L (WHO 2020), and
/// transferrin saturation is a further iron test (WHO 2001: below 16%).
@Suite struct InflammationAndIronTests {
    static func assess(_ labs: [LabResult]) throws -> Assessment {
        try GutPlan.load(rules: PackageRules.path).assess(Profile(labs: labs))
    }

    @Test func crpAboveFiveRaisesTheFerritinCutOff() throws {
        let ferritin = LabResult(test: "ferritin", value: 50, unit: "ug/L")
        #expect(try Self.assess([ferritin]).flags["iron"] == nil)
        for crp in [LabResult(test: "c-reactive-protein", value: 12, unit: "mg/L"),
                    LabResult(test: "c-reactive-protein", value: 1.2, unit: "mg/dL")] {
            let assessment = try Self.assess([ferritin, crp])
            #expect(assessment.flags["iron"]?.status == .confirmed)
            #expect(assessment.firings.map(\.rule).contains("lab-ferritin-with-inflammation"))
            #expect(assessment.notes.contains { $0.hasPrefix("Your CRP is above 5 mg/L") })
        }
        // CRP exactly 5 mg/L (0.5 mg/dL) is not above 5; ferritin 70 is not below 70.
        #expect(try Self.assess([ferritin, LabResult(test: "c-reactive-protein", value: 0.5, unit: "mg/dL")]).flags["iron"] == nil)
        #expect(try Self.assess([LabResult(test: "ferritin", value: 70, unit: "ng/mL"),
                                 LabResult(test: "c-reactive-protein", value: 30, unit: "mg/L")]).flags["iron"] == nil)
        // A lab report names CRP by its usual spellings.
        let kb = try #require(KnowledgeBase.load(directory: PackageRules.path).knowledge)
        for name in ["CRP", "hs-CRP", "C-reactive protein"] { #expect(kb.labTest(named: name)?.id == "c-reactive-protein", "\(name)") }
    }

    @Test func explainSaysWhyInflammationChangedTheCutOff() throws {
        let gutplan = try GutPlan.load(rules: PackageRules.path)
        let profile = Profile(labs: [LabResult(test: "ferritin", value: 50, unit: "ug/L"),
                                     LabResult(test: "c-reactive-protein", value: 1.2, unit: "mg/dL")])
        let outcome = try gutplan.plan(profile)
        let text = Explanation(knowledge: gutplan.knowledge, assessment: outcome.assessment, plan: outcome.plan).text(width: 1000)
        #expect(text.contains("rule lab-ferritin-with-inflammation: With inflammation (CRP above 5 mg/L) ferritin rises, so WHO 2020 counts ferritin below 70 ug/L as iron deficiency."))
        #expect(text.contains("lab Serum C-reactive protein (CRP) = 1.2 mg/dL (= 12 mg/L; the rule asks > 5 mg/L)"))
    }

    @Test func transferrinSaturationBelowSixteenPercent() throws {
        #expect(try Self.assess([LabResult(test: "transferrin-saturation", value: 12, unit: "%")]).flags["iron"]?.status == .suspected)
        #expect(try Self.assess([LabResult(test: "transferrin-saturation", value: 16, unit: "%")]).flags["iron"] == nil)
        let parsed = LabReport.parse(Data("test,value,unit\nTSAT,12,%\ntransferrin saturation,1,mg/L\n".utf8), path: "l.csv",
                                     knowledge: try #require(KnowledgeBase.load(directory: PackageRules.path).knowledge))
        #expect(parsed.results.map(\.value) == [12])
        #expect(parsed.diagnostics.map(\.description) == ["l.csv:3:26: error: unit 'mg/L' does not apply to transferrin-saturation (use %)"])
        #expect(LabUnit("%") == LabUnit(kind: .fraction, perLitre: 0.01))
    }
}
