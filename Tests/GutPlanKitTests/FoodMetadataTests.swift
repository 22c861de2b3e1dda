import Foundation
import Testing
@testable import GutPlanKit

/// The per-food facts of `foods.csv` (plant, eggs, fish category, heme share, calcium absorption,
/// FODMAP status and groups): parsed into `Food`, and every bad cell reported where it stands.
@Suite struct FoodMetadataTests {
    /// One foods.csv row: the base cells, empty nutrient cells, then the seven metadata cells.
    static func row(_ id: String, tags: String = "", _ meta: [String]) -> String {
        ([id, "Food \(id)", "", "Test label", "1 cup", "100", tags]
            + Array(repeating: "", count: Food.nutrientColumns.count) + meta).joined(separator: ",")
    }

    @Test func goodValuesAreLoaded() throws {
        let foods = [
            Fixture.foodsHeader,
            Self.row("trout", tags: "fish", ["", "", "best", "0.4", "", "low", ""]),
            Self.row("omelette-egg", tags: "egg", ["", "1", "", "", "", "low", ""]),
            Self.row("leafy", ["spinach", "", "", "", "0.18", "high", "fructans; mannitol"]),
            Self.row("mystery", ["", "", "", "", "", "", ""]),
        ].joined(separator: "\n")
        try Fixture.withMini(["foods.csv": foods, "meals.csv": "id,name,slots,foods\n", "gut.rules": nil]) { dir in
            let result = KnowledgeBase.loadResult(directory: dir)
            #expect(errors(result, in: dir) == [])
            let kb = try #require(result.knowledge)
            let trout = try #require(kb.food(id: "trout"))
            #expect(trout.fishCategory == .best && trout.hemeShare == 0.4 && trout.plant == nil && trout.eggs == 0)
            #expect(kb.food(id: "omelette-egg")?.eggs == 1)
            let leafy = try #require(kb.food(id: "leafy"))
            #expect(leafy.plant == "spinach" && leafy.calciumAbsorption == 0.18)
            #expect(leafy.fodmap == .high && leafy.fodmapGroups == [.fructans, .mannitol])
            let mystery = try #require(kb.food(id: "mystery"))
            #expect(mystery.fodmap == .unknown && mystery.fodmapGroups.isEmpty && mystery.calciumAbsorption == nil)
        }
    }

    @Test func badValuesAreLocated() {
        let foods = [
            Fixture.foodsHeader,
            Self.row("a", ["carrot root", "-1", "great", "2", "0", "lowish", "fructan"]),
            Self.row("b", ["", "", "best", "0.4", "", "high", ""]),
        ].joined(separator: "\n")
        Fixture.withMini(["foods.csv": foods, "meals.csv": "id,name,slots,foods\n", "gut.rules": nil]) { dir in
            let result = KnowledgeBase.loadResult(directory: dir)
            #expect(result.knowledge == nil)
            // Row 2's metadata starts at column 53 (7 base cells and 20 empty nutrient cells before it).
            #expect(errors(result, in: dir) == [
                "foods.csv:2:53: plant 'carrot root' is not a valid id (ASCII letters, digits, '-' and '_')",
                "foods.csv:2:65: eggs must not be negative, not '-1'",
                "foods.csv:2:68: fish_category 'great' is not best, good or avoid",
                "foods.csv:2:74: heme_share must be a fraction from 0 to 1, not '2'",
                "foods.csv:2:76: calcium_absorption must be greater than 0, not '0'",
                "foods.csv:2:78: fodmap 'lowish' is not low, moderate, high or unknown",
                "foods.csv:2:85: unknown FODMAP group 'fructan' (did you mean 'fructans'?) (use fructans, gos, lactose, fructose, sorbitol, mannitol)",
                "foods.csv:3:55: fish_category 'best' on a food not tagged fish or shellfish",
                "foods.csv:3:60: heme_share on a food not tagged meat, poultry, fish or shellfish (only their iron is heme)",
                "foods.csv:3:70: a high-FODMAP food must name its FODMAP groups",
            ])
        }
    }
}
