import Foundation
@testable import GutPlanKit

/// The real `Rules/` tables of the plate (methods, shopping, household units), read by path
/// from the package root, with the foods and meals they refer to.
enum Plate {
    static let rules = Hardening.rules
    static func path(_ name: String) -> String { KnowledgeBase.join(rules, name) }

    struct Loaded {
        var knowledge: KnowledgeBase
        var recipes: [Recipe]
        var shopping: [ShoppingInfo]
        var units: [HouseholdUnit]
        var diagnostics: [Diagnostic]
    }

    /// Everything loaded once; `nil` when any of it failed (the tests then say why).
    static let loaded: Result<Loaded, PlateLoadError> = {
        guard let knowledge = KnowledgeBase.load(directory: rules).knowledge else {
            return .failure(PlateLoadError(messages: ["the rule directory did not load"]))
        }
        let recipes = Recipe.load(path: path("methods.csv"), meals: knowledge.meals)
        let shopping = ShoppingInfo.load(path: path("shopping.csv"), foods: knowledge.foods)
        let units = HouseholdUnit.load(path: path("units.csv"), foods: knowledge.foods)
        let diagnostics = recipes.diagnostics + shopping.diagnostics + units.diagnostics
        guard let r = recipes.recipes, let s = shopping.items, let u = units.units else {
            return .failure(PlateLoadError(messages: diagnostics.map(\.description)))
        }
        return .success(Loaded(knowledge: knowledge, recipes: r, shopping: s, units: u, diagnostics: diagnostics))
    }()

    struct PlateLoadError: Error, CustomStringConvertible {
        var messages: [String]
        var description: String { messages.joined(separator: "\n") }
    }

    static func unit(_ food: String) throws -> HouseholdUnit {
        let all = try loaded.get().units
        guard let unit = all.first(where: { $0.food == food }) else { throw PlateLoadError(messages: ["no unit for \(food)"]) }
        return unit
    }

    static func shopping(_ food: String) throws -> ShoppingInfo {
        let all = try loaded.get().shopping
        guard let info = all.first(where: { $0.food == food }) else { throw PlateLoadError(messages: ["no shopping row for \(food)"]) }
        return info
    }

    static func food(_ id: String) throws -> Food {
        guard let food = try loaded.get().knowledge.foods.first(where: { $0.id == id }) else {
            throw PlateLoadError(messages: ["no food \(id)"])
        }
        return food
    }

    /// The household text for `servings` of a food's `foods.csv` serving.
    static func text(_ food: String, servings: Double) throws -> String? {
        let grams = try Plate.food(food).grams * servings
        return HouseholdAmount(food: food, grams: grams, unit: try unit(food))?.text
    }
}
