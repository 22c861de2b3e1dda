import Foundation
@testable import GutPlanKit

/// Shared by the hardening, mutation and plan-safety tests: the real rule directory, scratch
/// copies of it, and the switch (the seeded generator is the library's `SplitMix64`) for the long suites.
enum Hardening {
    /// `Rules/` of this package.
    static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Rules").path

    /// `GUTPLAN_LONG_TESTS=1` enables the long versions (thousands of mutants and profiles).
    static let long = ProcessInfo.processInfo.environment["GUTPLAN_LONG_TESTS"] == "1"

    /// A fresh temporary directory; the caller removes it.
    static func scratch(_ name: String = "hardening") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gutplan-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of the real rule directory in a new scratch folder.
    static func copyOfRules() throws -> URL {
        let folder = try scratch("rules")
        let target = folder.appendingPathComponent("Rules")
        try FileManager.default.copyItem(atPath: rules, toPath: target.path)
        return target
    }

    /// True when every located diagnostic points into `path` at a 1-based line and column.
    static func located(_ diagnostics: [Diagnostic], in path: String) -> Bool {
        diagnostics.allSatisfy { diagnostic in
            guard let location = diagnostic.location else { return true }
            return location.path == path && location.line >= 1 && location.column >= 1
        }
    }
}
