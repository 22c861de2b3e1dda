/// Foods by index, for the catalogue's per-food numbers.
extension KnowledgeBase {
    /// Each food id's index in `foods` (the first food of that id, as every lookup by id finds).
    func foodIndexByID() -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(foods.count)
        for (at, food) in foods.enumerated() where index[food.id] == nil { index[food.id] = at }
        return index
    }
}
