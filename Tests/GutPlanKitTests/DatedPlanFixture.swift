@testable import GutPlanKit

/// `PlanFixture`'s week with what the plate and practitioner work fills: ingredients, method and
/// minutes on the meals, a start date, aisles on the shopping list, labs, retests and a daily
/// saturated-fat limit.
enum DatedPlanFixture {
    static func plan(start: String? = "2026-12-07", mealName: String? = nil, notes: [String]? = nil) -> MealPlan {
        var plan = PlanFixture.plan(mealName: mealName, notes: notes)
        for dayIndex in plan.days.indices {
            for itemIndex in plan.days[dayIndex].items.indices where plan.days[dayIndex].items[itemIndex].kind == .meal {
                var item = plan.days[dayIndex].items[itemIndex]
                item.ingredients = [
                    .init(food: "oats", amount: 0.5, unit: "cup", grams: 40, text: "1/2 cup rolled oats (40 g)"),
                    .init(food: "blueberries", amount: 0.5, unit: "cup", grams: 74, text: "1/2 cup blueberries (74 g)"),
                ]
                item.method = ["Simmer the oats in 250 ml water, stirring; 5 minutes.", "Top with the blueberries; serve."]
                item.prepMinutes = 5
                item.cookMinutes = item.slot == .dinner ? 40 : 5
                plan.days[dayIndex].items[itemIndex] = item
            }
        }
        plan.limits.append(.init(id: "saturated-fat", name: "Saturated fat", unit: "% of energy", max: 10,
                                 days: [8.5, 9.1, 10, 7.2, 6.6, 9.9, 8], source: "DGA 2020-2025"))
        plan.profile.labs = [LabResult(test: "zinc", value: 55, unit: "ug/dL"),
                             LabResult(test: "vitamin-b12", value: 180, unit: "pg/mL")]
        plan.retests = [.init(nutrient: "zinc", test: "serum zinc", after: "after 8-12 weeks", date: nil,
                              source: "NIH ODS Zinc fact sheet")]
        for index in plan.shopping.indices {
            plan.shopping[index].aisle = index < 2 ? "produce" : index == 2 ? "dairy and eggs" : "grains and bakery"
            plan.shopping[index].item = plan.shopping[index].name.lowercased()
            plan.shopping[index].quantity = plan.shopping[index].grams
            plan.shopping[index].boughtGrams = plan.shopping[index].grams
            plan.shopping[index].usedOn = [1, 2, 3, 4, 5, 6, 7]
        }
        plan.weeks = [.init(week: 1, score: plan.score, upperBound: plan.upperBound, plants: plan.plants)]
        if let start, let date = CalendarDate(start) { plan = plan.dated(start: date) }
        return plan
    }
}
