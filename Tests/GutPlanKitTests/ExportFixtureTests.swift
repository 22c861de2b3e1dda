import Testing
@testable import GutPlanKit

/// Builds `MealPlan` values for renderer tests: 7 days × (4 meals, 2 additions, 1 step).
enum PlanFixture {
    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static let nutrients: [MealPlan.NutrientSummary] = [
        .init(id: "zinc", name: "Zinc", unit: "mg", csvName: "zinc_mg", target: 12, reference: 8,
              basis: "8 mg reference intake × 1.5 (confirmed-target-zinc) = 12 mg", weight: 2, status: .confirmed,
              supplement: 0, mean: 0.98, foodShare: 1),
        .init(id: "vitamin-b12", name: "Vitamin B12", unit: "ug", csvName: "vitamin_b12_ug", target: 2.4, reference: 2.4,
              basis: "2.4 ug reference intake = 2.4 ug", weight: 1, status: .suspected, supplement: 0.5, mean: 0.62,
              foodShare: 0.75),
    ]

    /// - Parameters:
    ///   - mealName: replaces the name of Monday's breakfast (for escaping tests).
    ///   - longNames: makes every meal name long enough to need wrapping.
    static func plan(mealName: String? = nil, longNames: Bool = false, notes: [String]? = nil) -> MealPlan {
        var days: [MealPlan.Day] = []
        for (index, dayName) in dayNames.enumerated() {
            var items: [MealPlan.Item] = []
            for (slotIndex, slot) in Slot.meals.enumerated() {
                let seed = Double(index * 7 + slotIndex)
                var name = "Meal \(slot.rawValue) \(index + 1)"
                if longNames { name = "Slow-roasted \(slot.rawValue) bowl with oats, blueberries, pumpkin seeds, kefir and a very long tail of ingredients number \(index + 1)" }
                if index == 0, slot == .breakfast, let mealName { name = mealName }
                items.append(.init(
                    slot: slot, kind: .meal, id: "meal-\(slot.rawValue)-\(index + 1)", name: name,
                    kcal: 400.123456 + seed * 3.3,
                    foods: [.init(food: "oats", servings: 1), .init(food: "blueberries", servings: 0.5)],
                    nutrients: ["zinc": 1.234567 + seed * 0.01, "vitamin-b12": 0.333333 + seed * 0.001],
                    counted: slotIndex == 1 ? ["zinc": 0.5] : [:],
                    factors: slotIndex == 1 ? [.init(nutrient: "zinc", factor: 0.405, reason: "a test factor")] : [],
                    covers: ["zinc"], why: slotIndex == 0 ? ["zinc-repair", "b12-vegan"] : [], detail: nil))
            }
            items.append(.init(slot: .fermented, kind: .fermented, id: "kefir", name: "Kefir", kcal: 104.7,
                               foods: [.init(food: "kefir", servings: 1)],
                               nutrients: ["zinc": 0.99995, "vitamin-b12": 0.7777777],
                               covers: ["vitamin-b12"], why: ["gut-lining"], detail: nil))
            items.append(.init(slot: .prebiotic, kind: .prebiotic, id: "garlic", name: "Garlic", kcal: 13.4,
                               foods: [.init(food: "garlic", servings: 1)],
                               nutrients: ["zinc": 0.0336, "vitamin-b12": 0],
                               covers: [], why: ["zinc-repair"], detail: nil))
            items.append(.init(slot: .stress, kind: .stress, id: "box-breathing", name: "Box breathing", kcal: nil,
                               foods: [], nutrients: [:], covers: [], why: ["stress-gut"],
                               detail: "Breathe in for four counts, hold four, out four, hold four; five minutes."))
            var totals: [String: Double] = [:]
            var counted: [String: Double] = ["vitamin-b12": 0.5]
            for item in items {
                totals["kcal", default: 0] += item.kcal ?? 0
                for (id, amount) in item.nutrients {
                    totals[id, default: 0] += amount
                    counted[id, default: 0] += item.counted[id] ?? amount
                }
            }
            let coverage = Dictionary(uniqueKeysWithValues: nutrients.map { ($0.id, min(1, (counted[$0.id] ?? 0) / $0.target)) })
            days.append(.init(number: index + 1, name: dayName, items: items, totals: totals, counted: counted, coverage: coverage))
        }
        var plan = MealPlan(
            profile: Profile(sex: .female, age: 35, diet: .omnivore, exclude: ["liver"], confirmed: ["zinc"], suspected: ["vitamin-b12"]),
            flags: ["zinc": .confirmed, "vitamin-b12": .suspected],
            score: 0.9471234, upperBound: 0.951, days: days, nutrients: nutrients,
            upperLimits: ["zinc": 40, "retinol": 3000],
            notes: notes ?? ["Zinc and iron compete for absorption: eat them at different meals where you can."],
            shopping: [
                .init(food: "blueberries", name: "Blueberries", servings: 14, grams: 1036),
                .init(food: "garlic", name: "Garlic", servings: 7, grams: 21),
                .init(food: "kefir", name: "Kefir, plain lowfat", servings: 7, grams: 1715),
                .init(food: "oats", name: "Oats, rolled, cooked with water", servings: 28, grams: 6552),
            ],
            supplements: ["vitamin-b12": 0.5],
            limits: [.init(id: "sodium", name: "Sodium", unit: "mg", max: 2300,
                           days: [1800, 1900.5, 2000, 2100, 2200, 2300, 1500], source: "NASEM 2019 CDRR")],
            plants: .init(count: 31, value: 30, bound: 30, cap: 30, foods: ["blueberry", "garlic", "oat"]))
        plan.supplementNames = ["vitamin-b12": ["Vitamin B12", "ug"]]
        return plan
    }
}

@Test func fixtureHasFortyNineItems() {
    let plan = PlanFixture.plan()
    #expect(plan.days.count == 7)
    #expect(plan.days.map(\.items.count).reduce(0, +) == 49)
}

/// The shopping list reads in alphabetical order as a person reads it, whatever the case: a
/// capitalised name ("Jerusalem artichokes") does not jump ahead of "asparagus".
@Test func shoppingListIsInReadingOrderWithinAnAisle() {
    var plan = PlanFixture.plan()
    var entries: [MealPlan.ShoppingEntry] = []
    for (food, item) in [("jerusalem-artichoke", "Jerusalem artichokes"), ("asparagus", "asparagus spears"),
                         ("banana", "bananas")] {
        var entry = MealPlan.ShoppingEntry(food: food, name: item, servings: 1, grams: 100)
        entry.aisle = "produce"
        entry.item = item
        entries.append(entry)
    }
    plan.shopping = entries
    #expect(plan.shoppingByAisle.first?.entries.map(\.food) == ["asparagus", "banana", "jerusalem-artichoke"])
}
