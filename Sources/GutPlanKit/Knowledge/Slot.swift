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

    public static func < (lhs: Slot, rhs: Slot) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
