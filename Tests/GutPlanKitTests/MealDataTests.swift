import Foundation
import Testing
@testable import GutPlanKit

/// Invariants of the shipped `Rules/` data that a dietitian checks meal by meal (bounds and their
/// reasons are in `docs/FOODS.md`; the low-FODMAP rule is in `docs/FODMAP.md`).
enum MealData {
    static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Rules").path

    /// Energy (kcal) and weight (g) a meal may have in each slot, inclusive.
    static let bounds: [Slot: (kcal: ClosedRange<Double>, grams: ClosedRange<Double>)] = [
        .breakfast: (250...800, 150...750),
        .lunch: (350...900, 250...900),
        .dinner: (350...900, 250...900),
        .snack: (100...350, 30...500),
    ]
    /// At most this many whole eggs in one meal (AHA 2019: at most 2 a day).
    static let maxEggs = 2.0
    /// Low-FODMAP meals each diet must have per slot (issue 10: 8, and 6 for vegan).
    static func minimumLowFODMAP(_ diet: Diet) -> Int { diet == .vegan ? 6 : 8 }

    static func knowledge() throws -> KnowledgeBase {
        let result = KnowledgeBase.loadResult(directory: rules)
        return try #require(result.knowledge, "\(result.diagnostics)")
    }

    /// A meal's amount of a foods.csv column (unknown cells count as 0).
    static func amount(_ column: String, of meal: Meal, in kb: KnowledgeBase) -> Double {
        meal.portions.reduce(0) { $0 + (kb.food(id: $1.food)?.values[column] ?? 0) * $1.servings }
    }

    static func fits(_ meal: Meal, _ diet: Diet, in kb: KnowledgeBase) -> Bool {
        meal.portions.allSatisfy { kb.food(id: $0.food).map { $0.tags.isDisjoint(with: diet.excludedTags) } ?? false }
    }

    static func isLowFODMAP(_ meal: Meal, in kb: KnowledgeBase) -> Bool {
        meal.portions.allSatisfy { kb.food(id: $0.food)?.isLowFODMAP(servings: $0.servings) ?? false }
    }
}

@Suite struct MealDataTests {
    @Test func everyMealIsUnderEveryUpperLimitOnItsOwn() throws {
        let kb = try MealData.knowledge()
        var over: [String] = []
        for nutrient in kb.nutrients {
            guard case .column(let column) = nutrient.measure, let limit = nutrient.upperLimits.values.min() else { continue }
            for meal in kb.meals where MealData.amount(column, of: meal, in: kb) > limit {
                over.append("\(meal.id): \(nutrient.id) \(MealData.amount(column, of: meal, in: kb)) > \(limit)")
            }
        }
        #expect(over == [])
        #expect(kb.nutrients.contains { !$0.upperLimits.isEmpty })
    }

    @Test func noMealHasMoreThanTwoEggs() throws {
        let kb = try MealData.knowledge()
        let eggs = kb.meals.map { meal in
            (meal.id, meal.portions.reduce(0.0) { $0 + (kb.food(id: $1.food)?.eggs ?? 0) * $1.servings })
        }
        #expect(eggs.filter { $0.1 > MealData.maxEggs }.map(\.0) == [])
        #expect(eggs.contains { $0.1 == MealData.maxEggs }, "some meal uses two eggs, so the egg column is read")
    }

    @Test func everyMealIsInsideItsSlotsEnergyAndWeightBounds() throws {
        let kb = try MealData.knowledge()
        var outside: [String] = []
        for meal in kb.meals {
            let kcal = MealData.amount("energy_kcal", of: meal, in: kb)
            let grams = meal.portions.reduce(0.0) { $0 + (kb.food(id: $1.food)?.grams ?? 0) * $1.servings }
            for slot in meal.slots {
                guard let bound = MealData.bounds[slot] else { outside.append("\(meal.id): slot \(slot)"); continue }
                if !bound.kcal.contains(kcal) { outside.append("\(meal.id) (\(slot.rawValue)): \(kcal) kcal") }
                if !bound.grams.contains(grams) { outside.append("\(meal.id) (\(slot.rawValue)): \(grams) g") }
            }
        }
        #expect(outside == [])
    }

    @Test func everyDietHasEnoughLowFODMAPMealsInEverySlot() throws {
        let kb = try MealData.knowledge()
        var short: [String] = []
        for diet in Diet.allCases {
            for slot in Slot.meals {
                let count = kb.meals.filter {
                    $0.slots.contains(slot) && MealData.fits($0, diet, in: kb) && MealData.isLowFODMAP($0, in: kb)
                }.count
                if count < MealData.minimumLowFODMAP(diet) { short.append("\(diet.rawValue) \(slot.rawValue): \(count)") }
            }
        }
        #expect(short == [])
    }

    @Test func lowFODMAPRuleHoldsOnlyAtOneServingForPlantFoods() throws {
        let kb = try MealData.knowledge()
        let oats = try #require(kb.food(id: "oats"))
        let salmon = try #require(kb.food(id: "salmon"))
        let garlic = try #require(kb.food(id: "garlic"))
        #expect(oats.fodmap == .low && oats.isLowFODMAP(servings: 1) && !oats.isLowFODMAP(servings: 1.5))
        #expect(salmon.isLowFODMAP(servings: 2))
        #expect(garlic.fodmap == .high && garlic.fodmapGroups == [.fructans] && !garlic.isLowFODMAP(servings: 0.25))
    }

    @Test func fishAndShellfishCarryTheirAdviceCategoryAndHemeShare() throws {
        let kb = try MealData.knowledge()
        let seafood = kb.foods.filter { !$0.tags.isDisjoint(with: ["fish", "shellfish"]) }
        #expect(!seafood.isEmpty)
        // Mussels are not on the FDA/EPA chart, so they alone have no category (docs/FOODS.md).
        #expect(seafood.filter { $0.fishCategory == nil }.map(\.id) == ["mussels"])
        #expect(seafood.allSatisfy { $0.hemeShare == 0.4 })
        #expect(kb.foods.filter { $0.tags.isDisjoint(with: Food.fodmapFreeTags.subtracting(["egg"])) }.allSatisfy { $0.hemeShare == 0 })
    }

    @Test func uvMushroomsOnlyInDishesNamedSo() throws {
        let kb = try MealData.knowledge()
        let mismatched = kb.meals.filter {
            $0.portions.contains { $0.food == "mushrooms-uv" } != $0.name.contains("UV-exposed")
        }
        #expect(mismatched.map(\.id) == [])
        #expect(kb.meals.contains { $0.portions.contains { $0.food == "mushrooms" } })
    }

    @Test func cookedEggDishesDoNotUseHardBoiledEggs() throws {
        let kb = try MealData.knowledge()
        let cooked = ["omelette", "frittata", "shakshuka", "scrambl", "fried rice", "egg-fried", "hash", "huevos"]
        let dishes = kb.meals.filter { meal in cooked.contains { meal.name.lowercased().contains($0) } }
        #expect(dishes.count >= 8)
        #expect(dishes.filter { $0.portions.contains { $0.food == "egg" } }.map(\.id) == [])
    }
}
