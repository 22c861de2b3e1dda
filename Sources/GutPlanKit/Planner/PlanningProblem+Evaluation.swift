/// Scoring and checking of a candidate plan against the problem's own numbers.
/// `days[d][s]` is the index into `items` of the item in slot `slots[s]` on day `d`.
extension PlanningProblem {
    /// Tolerance used in every energy and upper-limit comparison (planner and checker alike).
    static let feasibilityEpsilon = 1e-9

    /// Indices of the nutrients that count in the objective: weight > 0 and a target > 0.
    var objectiveNutrients: [Int] {
        nutrients.indices.filter { n in
            let term = nutrients[n]
            guard let target = term.target else { return false }
            return term.weight > 0 && target > 0 && term.weight.isFinite && target.isFinite
        }
    }

    /// Indices of the nutrients with an upper limit.
    var limitedNutrients: [Int] {
        nutrients.indices.filter { nutrients[$0].upperLimit != nil }
    }

    /// `Σn wn · (1/D) Σd min(1, a(n,d)/t(n)) / Σn wn`; 0 when no nutrient is weighted.
    /// Indices out of range contribute nothing (`violations(of:)` reports them).
    public func score(of days: [[Int]]) -> Double {
        let objective = objectiveNutrients
        let totalWeight = objective.reduce(0.0) { $0 + nutrients[$1].weight }
        guard totalWeight > 0, !days.isEmpty else { return 0 }
        var sum = 0.0
        for n in objective {
            let term = nutrients[n]
            guard let target = term.target else { continue }
            var coverage = 0.0
            for day in days {
                var amount = 0.0
                for index in day where items.indices.contains(index) {
                    let amounts = items[index].amounts
                    if n < amounts.count { amount += amounts[n] }
                }
                coverage += min(1, amount / target)
            }
            sum += term.weight * coverage / Double(days.count)
        }
        return sum / totalWeight
    }

    /// Every broken hard constraint, in words; empty when the plan is feasible.
    public func violations(of plan: [[Int]]) -> [String] {
        let eps = Self.feasibilityEpsilon
        var found: [String] = []
        if plan.count != days {
            found.append("the plan has \(plan.count) days; \(days) are needed")
        }
        var uses = [Int](repeating: 0, count: items.count)
        var onDay = [[Bool]](repeating: [], count: plan.count)
        for (d, day) in plan.enumerated() {
            onDay[d] = [Bool](repeating: false, count: items.count)
            if day.count != slots.count {
                found.append("day \(d + 1) has \(day.count) items; \(slots.count) slots must be filled")
            }
            var kcal = 0.0
            var totals = [Double](repeating: 0, count: nutrients.count)
            for (s, index) in day.enumerated() {
                guard items.indices.contains(index) else {
                    found.append("day \(d + 1) refers to item \(index), which does not exist")
                    continue
                }
                let item = items[index]
                if s < slots.count, !item.slots.contains(slots[s]) {
                    found.append("day \(d + 1): \(item.id) cannot fill the \(slots[s].rawValue) slot")
                }
                if onDay[d][index] {
                    found.append("day \(d + 1) uses \(item.id) in more than one slot")
                }
                onDay[d][index] = true
                uses[index] += 1
                kcal += item.kcal
                for n in nutrients.indices where n < item.amounts.count { totals[n] += item.amounts[n] }
            }
            if kcal < energy.lowerBound - eps || kcal > energy.upperBound + eps || !kcal.isFinite {
                found.append("day \(d + 1) has \(PlannerText.number(kcal)) kcal, outside the energy band \(PlannerText.band(energy))")
            }
            for n in limitedNutrients {
                guard let limit = nutrients[n].upperLimit else { continue }
                if totals[n] > limit + eps || !totals[n].isFinite {
                    let unit = nutrients[n].unit
                    found.append("day \(d + 1) has \(PlannerText.number(totals[n])) \(unit) of \(nutrients[n].id), above the upper limit of \(PlannerText.number(limit)) \(unit)")
                }
            }
        }
        for (index, item) in items.enumerated() {
            if uses[index] > item.maxPerWeek {
                found.append("\(item.id) is used \(uses[index]) times; at most \(item.maxPerWeek) are allowed")
            }
            if item.noConsecutiveDays, plan.count > 1 {
                for d in 0..<(plan.count - 1) where onDay[d][index] && onDay[d + 1][index] {
                    found.append("\(item.id) is on days \(d + 1) and \(d + 2); it may not be on consecutive days")
                }
            }
        }
        return found
    }
}
