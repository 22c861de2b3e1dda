import Foundation
import Testing
@testable import GutPlanKit

/// The rows of `Rules/foods.csv` without an NDB number in the local SR 26 copy (kefir, kimchi,
/// fortified almond milk) against their published per-100 g values on FoodData Central (SR Legacy;
/// for kefir and kimchi the same figures as SR28 `ABBREV.txt`, NDB 01289 and 11118): every value
/// the source lists is in the row, scaled to the row's grams, and a cell is empty only where the
/// source lists nothing. `USDAFoodsTests` checks the rows that are in SR 26 the same way.
@Suite struct PublishedFoodsTests {
    /// Per-100 g values as published, by foods.csv column; `nil` = the source lists no value.
    static let published: [String: (fdc: String, per100g: [String: Double?])] = [
        "kimchi": ("170392", [
            "energy_kcal": 15, "protein_g": 1.1, "fiber_g": 1.6, "vitamin_a_ug_rae": 5, "retinol_ug": 0, "vitamin_d_ug": 0,
            "vitamin_b12_ug": 0, "folate_ug_dfe": 52, "folic_acid_ug": 0, "vitamin_b6_mg": 0.213, "vitamin_c_mg": 0,
            "zinc_mg": 0.22, "magnesium_mg": 14, "iron_mg": 2.5, "calcium_mg": 33, "sodium_mg": 498, "fat_g": 0.5,
            "sat_fat_g": 0.067, "cholesterol_mg": 0,
        ]),
        "kefir": ("170904", kefir),
        "lactose-free-kefir": ("170904", kefir),
        "almond-milk-fortified": ("174832", [
            "energy_kcal": 15, "protein_g": 0.4, "fiber_g": 0.2, "vitamin_a_ug_rae": 0, "retinol_ug": 0, "vitamin_d_ug": 1,
            "vitamin_b12_ug": 0, "folate_ug_dfe": 1, "folic_acid_ug": nil, "vitamin_b6_mg": 0, "vitamin_c_mg": 0,
            "zinc_mg": 0.06, "magnesium_mg": 6, "iron_mg": 0.28, "calcium_mg": 184, "sodium_mg": 72, "fat_g": 0.96,
            "cholesterol_mg": 0,
            // Saturated fat is published per cup only (0.2 g), checked below.
        ]),
    ]

    static let kefir: [String: Double?] = [
        "energy_kcal": 41, "protein_g": 3.79, "fiber_g": 0, "vitamin_a_ug_rae": 171, "retinol_ug": 171, "vitamin_d_ug": 1,
        "vitamin_b12_ug": 0.29, "folate_ug_dfe": 13, "folic_acid_ug": 0, "vitamin_b6_mg": 0.058, "vitamin_c_mg": 0.2,
        "zinc_mg": 0.46, "magnesium_mg": 12, "iron_mg": 0.04, "calcium_mg": 130, "sodium_mg": 40, "fat_g": 0.93,
        "sat_fat_g": 0.658, "cholesterol_mg": 5,
    ]

    func foods() throws -> [Food] {
        let result = KnowledgeBase.loadResult(directory: PackageRules.path)
        return try #require(result.knowledge).foods
    }

    @Test func rowsHoldEveryPublishedValueScaledToTheirServing() throws {
        let foods = try foods()
        for (id, entry) in Self.published.sorted(by: { $0.key < $1.key }) {
            let food = try #require(foods.first { $0.id == id }, "\(id) missing")
            #expect(food.ndb == nil, "\(id) has an NDB number: USDAFoodsTests checks it against SR 26")
            #expect(food.source.contains("FDC ID \(entry.fdc)"), "\(id) does not cite FDC ID \(entry.fdc)")
            for (column, per100g) in entry.per100g.sorted(by: { $0.key < $1.key }) {
                let value = food.values[column]
                guard let per100g else {
                    #expect(value == nil, "\(id).\(column): the source lists no value, so the cell stays empty")
                    continue
                }
                let expected = per100g * food.grams / 100
                let cell = try #require(value, "\(id).\(column): empty, but the source gives \(per100g) per 100 g")
                #expect(abs(cell - expected) <= max(0.005 * abs(expected), 0.01),
                        "\(id).\(column): \(cell), the source gives \(per100g)/100 g × \(food.grams) g = \(expected)")
            }
        }
        let almond = try #require(foods.first { $0.id == "almond-milk-fortified" })
        #expect(almond.grams == 262 && almond.values["sat_fat_g"] == 0.2)
    }

    /// Every nutrient column that SR has is either checked above or left empty with its reason in the
    /// row's source text (the only one: almond milk's folic acid).
    @Test func everyNutrientColumnIsChecked() throws {
        let columns = Set(USDA.fields.keys)
        for (id, entry) in Self.published {
            var checked = Set(entry.per100g.keys)
            if id == "almond-milk-fortified" { checked.insert("sat_fat_g") }
            #expect(checked == columns, "\(id): \(columns.symmetricDifference(checked).sorted())")
        }
        let almond = try #require(try foods().first { $0.id == "almond-milk-fortified" })
        #expect(almond.source.contains("no folic-acid value was found"))
    }

    /// Every row without an NDB number is one of the rows checked here.
    @Test func noOtherRowLacksAnSRNumber() throws {
        let unnumbered = try foods().filter { $0.ndb == nil }.map(\.id).sorted()
        #expect(unnumbered == Self.published.keys.sorted())
    }
}
