/// The week around a day, for the lexicographic tie-breaks after the score (see `DayKey`).
struct DayContext: Equatable {
    /// Species already eaten on the other days of the week.
    var seenSpecies: [Bool]
    /// Number of distinct species on the other days.
    var restPlants: Int
    /// Items not planned in a meal slot on any other day (so they add a distinct meal).
    var mealNovel: [Bool]
}

/// The tie-break part of a week's objective as one day sees it: the week's plants
/// (`min(cap, rest + new species of the day)`), the day's preferred nutrients (how many weighted
/// nutrients some item of the day is preferred for) and the day's new distinct meals.
struct DayKey: Comparable {
    var plants: Int
    var preferred: Int
    var meals: Int

    static let lowest = DayKey(plants: Int.min, preferred: Int.min, meals: Int.min)

    static func < (a: DayKey, b: DayKey) -> Bool {
        if a.plants != b.plants { return a.plants < b.plants }
        if a.preferred != b.preferred { return a.preferred < b.preferred }
        return a.meals < b.meals
    }
}

/// What one day may use and how it is valued.
struct DayQuery: Equatable {
    /// Per-item penalty subtracted from the day score (Lagrange multipliers); `nil` = none.
    var penalty: [Double]?
    /// Items the day may not use.
    var blocked: [Bool]
    /// The rest of the week, for the tie-breaks; `nil` = no tie-break (value only).
    var context: DayContext? = nil
    /// When set, the query maximises the `DayKey` (then the value) among days whose value is at
    /// least `floor`; otherwise it maximises the value, ties broken by the key.
    var floor: Double? = nil
    /// Candidate evaluations before the search stops (its answer then carries an upper bound).
    var budget: Int
    /// Work allowed for tie-breaks once the day's value is proven optimal (it meets the root
    /// bound): the day's value is then exact, the tie-breaks are best effort. In floor mode,
    /// the work allowed for a higher value once the day's key meets the root's key bound.
    var tieBudget: Int = 5_000
    /// A feasible day (problem slot order) to start from; only strictly better days replace it.
    var warmStart: [Int]? = nil
    /// Restrict each slot to these candidates (problem slot order); `nil` = all.
    var candidates: [[Int]]? = nil
    /// Right-hand side of each limit row for this day; `nil` = the model's daily limits. The
    /// week search lowers food-cap rows to what the weekly caps leave.
    var room: [Double]? = nil
    /// Pricing: every incumbent the search finds worth more than this is returned in
    /// `improving` (each is a column that prices out, not only the best).
    var collectAbove: Double? = nil
    /// Also start from the best of the days earlier solves found (their incumbents) that fits
    /// this query: a week's later days, with the best items used up, otherwise search long for
    /// any feasible day before their bound can prune.
    var warmFromSeen = false
}

/// The best day found for a query.
struct DayResult {
    /// Items in problem slot order; `nil` when no feasible day exists (or none was found in budget).
    var items: [Int]?
    /// Day score minus penalties.
    var value: Double
    var key: DayKey
    /// Valid upper bound on `value` over all feasible days of the query (in value mode).
    var upperBound: Double
    /// True when the search finished (the answer is optimal and, in value mode, `upperBound == value`).
    var complete: Bool
    /// With `collectAbove`: every incumbent found worth more than it, in the order found.
    var improving: [[Int]] = []
}

/// Exact depth-first branch and bound for one day: one item per slot, distinct items, energy band
/// and every limit row (upper limits, ratio limits, daily food caps), maximising
/// `f(day) − Σ penalty`. `f` is a sum of capped linear terms, hence submodular: given a partial
/// day, each remaining slot can add at most the best marginal gain of its items given that
/// partial day (computed at each node, valid for all its descendants). The per-nutrient bound
/// `Σ w · min(1, partial + Σ best per slot)` and `f ≤ 1` also hold; the smallest wins. Energy and
/// limit rows prune with the smallest remaining coefficients per slot (rows may have negative
/// coefficients: ratio rows do).
///
/// With a `floor`, the same search maximises the `DayKey` among days whose value reaches the
/// floor: the value bound prunes what cannot reach it, and exact partial counts plus the best
/// per-slot additions bound each key component.
/// Hot data lives in flat buffers (item-major) allocated once per solver. The search state is a
/// struct (`DaySearch`) that `solve` takes out of the solver for the call, so the recursive
/// search mutates a local value: no per-access exclusivity checks, as a class's stored
/// properties would need.
///
/// The planner's stages often ask the same question twice (the polish repeats the last round of
/// a candidate week's local search; a tie-break round re-solves days whose week did not change).
/// A query that does not read the solver's history (`warmFromSeen` off) has one answer, so the
/// recent ones are kept (`Recent`) and a repeat is answered from them. A repeat is charged the
/// work its first solve did: every work limit, and so every plan, is what it was without the
/// memory.
final class DaySolver {
    private var engine: DaySearch?
    private var recent = Recent()

    init(model: PlannerModel) {
        engine = DaySearch(model: model)
    }

    deinit { engine?.deallocate() }

    /// Work done by every solve so far, so callers can bound the total effort.
    var cumulativeWork: Int { engine?.cumulativeWork ?? 0 }

    func solve(_ query: DayQuery) -> DayResult {
        guard var search = engine else {
            return DayResult(items: nil, value: -.infinity, key: .lowest, upperBound: -.infinity, complete: false)
        }
        engine = nil
        defer { engine = search }
        let pure = !query.warmFromSeen
        if pure, let repeated = recent.answer(query) {
            search.charge(repeated.work)
            return repeated.result
        }
        let before = search.cumulativeWork
        let result = search.solve(query)
        if pure { recent.keep(query, result, work: search.cumulativeWork - before) }
        return result
    }
}
