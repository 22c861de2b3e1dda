/// A comparison operator in a condition (`lab ferritin < 30 ug/L`, `age >= 51`).
enum Comparison: String, Sendable, Equatable, CaseIterable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "="
    case notEqual = "!="

    /// Exact comparison (ages, counts).
    func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .less: return lhs < rhs
        case .lessOrEqual: return lhs <= rhs
        case .greater: return lhs > rhs
        case .greaterOrEqual: return lhs >= rhs
        case .equal: return lhs == rhs
        case .notEqual: return lhs != rhs
        }
    }

    /// How far apart, relative to the larger magnitude, two values may be and still count as
    /// equal when a value was converted between units.
    static let unitTolerance = 1e-9

    /// Comparison of a converted value: values within `relativeTolerance` of each other (relative
    /// to the larger magnitude) are equal. A lab value exactly on a threshold but written in
    /// another unit (0.2 ng/mL against `< 200 pg/mL`, which converts to 199.99999999999997) then
    /// gives the same answer as in the rule's own unit.
    func holds(_ lhs: Double, _ rhs: Double, relativeTolerance: Double) -> Bool {
        let equal = abs(lhs - rhs) <= relativeTolerance * max(abs(lhs), abs(rhs))
        switch self {
        case .less: return lhs < rhs && !equal
        case .lessOrEqual: return lhs < rhs || equal
        case .greater: return lhs > rhs && !equal
        case .greaterOrEqual: return lhs > rhs || equal
        case .equal: return equal
        case .notEqual: return !equal
        }
    }
}
