import Foundation
import Testing
@testable import GutPlanKit

/// Recomputes every `foods.csv` row that has an NDB number from USDA SR (`ABBREV.txt`):
/// per serving = per 100 g × grams / 100, within 0.5 % (or 0.01 absolute for tiny values), and an
/// empty cell exactly where SR reports nothing. Runs where `../shared/data/usda-sr/` exists
/// beside the package; skipped elsewhere (the data is never committed).
enum USDA {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let abbrev = packageRoot.appendingPathComponent("../shared/data/usda-sr/ABBREV.txt").standardized.path
    static let packageFoods = packageRoot.appendingPathComponent("Rules/foods.csv").path
    static let foodDescriptions = packageRoot.appendingPathComponent("../shared/data/usda-sr/FOOD_DES.txt").standardized.path
    static var available: Bool { FileManager.default.fileExists(atPath: abbrev) }

    /// USDA food groups whose foods are plant foods (issue 9: vegetables, fruits, legumes, nuts and
    /// seeds, cereal grains and pasta, breakfast cereals, spices and herbs).
    static let plantGroups: Set<String> = ["1100", "0900", "1600", "1200", "2000", "0800", "0200"]

    /// Food group code of every SR food (FOOD_DES.txt field 2), by NDB number.
    static func foodGroups() -> [String: String] {
        guard let data = FileManager.default.contents(atPath: foodDescriptions) else { return [:] }
        var groups: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let fields = line.split(separator: "^", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "~\r")) }
            if fields.count > 1 { groups[fields[0]] = fields[1] }
        }
        return groups
    }

    /// foods.csv column → 1-based ABBREV field (see the SR README); glutamine is not in SR.
    static let fields: [String: Int] = [
        "energy_kcal": 4, "protein_g": 5, "fiber_g": 9, "vitamin_a_ug_rae": 34, "retinol_ug": 35, "vitamin_d_ug": 42,
        "vitamin_b12_ug": 32, "folate_ug_dfe": 30, "folic_acid_ug": 28, "vitamin_b6_mg": 26, "vitamin_c_mg": 21,
        "zinc_mg": 17, "magnesium_mg": 13, "iron_mg": 12, "calcium_mg": 11,
        "sodium_mg": 16, "fat_g": 6, "sat_fat_g": 45, "cholesterol_mg": 48,
    ]

    /// ABBREV rows by NDB number, fields with the `~` text marks removed.
    static func rows() -> [String: [String]] {
        guard let data = FileManager.default.contents(atPath: abbrev) else { return [:] }
        let text = String(decoding: data, as: UTF8.self)
        var rows: [String: [String]] = [:]
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let fields = line.split(separator: "^", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "~\r")) }
            if let ndb = fields.first { rows[ndb] = fields }
        }
        return rows
    }

    /// Every mismatch between a foods.csv file and SR, as readable lines (empty when all agree).
    static func mismatches(foodsAt path: String) -> (checked: Int, problems: [String]) {
        guard let data = FileManager.default.contents(atPath: path) else { return (0, ["cannot read \(path)"]) }
        let read = CSVTable.read(data, path: path, columns: .exactly(Food.csvColumns))
        guard let table = read.table else { return (0, read.diagnostics.map(\.description)) }
        var diagnostics: [Diagnostic] = []
        let foods = Food.load(table, into: &diagnostics)
        var problems = diagnostics.map(\.description)
        let sr = rows()
        var checked = 0
        for food in foods {
            guard let ndb = food.ndb else { continue }
            guard let row = sr[ndb] else {
                problems.append("\(food.id): NDB \(ndb) is not in ABBREV.txt")
                continue
            }
            checked += 1
            for (column, field) in fields.sorted(by: { $0.key < $1.key }) {
                let cell = field - 1 < row.count ? row[field - 1] : ""
                let value = food.values[column]
                if cell.isEmpty {
                    if let value { problems.append("\(food.id).\(column): \(value) but SR reports nothing (leave it empty)") }
                    continue
                }
                guard let per100 = Double(cell) else {
                    problems.append("\(food.id).\(column): SR field '\(cell)' is not a number")
                    continue
                }
                let expected = per100 * food.grams / 100
                guard let value else {
                    problems.append("\(food.id).\(column): empty but SR gives \(per100)/100 g = \(expected)")
                    continue
                }
                if abs(value - expected) > max(0.005 * abs(expected), 0.01) {
                    problems.append("\(food.id).\(column): \(value), SR gives \(per100)/100 g × \(food.grams) g = \(expected)")
                }
            }
        }
        return (checked, problems)
    }
}

@Suite struct USDAFoodsTests {
    @Test(.enabled(if: USDA.available, "USDA SR data (../shared/data/usda-sr) not present"))
    func fixtureFoodsMatchSR() {
        let result = USDA.mismatches(foodsAt: Fixture.mini + "/foods.csv")
        #expect(result.problems == [])
        #expect(result.checked == 4)
    }

    @Test(.enabled(if: USDA.available && FileManager.default.fileExists(atPath: USDA.packageFoods),
                   "USDA SR data or Rules/foods.csv not present"))
    func packageFoodsMatchSR() {
        let result = USDA.mismatches(foodsAt: USDA.packageFoods)
        #expect(result.problems == [])
        #expect(result.checked > 0)
    }

    @Test(.enabled(if: USDA.available, "USDA SR data (../shared/data/usda-sr) not present"))
    func aWrongNumberIsCaught() throws {
        let original = try String(contentsOfFile: Fixture.mini + "/foods.csv", encoding: .utf8)
        let edited = original.replacingOccurrences(of: ",66.81,", with: ",60.81,")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("usda-\(UUID().uuidString).csv").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(edited.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = USDA.mismatches(foodsAt: path)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.hasPrefix("oysters.zinc_mg: 60.81, SR gives 78.6/100 g") == true)
    }

    /// A food with an NDB number has a plant id exactly when its SR food group is a plant group.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: USDA.foodDescriptions), "USDA SR FOOD_DES.txt not present"))
    func plantIdsFollowSRFoodGroups() throws {
        let result = KnowledgeBase.loadResult(directory: USDA.packageRoot.appendingPathComponent("Rules").path)
        let kb = try #require(result.knowledge)
        let groups = USDA.foodGroups()
        var wrong: [String] = []
        var checked = 0
        for food in kb.foods {
            guard let ndb = food.ndb else { continue }
            guard let group = groups[ndb] else { wrong.append("\(food.id): NDB \(ndb) not in FOOD_DES.txt"); continue }
            checked += 1
            if USDA.plantGroups.contains(group) != (food.plant != nil) {
                wrong.append("\(food.id): group \(group), plant \(food.plant ?? "none")")
            }
        }
        #expect(wrong == [])
        #expect(checked > 100)
    }
}
