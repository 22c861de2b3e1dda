import Foundation
@testable import GutPlanKit

/// Shared by the profile and batch tests: the real rules loaded once, scratch folders, and
/// profile reading with the errors as values.
enum ProfileSupport {
    static let gutplan: GutPlan? = try? GutPlan.load(rules: PackageRules.path)

    static func scratch(_ name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gutplan-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func mode(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// The example profile (its lab report `ana-labs.csv` next to it).
    static let ana = """
    # Ana, first visit
    name: Ana Ruiz
    sex: female
    age: 42
    activity: moderate
    diet: vegetarian
    exclude: gluten
    confirmed: iron, vitamin D
    suspected: b12
    symptoms: fatigue, bloating
    supplements: vitamin-d=25ug
    labs: ana-labs.csv
    start: 2026-12-07

    """

    static let anaLabs = "test,value,unit\nferritin,22,ug/L\n"
}
