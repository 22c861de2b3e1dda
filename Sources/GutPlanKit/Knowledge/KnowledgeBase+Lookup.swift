import Foundation

/// Finding things by the names people and rule files use.
extension KnowledgeBase {
    /// Lowercased, trimmed, with spaces and underscores read as `-` (`Vitamin_B12` = `vitamin b12` = `vitamin-b12`).
    static func normalizedName(_ name: String) -> String {
        let trimmed = name.trimmedBlanks
        // ASCII (every shipped id and alias): the same result byte by byte, without the Unicode
        // case mapping of each character, which made name lookups a visible cost of a plan.
        if trimmed.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: trimmed.utf8.map { byte -> UInt8 in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
                case UInt8(ascii: " "), UInt8(ascii: "_"): UInt8(ascii: "-")
                default: byte
                }
            }, as: UTF8.self)
        }
        return String(trimmed.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
    }

    /// Nutrient ids a typed name means (an id or alias, case-, space- and underscore-insensitive),
    /// in `nutrients.csv` order; a group alias (`b-complex`) gives several, an unknown name none.
    func nutrients(named name: String) -> [String] { NutrientNameIndex(self).nutrients(named: name) }

    func nutrient(id: String) -> Nutrient? { nutrients.first { $0.id == id } }
    func food(id: String) -> Food? { foods.first { $0.id == id } }
    func meal(id: String) -> Meal? { meals.first { $0.id == id } }
    func step(id: String) -> StressStep? { steps.first { $0.id == id } }

    /// The symptom a typed name (id or alias) means.
    func symptom(named name: String) -> Symptom? {
        let key = Self.normalizedName(name)
        return symptoms.first { s in Self.normalizedName(s.id) == key || s.aliases.contains { Self.normalizedName($0) == key } }
    }

    /// The lab test a name on a report means (`vitamin d`, `25(OH)D`, `b12`).
    func labTest(named name: String) -> LabTest? {
        let key = Self.normalizedName(name)
        return labTests.first { t in Self.normalizedName(t.id) == key || t.aliases.contains { Self.normalizedName($0) == key } }
    }

    /// The nearest nutrient id or alias to a misspelt name, for "did you mean".
    func suggestion(forNutrient name: String) -> String? {
        Suggestion.closest(to: name, among: nutrients.flatMap { [$0.id] + $0.aliases })
    }

    func suggestion(forSymptom name: String) -> String? {
        Suggestion.closest(to: name, among: symptoms.flatMap { [$0.id] + $0.aliases })
    }

    func suggestion(forLabTest name: String) -> String? {
        Suggestion.closest(to: name, among: labTests.flatMap { [$0.id] + $0.aliases })
    }

    func suggestion(forFood name: String) -> String? {
        Suggestion.closest(to: name, among: foods.map(\.id))
    }

    /// A nutrient's amount in one serving of a food: the column's value (`nil` when not reported),
    /// or for a tag measure 1 when the food carries the tag, else 0.
    func amount(of nutrient: Nutrient, in food: Food) -> Double? { nutrient.measure.amount(in: food) }

    /// A nutrient's amount in some portions: Σ servings × per-serving amount. Unknown amounts
    /// count as 0 as long as one food's amount is known; `nil` when none is known (or a food is
    /// missing from the knowledge base).
    func amount(of nutrient: Nutrient, in portions: [Meal.Portion]) -> Double? {
        var total = 0.0
        var known = false
        for portion in portions {
            guard let food = food(id: portion.food) else { return nil }
            if let a = amount(of: nutrient, in: food) {
                total += a * portion.servings
                known = true
            }
        }
        return known ? total : nil
    }

    /// A nutrient's amount in a meal (see `amount(of:in:)` for portions).
    func amount(of nutrient: Nutrient, in meal: Meal) -> Double? { amount(of: nutrient, in: meal.portions) }

    /// A meal's energy in kcal (the `energy` nutrient, unknowns as in `amount(of:in:)`).
    func energy(of meal: Meal) -> Double? {
        nutrient(id: "energy").flatMap { amount(of: $0, in: meal) }
    }

    /// Every tag of a meal's foods (a meal is `dairy` when one of its foods is).
    func tags(of meal: Meal) -> Set<String> {
        meal.portions.reduce(into: Set<String>()) { tags, portion in tags.formUnion(food(id: portion.food)?.tags ?? []) }
    }
}
