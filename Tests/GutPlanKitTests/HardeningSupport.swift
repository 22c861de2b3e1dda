import Foundation
@testable import GutPlanKit

/// Shared by the hardening, mutation and plan-safety tests: the real rule directory, scratch
/// copies of it, a seeded random generator, and the switch for the long suites.
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

/// SplitMix64: small, fast, and the same sequence on every platform for a seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
