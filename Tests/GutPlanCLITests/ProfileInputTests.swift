import Foundation
import Testing
@testable import GutPlanKit

/// `ProfileInput` takes a lab report as a file or as bytes in memory, with the same result.
@Suite struct ProfileInputTests {
    @Test func labReportFromDataOrFile() throws {
        let gutplan = try GutPlan.load(rules: HardeningCLITests.rules)
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let lines = ["ferritin,12,ng/mL", "25-hydroxyvitamin-d,15,ng/mL"]
        let path = try E2E.labs(lines, in: folder)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let fromFile = try gutplan.resolve(ProfileInput(labs: .file(path)))
        let fromData = try gutplan.resolve(ProfileInput(labs: .data(bytes, name: "upload.csv")))
        #expect(!fromFile.labs.isEmpty)
        #expect(fromFile.labs.map(\.value) == fromData.labs.map(\.value))
        #expect(!ProfileInput(labs: .data(Data(), name: "x")).isEmpty)
        // Messages name the data by the name given.
        #expect {
            _ = try gutplan.resolve(ProfileInput(labs: .data(Data("test,value,unit\nferritin,twelve,ng/mL\n".utf8), name: "upload.csv")))
        } throws: { error in
            guard case .badData(let diagnostics) = error as? GutPlanError else { return false }
            return diagnostics.contains { $0.location?.path == "upload.csv" && $0.location?.line == 2 }
        }
    }
}
