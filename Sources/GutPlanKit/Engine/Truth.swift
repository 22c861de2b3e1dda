/// The answer to a condition when some lab values are censored (`<5`): it holds (with the facts
/// that make it hold), it does not, or the values cannot tell (Kleene's three-valued logic:
/// `not` keeps unknown unknown, `and` is false when any term is, `or` true when any term is).
enum Truth: Sendable, Equatable {
    case yes([Fact])
    case no
    case unknown

    /// The facts when it holds.
    var facts: [Fact]? {
        if case .yes(let facts) = self { return facts }
        return nil
    }

    static func not(_ truth: Truth) -> Truth {
        switch truth {
        case .yes: return .no
        case .no: return .yes([])
        case .unknown: return .unknown
        }
    }

    static func all(_ terms: [Truth]) -> Truth {
        var facts: [Fact] = []
        var unknown = false
        for term in terms {
            switch term {
            case .no: return .no
            case .unknown: unknown = true
            case .yes(let found): facts += found
            }
        }
        return unknown ? .unknown : .yes(facts)
    }

    static func any(_ terms: [Truth]) -> Truth {
        var unknown = false
        for term in terms {
            switch term {
            case .yes: return term
            case .unknown: unknown = true
            case .no: continue
            }
        }
        return unknown ? .unknown : .no
    }
}

extension Comparison {
    /// Whether `value OP threshold` holds for a value written with `qualifier` (`<x`: every
    /// true value is in [0, x)), the limit already converted to the threshold's unit; `nil`
    /// when the censored value cannot tell. Values within `unitTolerance` count as equal.
    /// Lab values are never negative.
    func holds(_ qualifier: LabResult.Qualifier, _ limit: Double, _ threshold: Double) -> Bool? {
        let tolerance = Comparison.unitTolerance
        func lessOrEqual(_ a: Double, _ b: Double) -> Bool { Comparison.lessOrEqual.holds(a, b, relativeTolerance: tolerance) }
        func less(_ a: Double, _ b: Double) -> Bool { Comparison.less.holds(a, b, relativeTolerance: tolerance) }
        func decided(all: Bool, none: Bool) -> Bool? { all ? true : none ? false : nil }
        switch qualifier {
        case .exact:
            return holds(limit, threshold, relativeTolerance: tolerance)
        case .below, .atMost:
            // Every true value v is in [0, limit) (below) or [0, limit] (at most).
            let strict = qualifier == .below
            let allBelow = strict ? lessOrEqual(limit, threshold) : less(limit, threshold)  // v < threshold for all v
            let allAtMost = lessOrEqual(limit, threshold)  // v <= threshold for all v
            switch self {
            case .less: return decided(all: allBelow, none: lessOrEqual(threshold, 0))
            case .lessOrEqual: return decided(all: allAtMost, none: less(threshold, 0))
            case .greater: return decided(all: less(threshold, 0), none: allAtMost)
            case .greaterOrEqual: return decided(all: lessOrEqual(threshold, 0), none: allBelow)
            case .equal: return decided(all: false, none: allBelow || less(threshold, 0))
            case .notEqual: return decided(all: allBelow || less(threshold, 0), none: false)
            }
        case .above, .atLeast:
            // Every true value v is in (limit, ∞) (above) or [limit, ∞) (at least).
            let strict = qualifier == .above
            let allAbove = strict ? lessOrEqual(threshold, limit) : less(threshold, limit)  // v > threshold for all v
            let allAtLeast = lessOrEqual(threshold, limit)  // v >= threshold for all v
            switch self {
            case .less: return decided(all: false, none: allAtLeast)
            case .lessOrEqual: return decided(all: false, none: allAbove)
            case .greater: return decided(all: allAbove, none: false)
            case .greaterOrEqual: return decided(all: allAtLeast, none: false)
            case .equal: return decided(all: false, none: allAbove)
            case .notEqual: return decided(all: allAbove, none: false)
            }
        }
    }
}
