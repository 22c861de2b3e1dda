import Foundation
import Testing
@testable import GutPlanKit

/// The fixture rule directories under `Tests/GutPlanKitTests/Fixtures/`.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let mini = root.appendingPathComponent("mini").path

    /// A copy of the mini directory with some files replaced (`nil` content deletes the file);
    /// removed again after `body`.
    static func withMini<T>(_ replacements: [String: String?], _ body: (String) throws -> T) rethrows -> T {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("gutplan-loader-\(UUID().uuidString)").path
        try? fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: dir) }
        for name in (try? fm.contentsOfDirectory(atPath: mini)) ?? [] {
            try? fm.copyItem(atPath: mini + "/" + name, toPath: dir + "/" + name)
        }
        for (name, content) in replacements {
            try? fm.removeItem(atPath: dir + "/" + name)
            if let content { _ = fm.createFile(atPath: dir + "/" + name, contents: Data(content.utf8)) }
        }
        return try body(dir)
    }

    /// The mini knowledge base (loaded once per call; cheap).
    static func knowledge() -> KnowledgeBase? { KnowledgeBase.load(directory: mini).knowledge }

    static let foodsHeader = Food.csvColumns.joined(separator: ",")
}

/// Errors of a load, as `file:line:column: message` with the directory stripped.
func errors(_ result: KnowledgeBase.LoadResult, in dir: String) -> [String] {
    result.diagnostics.filter { $0.severity == .error }.map {
        $0.description.replacingOccurrences(of: dir + "/", with: "").replacingOccurrences(of: "error: ", with: "")
    }
}

@Suite struct LoaderTests {
    @Test func loadsTheMiniDirectory() throws {
        let result = KnowledgeBase.loadResult(directory: Fixture.mini)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        #expect(result.failure == nil)
        let kb = try #require(result.knowledge)
        #expect(kb.nutrients.count == 19)
        #expect(kb.foods.map(\.id) == ["oysters", "kale", "yogurt", "garlic", "kefir"])
        let oysters = try #require(kb.food(id: "oysters"))
        #expect(oysters.ndb == "15169")
        #expect(oysters.grams == 85)
        #expect(oysters.tags == ["shellfish"])
        #expect(oysters.values["zinc_mg"] == 66.81)
        #expect(oysters.values["glutamine_g"] == nil)
        #expect(kb.food(id: "kefir")?.ndb == nil)
        #expect(kb.food(id: "yogurt")?.ndb == "01116")
        let zinc = try #require(kb.nutrient(id: "zinc"))
        #expect(zinc.target(sex: .male, band: .from31to50) == 11)
        #expect(zinc.upperLimit(band: .from71) == 40)
        #expect(zinc.measure == .column("zinc_mg"))
        #expect(kb.nutrient(id: "probiotics")?.measure == .taggedServings("fermented"))
        #expect(kb.nutrient(id: "retinol")?.targets.isEmpty == true)
        #expect(kb.meals.first?.portions == [Meal.Portion(food: "kale", servings: 1), Meal.Portion(food: "yogurt", servings: 0.5),
                                              Meal.Portion(food: "garlic", servings: 1)])
        #expect(kb.meals.first?.slots == [.lunch, .dinner])
        #expect(kb.steps.map(\.minutes) == [5, 20])
        #expect(kb.steps.first?.how == "Breathe in for 4, hold for 4, out for 4, hold for 4.")
        #expect(kb.labTests.first { $0.id == "magnesium" }?.valence == 2)
        #expect(kb.labTests.first { $0.id == "ferritin" }?.molarMass == nil)
        #expect(kb.weights == [.confirmed: 2, .suspected: 1])
    }

    @Test func missingDirectoryIsMissingNotInvalid() {
        let result = KnowledgeBase.loadResult(directory: "/nonexistent/gutplan-rules")
        #expect(result.knowledge == nil)
        #expect(result.failure == .missing(["/nonexistent/gutplan-rules"]))
        #expect(result.diagnostics.map(\.description) == ["error: rule directory not found: /nonexistent/gutplan-rules"])
        #expect(KnowledgeBase.load(directory: "/nonexistent/gutplan-rules").knowledge == nil)
        // A file is not a directory.
        #expect(KnowledgeBase.loadResult(directory: Fixture.mini + "/foods.csv").failure == .missing([Fixture.mini + "/foods.csv"]))
    }

    @Test func missingRequiredFile() {
        Fixture.withMini(["labs.csv": nil, "steps.csv": nil]) { dir in
            let result = KnowledgeBase.loadResult(directory: dir)
            #expect(result.failure == .missing([dir + "/steps.csv", dir + "/labs.csv"]))
            #expect(errors(result, in: dir) == ["required file not found: steps.csv", "required file not found: labs.csv"])
        }
    }

    @Test func foodErrorsAreLocated() {
        let foods = """
        \(Fixture.foodsHeader)
        kale,Kale,11233,USDA SR,1 cup,67,,32.83,,,,,,,,,,,,,,,,,,,,,,,,,,
        kale,Kale again,,X,1 cup,0,vegan;dairy,-1,abc,1e999,,,,,,,,,,,,,,,,,,,,,,,,
        oysters,Oysters,1516,USDA SR,3 oz,85,shelfish,,,,,,,,,,,,,,,,,,,,,,,,,,,
        """
        Fixture.withMini(["foods.csv": foods, "meals.csv": "id,name,slots,foods\n"]) { dir in
            let result = KnowledgeBase.loadResult(directory: dir)
            #expect(result.knowledge == nil)
            #expect(result.failure == .invalid)
            #expect(errors(result, in: dir) == [
                "foods.csv:3:1: duplicate id 'kale' (first defined at foods.csv:2:1)",
                "foods.csv:3:26: grams must be greater than 0, not '0'",
                "foods.csv:3:28: unknown tag 'vegan'",
                "foods.csv:3:40: energy_kcal must not be negative, not '-1'",
                "foods.csv:3:43: protein_g 'abc' is not a number",
                "foods.csv:3:47: fiber_g '1e999' is out of range",
                "foods.csv:4:17: ndb '1516' is not a 5-digit NDB number",
                "foods.csv:4:38: unknown tag 'shelfish' (did you mean 'shellfish'?)",
                // The rejected row is left out, so the rule that names it is reported too.
                "gut.rules:4:15: unknown food 'oysters'",
            ])
        }
    }

    @Test func foodsHeaderMustBeExact() {
        let header = Fixture.foodsHeader.replacingOccurrences(of: "zinc_mg", with: "zinc")
        Fixture.withMini(["foods.csv": header + "\n"]) { dir in
            let result = KnowledgeBase.loadResult(directory: dir)
            #expect(errors(result, in: dir) == [
                "foods.csv:1:180: unknown column 'zinc'",
                "foods.csv:1:1: missing column 'zinc_mg'",
            ])
            #expect(header.distance(of: ",zinc,") + 2 == 180)
        }
    }

    @Test func mealErrors() {
        let meals = """
        id,name,slots,foods
        m1,One,brunch;lunch,oyster:1;kale:0
        m2,Two,dinner,kale
        m1,Again,dinner,kale:1
        kale,Kale salad,lunch,kale:2
        """
        Fixture.withMini(["meals.csv": meals]) { dir in
            let result = KnowledgeBase.loadResult(directory: dir)
            #expect(errors(result, in: dir) == [
                "meals.csv:2:8: unknown slot 'brunch' (use breakfast, lunch, dinner or snack)",
                "meals.csv:2:21: unknown food 'oyster' (did you mean 'oysters'?)",
                "meals.csv:2:21: servings of 'kale' must be a number greater than 0, not '0'",
                "meals.csv:3:15: 'kale' is not food-id:servings",
                "meals.csv:4:1: duplicate id 'm1' (first defined at meals.csv:2:1)",
                "meals.csv:5:1: meal id 'kale' is also a food id; give the meal its own id",
            ])
        }
    }

    @Test func nutrientErrors() throws {
        let original = try String(contentsOfFile: Fixture.mini + "/nutrients.csv", encoding: .utf8)
        var lines = original.split(separator: "\n").map(String.init)
        lines.removeLast()  // energy
        lines[9] = lines[9].replacingOccurrences(of: "zinc_mg", with: "zinc_ug")  // zinc
        lines[10] = lines[10].replacingOccurrences(of: ",mg,", with: ",g,")  // magnesium's unit
        lines.append("vitamin-k,Vitamin K,ug,tag:leafy,,,,,,,,,,,,,,maybe,x")
        Fixture.withMini(["nutrients.csv": lines.joined(separator: "\n") + "\n"]) { dir in
            let result = KnowledgeBase.loadResult(directory: dir)
            #expect(errors(result, in: dir) == [
                "nutrients.csv:10:14: measure 'zinc_ug' is not a foods.csv column or tag:TAG (did you mean 'zinc_mg'?)",
                "nutrients.csv:11:21: unit of magnesium must be 'mg', not 'g'",
                "nutrients.csv:20:1: unknown nutrient id 'vitamin-k' (did you mean 'vitamin-a'?)",
                "nutrients.csv:20:24: measure names unknown tag 'leafy'",
                "nutrients.csv:20:47: reference_intake must be 'yes' or 'no', not 'maybe'",
                "nutrients.csv:1:1: missing nutrient 'energy'",
                "gut.rules:3:16: unknown nutrient 'zinc'",
            ])
        }
    }

    @Test func labAndSymptomErrors() {
        let labs = """
        id,name,aliases,unit,molar_mass,valence,source
        ferritin,Ferritin,,nmol/L,,,x
        zinc,Zinc,,ug/dL,-65.38,two,x
        b12,B12,zinc,pg/mL,1355.37,,x
        """
        let symptoms = "id,name,aliases\nfatigue,Fatigue,tired\nsleepy,Sleepy,Tired\n"
        Fixture.withMini(["labs.csv": labs, "symptoms.csv": symptoms]) { dir in
            let result = KnowledgeBase.loadResult(directory: dir)
            #expect(errors(result, in: dir) == [
                "symptoms.csv:3:15: 'Tired' already names 'fatigue' (at symptoms.csv:2:17)",
                "labs.csv:2:20: unit 'nmol/L' needs a molar mass or valence this test lacks",
                "labs.csv:3:18: molar_mass must not be negative, not '-65.38'",
                "labs.csv:3:25: valence must be a whole number from 1 to 8, not 'two'",
            ])
        }
    }

    @Test func csvErrorsOfSeveralFilesAreAllCollected() {
        Fixture.withMini(["steps.csv": "id,name,minutes,how\nwalk,Walk,\"20\n", "symptoms.csv": "id,name\n"]) { dir in
            let result = KnowledgeBase.loadResult(directory: dir)
            #expect(result.failure == .invalid)
            #expect(errors(result, in: dir) == [
                "steps.csv:2:11: unterminated quoted field (the quote opens here)",
                "symptoms.csv:1:1: missing column 'aliases'",
            ])
        }
    }

    @Test func ruleFilesInByteOrder() {
        // With the stub parser no rules come back, but the files must be read without error.
        Fixture.withMini(["b.rules": "", "B.rules": "", "a.rules": "\u{FEFF}"]) { dir in
            let result = KnowledgeBase.loadResult(directory: dir)
            #expect(result.knowledge != nil)
        }
        var bytes = Array("rule x\n".utf8)
        bytes.append(0xFE)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gutplan-loader-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try? FileManager.default.copyItem(atPath: Fixture.mini, toPath: dir)
        _ = FileManager.default.createFile(atPath: dir + "/bad.rules", contents: Data(bytes))
        let result = KnowledgeBase.loadResult(directory: dir)
        #expect(errors(result, in: dir) == ["bad.rules:2:1: invalid UTF-8 (byte 8 of the file)"])
    }
}

extension String {
    /// Offset in characters of the first occurrence of `needle` (test helper).
    func distance(of needle: String) -> Int {
        guard let range = range(of: needle) else { return -1 }
        return self.distance(from: startIndex, to: range.lowerBound)
    }
}
