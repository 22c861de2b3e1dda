import Foundation
import GutPlanKit

/// Finds the rule directory: `--rules DIR`, then `$GUTPLAN_RULES`, then `./Rules`, then the
/// `Rules/` of the package this binary was built from.
enum RulesLocator {
    /// Where the rules were found, and how.
struct Choice: Sendable, Equatable {
        public var path: String
        /// `--rules`, `GUTPLAN_RULES`, `./Rules` or `package`.
        public var origin: String
    }

    /// The directory to load. An explicit `--rules` or `GUTPLAN_RULES` is returned even when it does
    /// not exist, so that the loader reports it as missing (exit 66) instead of silently falling back.
static func locate(explicit: String?, environment: [String: String],
                              currentDirectory: String = FileManager.default.currentDirectoryPath) -> Choice {
        if let explicit, !explicit.isEmpty { return Choice(path: explicit, origin: "--rules") }
        if let fromEnvironment = environment["GUTPLAN_RULES"], !fromEnvironment.isEmpty {
            return Choice(path: fromEnvironment, origin: "GUTPLAN_RULES")
        }
        let local = (currentDirectory as NSString).appendingPathComponent("Rules")
        if isDirectory(local) { return Choice(path: local, origin: "./Rules") }
        return Choice(path: packageRules, origin: "package")
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
}
