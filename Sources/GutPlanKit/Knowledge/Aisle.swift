/// Where a shop keeps a food; the shopping list is grouped by aisle in this order.
enum Aisle: String, Sendable, CaseIterable, Comparable {
    case produce
    case meatAndFish = "meat and fish"
    case dairyAndEggs = "dairy and eggs"
    case grainsAndBakery = "grains and bakery"
    case tinsAndJars = "tins and jars"
    case frozen
    case nutsAndSeeds = "nuts and seeds"
    case other

    /// Position in the shopping list.
    var rank: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }

    static func < (lhs: Aisle, rhs: Aisle) -> Bool { lhs.rank < rhs.rank }
}
