/// A whole shopping list from the grams eaten of each food.
extension ShoppingQuantity {
    /// One entry per shop item (aisle, item and unit). Foods that share an item (eggs for boiled,
    /// raw-weighed and scrambled dishes; carrots raw and boiled) have their units added before the
    /// one rounding up. Entries come in aisle order, then by item (byte order), so the list is the
    /// same for the same input. Foods with no shopping row, or grams that are not a finite number
    /// above 0, are returned in `skipped` (in foods.csv order, then by id), never dropped silently.
    static func list(eaten: [String: Double], info: [ShoppingInfo]) -> (items: [ShoppingQuantity], skipped: [String]) {
        struct Key: Hashable { var aisle: Aisle; var item: String; var unit: String }
        var rows: [String: ShoppingInfo] = [:]
        var order: [String: Int] = [:]
        for (i, row) in info.enumerated() where rows[row.food] == nil {
            rows[row.food] = row
            order[row.food] = i
        }
        var totals: [Key: (info: ShoppingInfo, foods: [String], units: Double, grams: Double)] = [:]
        var skipped: [String] = []
        // Sums run in foods.csv order, so the same input always adds up to the same last bit.
        let foods = eaten.keys.map { (order: order[$0] ?? .max, food: $0) }
            .sorted { ($0.order, $0.food) < ($1.order, $1.food) }.map(\.food)
        for food in foods {
            let grams = eaten[food] ?? 0
            guard grams.isFinite, grams > 0, let row = rows[food], let bought = bought(grams, row) else {
                skipped.append(food)
                continue
            }
            let key = Key(aisle: row.aisle, item: row.buyAs, unit: row.buyUnit)
            var total = totals[key] ?? (row, [], 0, 0)
            total.foods.append(food)  // already in foods.csv order
            total.units += bought / row.gramsPerUnit
            total.grams += bought
            totals[key] = total
        }
        var items: [ShoppingQuantity] = []
        for total in totals.values {
            // Sums of huge amounts may overflow; such foods are skipped rather than listed as "inf".
            guard total.units.isFinite, total.grams.isFinite else {
                skipped.append(contentsOf: total.foods)
                continue
            }
            items.append(ShoppingQuantity(foods: total.foods, info: total.info, units: total.units, grams: total.grams))
        }
        // Indices sorted (not the items, which are costly to move), each aisle's rank found once.
        let ranks = items.map(\.aisle.rank)
        let sorted = items.indices.sorted { a, b in
            if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
            if items[a].item != items[b].item { return JSONValue.keyOrder(items[a].item, items[b].item) }
            return JSONValue.keyOrder(items[a].unit, items[b].unit)
        }.map { items[$0] }
        return (sorted, skipped.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) })
    }
}
