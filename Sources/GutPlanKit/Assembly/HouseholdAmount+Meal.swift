/// A meal's ingredient list.
extension HouseholdAmount {
    /// The meal's portions in a cook's measures, in the meal's order, for `people` at the table
    /// (the grams are the planned grams × `people`). Portions whose food has no `foods.csv` or
    /// `units.csv` row, or whose grams are not a finite number above 0, are returned in `missing`.
    static func ingredients(of meal: Meal, people: Int = 1, foods: [Food], units: [HouseholdUnit])
        -> (amounts: [HouseholdAmount], missing: [String]) {
        var food: [String: Food] = [:]
        for f in foods where food[f.id] == nil { food[f.id] = f }
        return ingredients(of: meal.portions, people: people, food: { food[$0] }, unit: unitIndex(units))
    }

    /// Each food's first household unit, by food id.
    static func unitIndex(_ units: [HouseholdUnit]) -> [String: HouseholdUnit] {
        var unit: [String: HouseholdUnit] = [:]
        for u in units where unit[u.food] == nil { unit[u.food] = u }
        return unit
    }

    /// `ingredients(of:people:foods:units:)` for portions, with the foods and the units already
    /// indexed (the plan measures 28 items a week against one index).
    static func ingredients(of portions: [Meal.Portion], people: Int, food: (String) -> Food?,
                            unit: [String: HouseholdUnit]) -> (amounts: [HouseholdAmount], missing: [String]) {
        var amounts: [HouseholdAmount] = []
        var missing: [String] = []
        for portion in portions {
            guard let f = food(portion.food), let u = unit[portion.food],
                  let amount = HouseholdAmount(food: f.id, grams: f.grams * portion.servings * Double(max(people, 0)), unit: u) else {
                missing.append(portion.food)
                continue
            }
            amounts.append(amount)
        }
        return (amounts, missing)
    }
}
