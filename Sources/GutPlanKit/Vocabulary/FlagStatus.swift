/// How sure we are that a nutrient is deficient. Ordered: a confirmed flag outranks a suspected one.
public enum FlagStatus: String, Sendable, CaseIterable, Codable, Comparable {
    case suspected
    case confirmed

    public static func < (lhs: FlagStatus, rhs: FlagStatus) -> Bool {
        lhs == .suspected && rhs == .confirmed
    }
}
