import Foundation
import Testing
@testable import GutPlanKit
@testable import GutPlanCLI

/// Rules are found in this order: `--rules`, `GUTPLAN_RULES`, `./Rules`, the package's `Rules/`.
@Suite struct RulesLocatorTests {
    @Test func explicitWinsOverEverything() {
        let choice = RulesLocator.locate(explicit: "/x/rules", environment: ["GUTPLAN_RULES": "/y"], currentDirectory: "/")
        #expect(choice == .init(path: "/x/rules", origin: .option))
    }

    @Test func environmentComesNext() {
        let choice = RulesLocator.locate(explicit: nil, environment: ["GUTPLAN_RULES": "/y"], currentDirectory: "/")
        #expect(choice == .init(path: "/y", origin: .environment))
    }

    @Test func thenTheCurrentDirectoryThenThePackage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gutplan-locator-\(getpid())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Rules"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let local = RulesLocator.locate(explicit: nil, environment: [:], currentDirectory: folder.path)
        #expect(local == .init(path: folder.appendingPathComponent("Rules").path, origin: .currentDirectory))
        let package = RulesLocator.locate(explicit: nil, environment: ["GUTPLAN_RULES": ""], currentDirectory: "/nonexistent")
        #expect(package.origin == .package)
        #expect(package.path.hasSuffix("/Rules"))
        #expect(FileManager.default.fileExists(atPath: package.path + "/nutrients.csv"))
    }

    @Test func missingExplicitDirectoryIsMissingInputNotAFallback() {
        #expect(throws: GutPlanError.self) { try GutPlan.load(rules: "/nonexistent/rules") }
        do {
            _ = try GutPlan.load(rules: "/nonexistent/rules")
        } catch {
            #expect(ExitCodes.code(for: .library(error)) == 66)
            #expect(!error.message.contains("--rules") && !error.message.contains("GUTPLAN_RULES"), "\(error.message)")
        }
    }
}
