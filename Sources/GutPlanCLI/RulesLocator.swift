import Foundation
import GutPlanKit

/// Finds the rule directory: `--rules DIR`, then `$GUTPLAN_RULES`, then `./Rules`, then the
/// `Rules/` of the package this binary was built from.
enum RulesLocator {
    /// Where the rules were found, and how.
    struct Choice: Sendable, Equatable {
        var path: String
        var origin: Origin
    }

    enum Origin: String, Sendable, Equatable {
        case option = "--rules"
        case environment = "GUTPLAN_RULES"
        case currentDirectory = "./Rules"
        case package
    }

    /// The directory to load. An explicit `--rules` or `GUTPLAN_RULES` is returned even when it does
    /// not exist, so that it is reported (exit 66) instead of silently falling back.
    static func locate(explicit: String?, environment: [String: String],
                       currentDirectory: String = FileManager.default.currentDirectoryPath) -> Choice {
        if let explicit, !explicit.isEmpty { return Choice(path: explicit, origin: .option) }
        if let fromEnvironment = environment["GUTPLAN_RULES"], !fromEnvironment.isEmpty {
            return Choice(path: fromEnvironment, origin: .environment)
        }
        let local = (currentDirectory as NSString).appendingPathComponent("Rules")
        if isDirectory(local) { return Choice(path: local, origin: .currentDirectory) }
        return Choice(path: packageRules, origin: .package)
    }

    /// `Rules/` beside the package's `Sources/`, known at build time.
    static let packageRules: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // gutplan, Sources, package root
        return url.appendingPathComponent("Rules").path
    }()

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Refuses, before loading, a chosen directory that is missing, not a directory or not
    /// readable (exit 66), with a remedy that fits where the path came from: `GUTPLAN_RULES` that
    /// is wrong is to be corrected, not "set".
    static func check(_ choice: Choice) throws(CLIError) {
        let shown = choice.path.clipped(to: 200, keepEnd: true)
        let source: String
        let remedy: String
        switch choice.origin {
        case .option:
            source = "rule directory \(shown) (from --rules)"
            remedy = ""
        case .environment:
            source = "rule directory \(shown) (from the environment variable GUTPLAN_RULES)"
            remedy = "; correct GUTPLAN_RULES or remove it from the environment"
        case .currentDirectory, .package:
            source = "rule directory \(shown)"
            remedy = "; give --rules DIR or set GUTPLAN_RULES"
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: choice.path, isDirectory: &isFolder) else {
            throw .cannotRead("cannot read \(source): it does not exist\(remedy)")
        }
        guard isFolder.boolValue else { throw .cannotRead("cannot read \(source): it is not a directory\(remedy)") }
        guard FileManager.default.isReadableFile(atPath: choice.path),
              FileManager.default.isExecutableFile(atPath: choice.path) else {
            throw .cannotRead("cannot read \(source): permission denied")
        }
    }
}
