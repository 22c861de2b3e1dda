import Foundation
import Testing
@testable import GutPlanKit

/// Bad plate tables give located errors (never a crash), and a missing file is told apart.
@Suite struct PlateLoaderTests {
    static let meals = [Meal(id: "porridge", name: "Porridge", slots: [.breakfast], portions: [Meal.Portion(food: "oats", servings: 1)]),
                        Meal(id: "toast", name: "Toast", slots: [.snack], portions: [Meal.Portion(food: "oats", servings: 1)])]
    static let foods = [Food(id: "oats", name: "Oats", ndb: nil, source: "test", serving: "1 cup", grams: 234, tags: [], values: [:]),
                        Food(id: "egg", name: "Egg", ndb: nil, source: "test", serving: "1 large", grams: 50, tags: [], values: [:])]

    /// Writes `text` to a scratch file and returns its path (the caller removes the folder).
    static func file(_ text: String, _ name: String) throws -> (path: String, folder: URL) {
        let folder = try Hardening.scratch("plate")
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return (url.path, folder)
    }

    static func recipes(_ text: String) throws -> (recipes: [Recipe]?, diagnostics: [Diagnostic], path: String) {
        let (path, folder) = try file(text, "methods.csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Recipe.load(path: path, meals: meals)
        return (result.recipes, result.diagnostics, path)
    }

    @Test func goodMethodsLoad() throws {
        let result = try Self.recipes("meal,prep_minutes,cook_minutes,steps\nporridge,2,5,\"Simmer the oats in water.|Serve.\"\ntoast,1,3,Toast it.\n")
        let recipes = try #require(result.recipes)
        #expect(result.diagnostics.isEmpty)
        #expect(recipes == [Recipe(meal: "porridge", prepMinutes: 2, cookMinutes: 5, steps: ["Simmer the oats in water.", "Serve."]),
                            Recipe(meal: "toast", prepMinutes: 1, cookMinutes: 3, steps: ["Toast it."])])
        #expect(recipes[0].totalMinutes == 7)
    }

    @Test(arguments: [
        ("porridge,2,5,A.|B.|C.|D.|E.|F.", "1 to 5 steps", 2, 14),
        ("porridge,2,5,A.||C.", "step 2 is empty", 2, 14),
        ("porridge,2.5,5,A.", "prep_minutes must be a whole number", 2, 10),
        ("porridge,-1,5,A.", "must not be negative", 2, 10),
        ("porridge,2,2000,A.", "cook_minutes must be a whole number from 0 to 1440", 2, 12),
        ("porridge,2,x,A.", "'x' is not a number", 2, 12),
        ("pizza,2,5,A.", "unknown meal 'pizza'", 2, 1),
        ("porridge,2,5,\"A.\nB.\"", "must be one line", 2, 14),
        ("porridge,2,5,A.\tB.", "holds a tab", 2, 14),
    ])
    func badMethodRows(row: String, message: String, line: Int, column: Int) throws {
        let result = try Self.recipes("meal,prep_minutes,cook_minutes,steps\n\(row)\ntoast,1,3,Toast it.\n")
        #expect(result.recipes == nil)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location == SourceLocation(path: result.path, line: line, column: column))
    }

    @Test func duplicateAndMissingMethods() throws {
        let result = try Self.recipes("meal,prep_minutes,cook_minutes,steps\nporridge,2,5,A.\nporridge,2,5,B.\n")
        #expect(result.recipes == nil)
        #expect(result.diagnostics.contains { $0.message.contains("duplicate meal 'porridge'") && $0.location?.line == 3 })
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.message == "no method for toast" })
    }

    @Test func missingFileAndWrongHeader() throws {
        let missing = Recipe.load(path: "/nonexistent/gutplan/methods.csv", meals: Self.meals)
        #expect(missing.recipes == nil)
        #expect(missing.diagnostics.map(\.message) == ["file not found: /nonexistent/gutplan/methods.csv"])
        let wrong = try Self.recipes("meal,prep,cook_minutes,steps\nporridge,2,5,A.\n")
        #expect(wrong.recipes == nil)
        #expect(wrong.diagnostics.contains { $0.message.contains("unknown column 'prep'") })
    }

    static func shopping(_ rows: String) throws -> (items: [ShoppingInfo]?, diagnostics: [Diagnostic]) {
        let header = ShoppingInfo.csvColumns.joined(separator: ",")
        let (path, folder) = try file(header + "\n" + rows, "shopping.csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        return ShoppingInfo.load(path: path, foods: foods)
    }

    @Test func goodShoppingRowsLoad() throws {
        let result = try Self.shopping("oats,grains and bakery,\"rolled oats, dry\",g,g,1,5.44,USDA,weighed\negg,dairy and eggs,eggs,egg,eggs,50,1,as eaten,USDA\n")
        let items = try #require(result.items)
        #expect(result.diagnostics.isEmpty)
        #expect(items[0].aisle == .grainsAndBakery && items[0].isGrams && items[0].yield == 5.44)
        #expect(items[1].isCounted && items[1].buyUnitPlural == "eggs")
    }

    @Test(arguments: [
        ("oats,cereal,oats,g,g,1,5,s,w", "aisle 'cereal' is not one of produce, meat and fish"),
        ("oats,produce,oats,g,g,2,5,s,w", "grams_per_unit of 'g' must be 1"),
        ("oats,produce,oats,l,l,5,1,s,w", "grams per litre"),
        ("oats,produce,oats,g,grams,1,1,s,w", "the plural of 'g' is 'g'"),
        ("oats,produce,oats,g,g,1,0,s,w", "yield must be greater than 0"),
        ("oats,produce,oats,g,g,1,50,s,w", "yield '50' is outside"),
        ("oats,produce,oats,g,g,1,1,,w", "yield_source is empty"),
        ("bread,produce,bread,g,g,1,1,s,w", "unknown food 'bread'"),
    ])
    func badShoppingRows(row: String, message: String) throws {
        let result = try Self.shopping(row + "\negg,dairy and eggs,eggs,egg,eggs,50,1,s,w\n")
        #expect(result.items == nil)
        #expect(result.diagnostics.contains { $0.severity == .error && $0.message.contains(message) && $0.location?.line == 2 },
                "\(result.diagnostics.map(\.description))")
    }

    static func units(_ rows: String) throws -> (units: [HouseholdUnit]?, diagnostics: [Diagnostic]) {
        let header = HouseholdUnit.csvColumns.joined(separator: ",")
        let (path, folder) = try file(header + "\n" + rows, "units.csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        return HouseholdUnit.load(path: path, foods: foods)
    }

    @Test func goodUnitsLoadAndMissingFoodsWarn() throws {
        let result = try Self.units("egg,large egg,large eggs,,50,1,USDA\n")
        let units = try #require(result.units)
        #expect(units == [HouseholdUnit(food: "egg", unit: "large egg", unitPlural: "large eggs", label: "", gramsPerUnit: 50,
                                        roundTo: 1, source: "USDA")])
        #expect(result.diagnostics.map(\.message) == ["no household unit for oats"])
    }

    @Test(arguments: [
        ("oats,cup,cups,oatmeal,234,0.3,s", "round_to must be 0.25, 0.5 or 1"),
        ("oats,g,g,oatmeal,1,2.5,s", "round_to for grams must be a whole number"),
        ("oats,g,g,,1,5,s", "needs a label"),
        ("oats,g,g,oatmeal,234,5,s", "grams_per_unit of 'g' must be 1"),
        ("oats,cup,cups,oatmeal,0,1,s", "grams_per_unit must be greater than 0"),
        ("oats,cup,cups,oatmeal,1e999,1,s", "out of range"),
        ("oats,,cups,oatmeal,234,1,s", "unit is empty"),
    ])
    func badUnitRows(row: String, message: String) throws {
        let result = try Self.units(row + "\negg,large egg,large eggs,,50,1,s\n")
        #expect(result.units == nil)
        #expect(result.diagnostics.contains { $0.severity == .error && $0.message.contains(message) && $0.location?.line == 2 },
                "\(result.diagnostics.map(\.description))")
    }

    /// Hostile bytes: invalid UTF-8, a huge cell, an unterminated quote. Errors, never a crash.
    @Test func hostileFilesAreErrors() throws {
        let header = "meal,prep_minutes,cook_minutes,steps\n"
        let huge = String(repeating: "x", count: 200_000)
        for text in [header + "porridge,1,1,\"A.\n", header + "porridge,1,1,\(huge)\n", header + "porridge,1,\(huge),A.\n"] {
            let result = try Self.recipes(text)
            #expect(result.recipes == nil)
            #expect(result.diagnostics.allSatisfy { $0.message.unicodeScalars.count <= Diagnostic.messageLimit + 1 })
        }
        let folder = try Hardening.scratch("plate")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("methods.csv")
        try Data(header.utf8 + [0x70, 0xFF, 0x2C, 0x31, 0x2C, 0x31, 0x2C, 0x41, 0x0A]).write(to: url)
        let bad = Recipe.load(path: url.path, meals: Self.meals)
        #expect(bad.recipes == nil)
        #expect(bad.diagnostics.contains { $0.message.hasPrefix("invalid UTF-8") })
    }
}
