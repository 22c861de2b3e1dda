/// A whole shopping list from the grams eaten of each food.
extension ShoppingQuantity {
    /// One entry per shop item (aisle, item and unit). Foods that share an item (eggs for boiled,
    /// raw-weighed and scrambled dishes; carrots raw and boiled) have their units added before the
    /// one rounding up. Entries come in aisle order, then by item (byte order), so the list is the
    /// same for the same input. Foods with no shopping row, or grams that are not a finite number
    /// above 0, are returned in `skipped` (in foods.csv order, then by id), never dropped silently.
    static func list(eaten: [String: Double], info: [ShoppingInfo]) -> (items: [ShoppingQuantity], skipped: [String]) {
        struct Key: Hashable { var aisle: Aisle; var item: String; var unit: String }
        // Each food's first row, by index (which is also its place in the table's order).
        var firstRow: [String: Int] = [:]
        for (i, row) in info.enumerated() where firstRow[row.food] == nil { firstRow[row.food] = i }
        // The items in order of first appearance, with the index of each one's first row.
        var itemIndex: [Key: Int] = [:]
        var totals: [(row: Int, foods: [String], units: Double, grams: Double)] = []
        var skipped: [String] = []
        // Sums run in the table's order, so the same input always adds up to the same last bit.
        let foods = eaten.map { (order: firstRow[$0.key], food: $0.key, grams: $0.value) }
            .sorted { ($0.order ?? .max, $0.food) < ($1.order ?? .max, $1.food) }
        for (order, food, grams) in foods {
            guard grams.isFinite, grams > 0, let order, let bought = bought(grams, info[order]) else {
                skipped.append(food)
                continue
            }
            let row = info[order]
            let key = Key(aisle: row.aisle, item: row.buyAs, unit: row.buyUnit)
            if let at = itemIndex[key] {
                totals[at].foods.append(food)  // already in table order
                totals[at].units += bought / row.gramsPerUnit
                totals[at].grams += bought
            } else {
                itemIndex[key] = totals.count
                totals.append((order, [food], bought / row.gramsPerUnit, bought))
            }
        }
        var items: [ShoppingQuantity] = []
        for total in totals {
            // Sums of huge amounts may overflow; such foods are skipped rather than listed as "inf".
            guard total.units.isFinite, total.grams.isFinite else {
                skipped.append(contentsOf: total.foods)
                continue
            }
            items.append(ShoppingQuantity(foods: total.foods, info: info[total.row], units: total.units, grams: total.grams))
        }
        // Indices sorted (not the items, which are costly to move), each aisle's rank found once.
        let ranks = items.map(\.aisle.rank)
        let sorted = items.indices.sorted { a, b in
            if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
            if items[a].item != items[b].item { return JSONValue.keyOrder(items[a].item, items[b].item) }
            return JSONValue.keyOrder(items[a].unit, items[b].unit)
        }.map { items[$0] }
        return (sorted, skipped.sorted { (firstRow[$0] ?? .max, $0) < (firstRow[$1] ?? .max, $1) })
    }
}
