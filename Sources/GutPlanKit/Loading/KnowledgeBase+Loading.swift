import Foundation

/// Loading a rule directory. Never throws: every problem of every file is collected as a
/// `Diagnostic`; any error makes the knowledge base `nil`, warnings do not.
///
/// "Missing" versus "bad": `loadResult(directory:)` also says *why* loading failed.
/// `.missing(paths)` means the directory or a required data file does not exist (the CLI exits
/// 66); `.invalid` means something exists but is wrong (exit 65). `load(directory:)` is the
/// short form that drops that distinction.
extension KnowledgeBase {
    /// Why a load produced no knowledge base.
    enum LoadFailure: Sendable, Equatable {
        /// The directory, or required files in it, do not exist (paths as given).
        case missing([String])
        /// The files exist but hold errors (see the diagnostics).
        case invalid
    }

    /// Everything a load produced.
    struct LoadResult: Sendable {
        var knowledge: KnowledgeBase?
        var diagnostics: [Diagnostic]
        /// `nil` exactly when `knowledge` is not `nil`.
        var failure: LoadFailure?
    }

    /// The data files every rule directory holds.
    static let requiredFiles = ["nutrients.csv", "foods.csv", "meals.csv", "steps.csv", "symptoms.csv", "labs.csv"]
    /// Data files a rule directory may hold; without one, its feature is off (`rules check` warns).
    static let optionalFiles = ["energy.csv", "supplements.csv", "limits.csv", "caps.csv", "absorption.csv",
                                       "methods.csv", "shopping.csv", "units.csv",
                                               "retests.csv", "ramp.csv", "portions.csv"]

    /// Loads a rule directory; see `loadResult(directory:)`.
    static func load(directory: String) -> (knowledge: KnowledgeBase?, diagnostics: [Diagnostic]) {
        let result = loadResult(directory: directory)
        return (result.knowledge, result.diagnostics)
    }

    /// Loads the CSV files and every `*.rules` file (in byte order of file name), one file at a
    /// time, then checks every cross-reference (`RuleChecker`: its errors and its warnings, with
    /// source lines; `warnings: false` skips the checks that can only warn).
    static func loadResult(directory: String, warnings: Bool = true) -> LoadResult {
        var loader = KnowledgeLoader(directory: directory, warnings: warnings)
        return loader.run()
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
