/// A dietary pattern, defined entirely by the food tags it excludes.
public enum Diet: String, Sendable, CaseIterable, Codable {
    case omnivore
    case pescatarian
    case vegetarian
    case vegan

    /// Food tags a food must not carry to fit this diet.
    public var excludedTags: Set<String> {
        switch self {
        case .omnivore: return []
        case .pescatarian: return ["meat", "poultry"]
        case .vegetarian: return ["meat", "poultry", "fish", "shellfish"]
        case .vegan: return ["meat", "poultry", "fish", "shellfish", "dairy", "egg", "honey"]
        }
    }
}
