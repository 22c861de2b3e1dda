/// The problem in flat, solver-friendly form: item-major contiguous arrays, targets and
/// supplements folded in, weights normalised to sum 1, every daily linear constraint as one
/// "limit row", and each item's effective weekly cap.
///
/// Day score: `f(day) = Σn wn · min(1, sn + Σ_{i∈day} q[i,n])` with `q = counted / target` and
/// `sn = supplement / target` (the supplement is part of every day).
/// Limit rows (each `Σ_{i∈day} a[i,u] ≤ b[u]` on every day):
/// - an upper limit: `a = amounts[n]`, `b = UL − supplement`;
/// - a ratio limit: `a = num_i − max · den_i`, `b = max · sden − snum` (nutrient sides include
///   the supplement, `energy` is the items' kcal);
/// - a food cap: `a = the cap's amount in the item`, `b = maxPerDay` (∞ when only weekly); its
///   weekly maximum is `weekly[c]`, applied over the week on the same coefficients.
struct PlannerModel: Sendable {
    enum RowKind: Sendable {
        case upperLimit(nutrient: Int)
        case ratio(Int)
        case foodCap(Int)
    }

    let days: Int
    let slots: [Slot]
    let itemCount: Int
    /// Number of objective nutrients.
    let objectiveCount: Int
    /// Indices into `problem.nutrients` of the objective nutrients.
    let objective: [Int]
    /// Number of limit rows.
    let limitCount: Int
    let rowKinds: [RowKind]
    /// Normalised objective weights (sum 1), length `objectiveCount`.
    let weights: [Double]
    /// `counted / target`, item-major, `itemCount * objectiveCount`.
    let coverage: [Double]
    /// Supplement coverage `supplement / target` per objective nutrient.
    let supplementCoverage: [Double]
    /// `f(∅)`: the day score of the supplements alone.
    let baseScore: Double
    /// Row coefficients, item-major, `itemCount * limitCount`.
    let limited: [Double]
    /// Daily right-hand sides of the rows.
    let limits: [Double]
    /// Per food cap: its row index and weekly maximum (∞ when none).
    let capRow: [Int]
    let weekly: [Double]
    let kcal: [Double]
    /// Weekly cap after the no-consecutive-days rule, the allowed days and one use per day.
    let cap: [Int]
    let noConsecutive: [Bool]
    /// `allowed[i * days + d]`: item i may be planned on day d.
    let allowed: [Bool]
    /// `locks[d][s]`: the item fixed in slot s of day d, if any.
    let locks: [[Int?]]
    /// True when some item has restricted days or some item is fixed (days then differ).
    let daysDiffer: Bool
    /// Candidate item indices per slot (problem slot order), ascending.
    let candidates: [[Int]]
    /// `f({i}) − f(∅)`: the item's own gain over the supplements alone.
    let standalone: [Double]
    let energyLow: Double
    let energyHigh: Double

    /// Plant species, numbered; `species[i]` are the item's distinct species.
    let speciesCount: Int
    let species: [[Int]]
    let plantsCap: Int
    /// Per item, the preferred-for weighted nutrients (indices into `preferredNames`).
    let preferred: [[Int]]
    let preferredNames: [String]
    /// Whether slot s is a meal slot (breakfast, lunch, dinner, snack).
    let mealSlot: [Bool]

    init(_ problem: PlanningProblem) {
        days = max(0, problem.days)
        slots = problem.slots
        itemCount = problem.items.count
        let objective = problem.objectiveNutrients
        self.objective = objective
        objectiveCount = objective.count
        let totalWeight = objective.reduce(0.0) { $0 + problem.nutrients[$1].weight }
        weights = objective.map { problem.nutrients[$0].weight / totalWeight }
        let index = Dictionary(problem.nutrients.indices.map { (problem.nutrients[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        let itemIndex = Dictionary(problem.items.indices.map { (problem.items[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        func supplement(_ n: Int) -> Double {
            let s = problem.nutrients[n].supplement
            return s.isFinite ? max(0, s) : 0
        }
        func eaten(_ i: Int, _ n: Int) -> Double {
            let a = problem.items[i].amounts
            return n < a.count && a[n].isFinite ? a[n] : (n < a.count ? .infinity : 0)
        }
        supplementCoverage = objective.map { n in supplement(n) / (problem.nutrients[n].target ?? 1) }
        var base = 0.0
        for k in 0..<objective.count { base += weights[k] * min(1, supplementCoverage[k]) }
        baseScore = base

        // Limit rows.
        var kinds: [RowKind] = []
        var rhs: [Double] = []
        var columns: [[Double]] = []   // per row, per item
        for n in problem.limitedNutrients {
            kinds.append(.upperLimit(nutrient: n))
            rhs.append((problem.nutrients[n].upperLimit ?? .infinity) - supplement(n))
            columns.append(problem.items.indices.map { eaten($0, n) })
        }
        func side(_ name: String) -> (perItem: [Double], supplement: Double)? {
            if name == "energy" { return (problem.items.map { $0.kcal.isFinite ? $0.kcal : .infinity }, 0) }
            guard let n = index[name] else { return nil }
            return (problem.items.indices.map { eaten($0, n) }, supplement(n))
        }
        for (r, ratio) in problem.ratioLimits.enumerated() {
            guard let num = side(ratio.numerator), let den = side(ratio.denominator) else { continue }
            kinds.append(.ratio(r))
            rhs.append(ratio.max * den.supplement - num.supplement)
            columns.append(problem.items.indices.map { num.perItem[$0] - ratio.max * den.perItem[$0] })
        }
        var capRow: [Int] = []
        var weekly: [Double] = []
        for (c, foodCap) in problem.foodCaps.enumerated() {
            capRow.append(kinds.count)
            weekly.append(foodCap.maxPerWeek ?? .infinity)
            kinds.append(.foodCap(c))
            rhs.append(foodCap.maxPerDay ?? .infinity)
            var column = [Double](repeating: 0, count: problem.items.count)
            for (id, amount) in foodCap.amounts { if let i = itemIndex[id] { column[i] += amount } }
            columns.append(column)
        }
        self.capRow = capRow
        self.weekly = weekly
        rowKinds = kinds
        limitCount = kinds.count
        limits = rhs
        var limited = [Double](repeating: 0, count: itemCount * kinds.count)
        for u in 0..<kinds.count { for i in 0..<itemCount { limited[i * kinds.count + u] = columns[u][i] } }
        self.limited = limited

        // Coverage and standalone gains.
        var coverage = [Double](repeating: 0, count: itemCount * objective.count)
        var standalone = [Double](repeating: 0, count: itemCount)
        for (i, item) in problem.items.enumerated() {
            let counted = item.counted ?? item.amounts
            for (k, n) in objective.enumerated() {
                let amount = n < counted.count ? counted[n] : 0
                let value = amount / (problem.nutrients[n].target ?? 1)
                coverage[i * objective.count + k] = value.isFinite ? max(0, value) : 0
                let s = supplementCoverage[k]
                standalone[i] += weights[k] * (min(1, s + coverage[i * objective.count + k]) - min(1, s))
            }
        }
        self.coverage = coverage
        self.standalone = standalone
        kcal = problem.items.map { $0.kcal.isFinite ? $0.kcal : .infinity }
        noConsecutive = problem.items.map(\.noConsecutiveDays)

        // Days allowed and effective weekly caps.
        var allowed = [Bool](repeating: true, count: itemCount * days)
        var cap = [Int](repeating: 0, count: itemCount)
        for (i, item) in problem.items.enumerated() {
            if let list = item.days {
                for d in 0..<days { allowed[i * days + d] = list.contains(d + 1) }
            }
            // Most days the item can be on: greedy earliest-first is optimal for "no two adjacent".
            var most = 0
            var last = -2
            for d in 0..<days where allowed[i * days + d] {
                if item.noConsecutiveDays && d == last + 1 { continue }
                most += 1
                last = d
            }
            cap[i] = max(0, min(item.maxPerWeek, most))
        }
        self.allowed = allowed
        self.cap = cap
        candidates = problem.slots.map { slot in
            problem.items.indices.filter { problem.items[$0].slots.contains(slot) }
        }
        var locks = [[Int?]](repeating: [Int?](repeating: nil, count: problem.slots.count), count: days)
        for lock in problem.fixed {
            guard lock.day >= 1, lock.day <= days, let s = problem.slots.firstIndex(of: lock.slot),
                  let i = itemIndex[lock.item] else { continue }
            locks[lock.day - 1][s] = i
        }
        self.locks = locks
        daysDiffer = !problem.fixed.isEmpty || problem.items.contains { $0.days != nil }
        energyLow = problem.energy.lowerBound
        energyHigh = problem.energy.upperBound

        // Plants and preferred nutrients.
        var speciesIndex: [String: Int] = [:]
        var species: [[Int]] = []
        for item in problem.items {
            var list: [Int] = []
            for name in item.plants {
                let k: Int
                if let known = speciesIndex[name] { k = known } else { k = speciesIndex.count; speciesIndex[name] = k }
                if !list.contains(k) { list.append(k) }
            }
            species.append(list)
        }
        speciesCount = speciesIndex.count
        self.species = species
        plantsCap = max(0, problem.plantsCap)
        let weighted = problem.weightedNutrientIDs
        preferredNames = weighted
        let weightedIndex = Dictionary(weighted.indices.map { (weighted[$0], $0) }, uniquingKeysWith: { a, _ in a })
        preferred = problem.items.map { item in
            var list: [Int] = []
            for id in item.preferredFor { if let k = weightedIndex[id], !list.contains(k) { list.append(k) } }
            return list
        }
        mealSlot = problem.slots.map { Slot.meals.contains($0) }
    }

    /// The day score `Σ w · min(1, s + Σ q)` of a set of items.
    func dayScore(_ items: [Int]) -> Double {
        var total = 0.0
        for k in 0..<objectiveCount {
            var sum = supplementCoverage[k]
            for i in items { sum += coverage[i * objectiveCount + k] }
            total += weights[k] * min(1, sum)
        }
        return total
    }

    /// Whether item i may be planned on day d.
    @inline(__always)
    func isAllowed(_ i: Int, day d: Int) -> Bool { allowed[i * days + d] }

    /// Whether a whole day (problem slot order) respects day d's allowed days and locks.
    func fits(_ pattern: [Int], day d: Int) -> Bool {
        guard daysDiffer else { return true }
        for (s, i) in pattern.enumerated() {
            if !isAllowed(i, day: d) { return false }
            if let lock = locks[d][s], lock != i { return false }
        }
        return true
    }

    /// Amount of food cap c in a day.
    func capUse(_ c: Int, _ day: [Int]) -> Double {
        let u = capRow[c]
        var total = 0.0
        for i in day { total += limited[i * limitCount + u] }
        return total
    }

    /// The row as words, for messages.
    func rowName(_ u: Int, problem: PlanningProblem) -> String {
        switch rowKinds[u] {
        case .upperLimit(let n):
            let term = problem.nutrients[n]
            let extra = term.supplement > 0 ? " less the supplement of \(PlannerText.number(term.supplement)) \(term.unit)" : ""
            return "the upper limit of \(term.id) (\(PlannerText.number(term.upperLimit ?? .infinity)) \(term.unit)\(extra))"
        case .ratio(let r):
            let ratio = problem.ratioLimits[r]
            return "the ratio limit \(ratio.id) (\(ratio.numerator) at most \(PlannerText.number(ratio.max * 100))% of \(ratio.denominator))"
        case .foodCap(let c):
            let foodCap = problem.foodCaps[c]
            return "the daily cap on \(foodCap.id) (\(PlannerText.number(foodCap.maxPerDay ?? .infinity)) a day)"
        }
    }
}

extension PlannerModel {
    /// Whether `pattern` may follow the days already chosen as day `d` of a week: allowed days
    /// and locks of day `d`, the weekly item caps (`counts`), the weekly food caps (`capUsed`)
    /// and the no-consecutive rule against `previous` (the pattern of day `d − 1`).
    func canAdd(_ pattern: [Int], day d: Int, counts: [Int], capUsed: [Double], previous: [Int]?) -> Bool {
        guard fits(pattern, day: d) else { return false }
        for i in pattern where counts[i] >= cap[i] { return false }
        if let previous {
            for i in pattern where noConsecutive[i] && previous.contains(i) { return false }
        }
        for c in 0..<capUsed.count where weekly[c].isFinite {
            if capUsed[c] + capUse(c, pattern) > weekly[c] + PlanningProblem.feasibilityEpsilon { return false }
        }
        return true
    }

    /// The week's objective key; empty days count nothing.
    func weekKey(_ days: [[Int]]) -> WeekKey {
        var score = 0.0
        var seenSpecies = [Bool](repeating: false, count: speciesCount)
        var plants = 0
        var seenMeal = [Bool](repeating: false, count: itemCount)
        var meals = 0
        var covered = [Int](repeating: -1, count: preferredNames.count)
        var preferredDays = 0
        for (d, day) in days.enumerated() where !day.isEmpty {
            score += dayScore(day)
            for (s, i) in day.enumerated() {
                for k in species[i] where !seenSpecies[k] { seenSpecies[k] = true; plants += 1 }
                for k in preferred[i] where covered[k] != d { covered[k] = d; preferredDays += 1 }
                if mealSlot[s] && !seenMeal[i] { seenMeal[i] = true; meals += 1 }
            }
        }
        return WeekKey(score: score, plants: min(plantsCap, plants), preferred: preferredDays, meals: meals)
    }

    /// Whether a whole day meets the energy band and every limit row at its daily value.
    func isFeasibleDay(_ day: [Int]) -> Bool {
        let eps = PlanningProblem.feasibilityEpsilon
        guard Set(day).count == day.count else { return false }
        var energy = 0.0
        for i in day { energy += kcal[i] }
        if energy < energyLow - eps || energy > energyHigh + eps { return false }
        for u in 0..<limitCount {
            var total = 0.0
            for i in day { total += limited[i * limitCount + u] }
            if total > limits[u] + eps { return false }
        }
        return true
    }
}
