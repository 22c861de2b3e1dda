/// The nutrient ids each typed name means (an id or alias, case-, space- and
/// underscore-insensitive, in `nutrients.csv` order), with every id and alias normalised once:
/// a profile of many flags looks up each name in a dictionary instead of normalising the whole
/// table again for every name. `KnowledgeBase.nutrients(named:)` is this for one name.
struct NutrientNameIndex: Sendable {
    private var ids: [String: [String]] = [:]

    init(_ knowledge: KnowledgeBase) {
        for nutrient in knowledge.nutrients {
            var keys: [String] = []
            for name in [nutrient.id] + nutrient.aliases {
                let key = KnowledgeBase.normalizedName(name)
                if !keys.contains(key) { keys.append(key) }
            }
            for key in keys { ids[key, default: []].append(nutrient.id) }
        }
    }

    /// The ids of the nutrients whose id or an alias is `name`, normalised.
    func nutrients(named name: String) -> [String] {
        ids[KnowledgeBase.normalizedName(name)] ?? []
    }
}
