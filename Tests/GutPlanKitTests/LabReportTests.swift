import Foundation
import Testing
@testable import GutPlanKit

@Suite struct LabReportTests {
    func parse(_ text: String) throws -> (results: [LabResult], diagnostics: [String]) {
        let kb = try #require(Fixture.knowledge())
        let parsed = LabReport.parse(Data(text.utf8), path: "labs.csv", knowledge: kb)
        return (parsed.results, parsed.diagnostics.map(\.description))
    }

    @Test func resolvesNamesAndKeepsUnits() throws {
        let report = """
        Test,VALUE,unit,date
        vitamin d,18,ng/mL,2024-01-01
        Zn, 10.5 ,µmol/L,2024-01-01
        B12,300,pg/mL,
        serum_ferritin,30,µg/L,
        Magnesium,1.5,mEq/L,
        """
        let parsed = try parse(report)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.results.map(\.test) == ["25-hydroxyvitamin-d", "zinc", "vitamin-b12", "ferritin", "magnesium"])
        #expect(parsed.results.map(\.value) == [18, 10.5, 300, 30, 1.5])
        #expect(parsed.results[3].unit == "µg/L")
        #expect(parsed.results[2].location == SourceLocation(path: "labs.csv", line: 4, column: 1))
    }

    @Test func errorsNameTheLine() throws {
        let report = """
        test,value,unit
        ferritin,12,ng/mL
        ferritin, 45.0 ,mmol/L
        vitamn d,abc,nmol/L
        zinc,1e999,ug/dL
        b12,-3,pg/mL
        folate,4,furlongs
        FERRITIN,20,ng/mL
        """
        let parsed = try parse(report)
        #expect(parsed.diagnostics == [
            "labs.csv:3:17: error: unit 'mmol/L' does not apply to ferritin (use ng/mL or ug/L)",
            "labs.csv:4:1: error: unknown lab test 'vitamn d' (did you mean 'vitamin d'?)",
            "labs.csv:4:10: error: value 'abc' is not a number (write a number such as 18.5, or a censored value such as <5 or >150)",
            "labs.csv:5:6: error: value '1e999' is out of range",
            "labs.csv:6:5: error: value '-3' is negative",
            "labs.csv:7:10: error: unknown unit 'furlongs' (use ng/mL or ug/L)",
            "labs.csv:8:1: error: ferritin given twice (first at labs.csv:2:1); give a date (YYYY-MM-DD) on each of its lines for the latest to count",
        ])
        // Which ferritin counts would be a guess, so neither does.
        #expect(parsed.results.isEmpty)
    }

    @Test func headerAndCSVErrors() throws {
        #expect(try parse("test,amount\n").diagnostics == [
            "labs.csv:1:1: error: missing columns 'value', 'unit'",
        ])
        #expect(try parse("test,value,unit\nferritin,\"12,ng/mL\n").diagnostics == [
            "labs.csv:2:10: error: unterminated quoted field (the quote opens here)",
        ])
        #expect(try parse("test,value,unit\n").results.isEmpty)
    }
}
