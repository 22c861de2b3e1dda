/// A place in a planned day.
public enum Slot: String, Sendable, CaseIterable, Codable, Comparable {
    case breakfast
    case lunch
    case dinner
    case snack
    case fermented
    case prebiotic
    case stress

    /// The four meal slots, in the order they are eaten.
    public static let meals: [Slot] = [.breakfast, .lunch, .dinner, .snack]
    /// The slots filled by planner items (meals and additions), in output order.
    public static let planned: [Slot] = [.breakfast, .lunch, .dinner, .snack, .fermented, .prebiotic]

    /// Position in the day, for ordering.
    var rank: Int {
        switch self {
        case .breakfast: return 0
        case .lunch: return 1
        case .dinner: return 2
        case .snack: return 3
        case .fermented: return 4
        case .prebiotic: return 5
        case .stress: return 6
        }
    }

    public static func < (lhs: Slot, rhs: Slot) -> Bool { lhs.rank < rhs.rank }
}
