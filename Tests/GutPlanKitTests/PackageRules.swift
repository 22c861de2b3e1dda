import Foundation

/// The package's own `Rules/` folder, found from this file's path at build time.
enum PackageRules {
    static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // file, GutPlanKitTests, Tests
        return url.appendingPathComponent("Rules").path
    }()
}
