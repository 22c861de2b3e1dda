import Foundation
import Testing

/// Issue 10: a lab report from standard input (`--labs -`), and tests gutplan does not read are
/// warnings on standard error while the rest of the report is used.
@Suite struct LabInputTests {
    @Test func labsFromStandardInputWithAWarning() throws {
        let report = "test,value,unit\nferritin,10,ug/L\nhba1c,5.4,%\n"
        let result = try CLIHarness.run(["plan", "--labs", "-", "--format", "json"], stdin: report)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("<stdin>:3:1: warning: lab test 'hba1c' is not one gutplan reads"))
        let document = try E2E.json(result.stdout)
        let flags = try #require(document["flags"] as? [String: String])
        #expect(flags["iron"] != nil)
    }

    @Test func labsFromStandardInputExcludeInteractive() throws {
        let result = try CLIHarness.run(["plan", "--labs", "-", "--interactive"], stdin: "test,value,unit\n")
        #expect(result.status == 64)
        #expect(result.stderr.contains("--labs - reads standard input"))
    }
}
