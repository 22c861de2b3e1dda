/// Scoring and checking of a candidate plan against the problem's own numbers: the reference
/// implementation of the objective and the constraints that the planner, the tests and
/// `--emit-problem` all describe. `days[d][s]` is the index into `items` of the item in slot
/// `slots[s]` on day `d`.
extension PlanningProblem {
    /// Tolerance used in every energy, limit and cap comparison (planner and checker alike).
    static let feasibilityEpsilon = 1e-9

    /// Indices of the nutrients that count in the objective: weight > 0 and a target > 0.
    var objectiveNutrients: [Int] {
        nutrients.indices.filter { n in
            let term = nutrients[n]
            guard let target = term.target else { return false }
            return term.weight > 0 && target > 0 && term.weight.isFinite && target.isFinite
        }
    }

    /// Ids of the nutrients whose preferred foods count in `preferredDays` (weight > 0).
    var weightedNutrientIDs: [String] {
        var seen = Set<String>()
        return nutrients.filter { $0.weight > 0 && $0.weight.isFinite && seen.insert($0.id).inserted }.map(\.id)
    }

    /// Indices of the nutrients with an upper limit.
    var limitedNutrients: [Int] {
        nutrients.indices.filter { nutrients[$0].upperLimit != nil }
    }

    /// `Σn wn · (1/D) Σd min(1, (sn + Σ counted(n,d)) / t(n)) / Σn wn`; 0 when no nutrient is
    /// weighted. `counted` falls back to `amounts`; `sn` is the nutrient's daily supplement.
    /// Indices out of range contribute nothing (`violations(of:)` reports them).
    func score(of days: [[Int]]) -> Double {
        let objective = objectiveNutrients
        let totalWeight = objective.reduce(0.0) { $0 + nutrients[$1].weight }
        guard totalWeight > 0, !days.isEmpty else { return 0 }
        var sum = 0.0
        for n in objective {
            let term = nutrients[n]
            guard let target = term.target else { continue }
            var coverage = 0.0
            for day in days {
                var amount = term.supplement.isFinite ? max(0, term.supplement) : 0
                for index in day where items.indices.contains(index) {
                    let counted = items[index].counted ?? items[index].amounts
                    if n < counted.count, counted[n].isFinite { amount += max(0, counted[n]) }
                }
                coverage += min(1, amount / target)
            }
            sum += term.weight * coverage / Double(days.count)
        }
        return sum / totalWeight
    }

    /// `min(plantsCap, number of distinct plant species eaten in the week)`.
    func plants(of days: [[Int]]) -> Int {
        min(max(0, plantsCap), plantSpecies(of: days).count)
    }

    /// The distinct plant species eaten in the week, sorted.
    func plantSpecies(of days: [[Int]]) -> [String] {
        var seen = Set<String>()
        for day in days { for i in day where items.indices.contains(i) { seen.formUnion(items[i].plants) } }
        return seen.sorted()
    }

    /// `Σ over weighted nutrients of the days on which some item has it in `preferredFor``.
    func preferredDays(of days: [[Int]]) -> Int {
        let weighted = Set(weightedNutrientIDs)
        var total = 0
        for day in days {
            var covered = Set<String>()
            for i in day where items.indices.contains(i) {
                for id in items[i].preferredFor where weighted.contains(id) { covered.insert(id) }
            }
            total += covered.count
        }
        return total
    }

    /// Distinct item ids planned in meal slots (breakfast, lunch, dinner, snack).
    func distinctMeals(of days: [[Int]]) -> Int {
        var seen = Set<Int>()
        for day in days {
            for (s, i) in day.enumerated() where s < slots.count && Slot.meals.contains(slots[s]) && items.indices.contains(i) {
                seen.insert(i)
            }
        }
        return seen.count
    }

    /// A nutrient side of a ratio limit for one day: eaten amounts plus supplement, or kcal.
    private func ratioSide(_ name: String, _ day: [Int]) -> Double? {
        if name == "energy" { return day.reduce(0.0) { $0 + (items.indices.contains($1) ? items[$1].kcal : 0) } }
        guard let n = nutrients.firstIndex(where: { $0.id == name }) else { return nil }
        var total = nutrients[n].supplement
        for i in day where items.indices.contains(i) && n < items[i].amounts.count { total += items[i].amounts[n] }
        return total
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
        var capWeek = [Double](repeating: 0, count: foodCaps.count)
        // Each item's food-cap amounts, found once from the caps' side (a cap names few items).
        var itemCaps = [[(cap: Int, amount: Double)]](repeating: [], count: items.count)
        if !foodCaps.isEmpty {
            var indices: [String: [Int]] = [:]
            for (index, item) in items.enumerated() { indices[item.id, default: []].append(index) }
            for (c, foodCap) in foodCaps.enumerated() {
                for (id, amount) in foodCap.amounts {
                    for index in indices[id] ?? [] { itemCaps[index].append((c, amount)) }
                }
            }
        }
        var dayCap = [Double](repeating: 0, count: foodCaps.count)
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
                if let allowed = item.days, !allowed.contains(d + 1) {
                    found.append("day \(d + 1): \(item.id) may only be planned on days \(allowed.map(String.init).joined(separator: ", "))")
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
                let total = totals[n] + nutrients[n].supplement
                if total > limit + eps || !total.isFinite {
                    let unit = nutrients[n].unit
                    let supplement = nutrients[n].supplement > 0 ? " (supplement included)" : ""
                    found.append("day \(d + 1) has \(PlannerText.number(total)) \(unit) of \(nutrients[n].id)\(supplement), above the upper limit of \(PlannerText.number(limit)) \(unit)")
                }
            }
            let known = day.filter { items.indices.contains($0) }
            for ratio in ratioLimits {
                guard let num = ratioSide(ratio.numerator, known), let den = ratioSide(ratio.denominator, known) else {
                    found.append("the ratio limit \(ratio.id) names an unknown nutrient")
                    continue
                }
                if num > ratio.max * den + eps || !num.isFinite {
                    found.append("day \(d + 1) breaks the ratio limit \(ratio.id): \(ratio.numerator) \(PlannerText.number(num)) is above \(PlannerText.number(ratio.max)) × \(ratio.denominator) \(PlannerText.number(den))")
                }
            }
            // Per cap, the day's items in order: the sum `known.reduce` over the cap's amounts gives.
            for c in dayCap.indices { dayCap[c] = 0 }
            for index in known { for (c, amount) in itemCaps[index] { dayCap[c] += amount } }
            for (c, foodCap) in foodCaps.enumerated() {
                let amount = dayCap[c]
                capWeek[c] += amount
                if let most = foodCap.maxPerDay, amount > most + eps {
                    found.append("day \(d + 1) has \(PlannerText.number(amount)) of \(foodCap.id), above its daily cap of \(PlannerText.number(most))")
                }
            }
        }
        for (c, foodCap) in foodCaps.enumerated() {
            if let most = foodCap.maxPerWeek, capWeek[c] > most + eps {
                found.append("the week has \(PlannerText.number(capWeek[c])) of \(foodCap.id), above its weekly cap of \(PlannerText.number(most))")
            }
        }
        for lock in fixed {
            let d = lock.day - 1
            let s = slots.firstIndex(of: lock.slot)
            let ok = plan.indices.contains(d) && s.map { plan[d].indices.contains($0) && items.indices.contains(plan[d][$0]) && items[plan[d][$0]].id == lock.item } == true
            if !ok { found.append("\(lock.item) is not in the \(lock.slot.rawValue) slot of day \(lock.day), where it is fixed") }
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
