/// Which foods a cap counts, and how much of one it counts per serving.
extension FoodCapRule {
    /// Whether the cap is one per food (`each`, alone or beside other selectors).
    var perFood: Bool { select.contains(.each) }

    /// Whether the cap selects every food (`each` alone).
    var selectsAll: Bool { select == [.each] }

    /// Whether the cap counts this food (always for `each` alone).
    func selects(_ food: Food) -> Bool {
        selectsAll || select.contains { selector in
            switch selector {
            case .each: return false
            case .tag(let tag): return food.tags.contains(tag)
            case .fish(let category): return food.fishCategory?.rawValue == category
            case .food(let id): return food.id == id
            }
        }
    }

    /// The cap's amount in one serving of the food, in the cap's measure (1 for `items`, where
    /// any serving makes the item count).
    func amount(perServingOf food: Food) -> Double {
        switch measure {
        case .servings, .items: return 1
        case .grams: return food.grams
        case .eggs: return food.eggs
        }
    }

    /// An item's amount in the cap's measure, from the sum of its portions' amounts: that sum,
    /// or 1 for `items` (an item counts once, however much of the selected foods it holds).
    func itemAmount(portions total: Double) -> Double {
        measure == .items ? 1 : total
    }
}
