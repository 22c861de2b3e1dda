/// Cheap necessary conditions for a plan to exist, each failing with a message that names the
/// constraint and the slot or day where it bites.
struct FeasibilityCheck {
    let problem: PlanningProblem
    let model: PlannerModel
    /// Candidate evaluations for the day search that checks each day with fixed items.
    var budget = 2_000_000

    func run() throws(PlanningFailure) {
        let D = problem.days
        try checkTerms()
        // Every slot needs candidates, and enough weekly capacity.
        for (s, slot) in problem.slots.enumerated() {
            let list = model.candidates[s]
            if list.isEmpty {
                switch slot {
                case .fermented, .prebiotic:
                    throw PlanningFailure("no \(slot.rawValue) addition is available (the rules add none that fit the diet)")
                default:
                    throw PlanningFailure("no \(PlannerText.slotNoun(slot)) is available (the diet and exclusions leave none)")
                }
            }
            let capacity = list.reduce(0) { $0 + model.cap[$1] }
            if capacity < D {
                throw PlanningFailure(capacityMessage(slot: slot, items: list))
            }
        }
        // Slots that share items: Hall's condition over every group of slots.
        let L = problem.slots.count
        if L > 1 && L <= 12 {
            for mask in 1..<(1 << L) where mask.nonzeroBitCount >= 2 {
                var inUnion = [Bool](repeating: false, count: model.itemCount)
                var capacity = 0
                for s in 0..<L where mask & (1 << s) != 0 {
                    for i in model.candidates[s] where !inUnion[i] { inUnion[i] = true; capacity += model.cap[i] }
                }
                let needed = D * mask.nonzeroBitCount
                if capacity < needed {
                    let names = (0..<L).filter { mask & (1 << $0) != 0 }.map { problem.slots[$0].rawValue }
                    throw PlanningFailure("the \(joinedNames(names)) slots share their items: together they can fill \(capacity) of the \(needed) places in \(D) days")
                }
            }
        }
        // Energy band and upper limits with the lightest / heaviest item per slot.
        let none = [Bool](repeating: false, count: model.itemCount)
        let extremes = model.extremes(blocked: none)
        let combination = problem.slots.map(\.rawValue).joined(separator: "–")
        if extremes.minKcal > problem.energy.upperBound + PlanningProblem.feasibilityEpsilon {
            throw PlanningFailure("no \(combination) combination fits the energy band \(PlannerText.band(problem.energy)) (the least is \(PlannerText.number(extremes.minKcal)) kcal)")
        }
        if extremes.maxKcal < problem.energy.lowerBound - PlanningProblem.feasibilityEpsilon {
            throw PlanningFailure("no \(combination) combination fits the energy band \(PlannerText.band(problem.energy)) (the most is \(PlannerText.number(extremes.maxKcal)) kcal)")
        }
        for u in 0..<model.limitCount where extremes.minLimit[u] > model.limits[u] + PlanningProblem.feasibilityEpsilon {
            throw PlanningFailure("every \(combination) combination exceeds \(model.rowName(u, problem: problem)); the least is \(PlannerText.number(extremes.minLimit[u]))")
        }
        try checkLocks()
    }

    /// Supplements within their upper limits, ratio limits over known nutrients, caps that can hold.
    private func checkTerms() throws(PlanningFailure) {
        for term in problem.nutrients {
            guard term.supplement.isFinite, term.supplement >= 0 else {
                throw PlanningFailure("the supplement of \(term.id) is not a finite amount of at least 0")
            }
            if let limit = term.upperLimit, term.supplement > limit + PlanningProblem.feasibilityEpsilon {
                throw PlanningFailure("the supplement of \(term.id) alone (\(PlannerText.number(term.supplement)) \(term.unit) a day) is above its upper limit of \(PlannerText.number(limit)) \(term.unit)")
            }
        }
        let ids = Set(problem.nutrients.map(\.id))
        for ratio in problem.ratioLimits {
            for side in [ratio.numerator, ratio.denominator] where side != "energy" && !ids.contains(side) {
                throw PlanningFailure("the ratio limit \(ratio.id) names \(side), which is not a nutrient of the problem")
            }
            guard ratio.max.isFinite, ratio.max >= 0 else { throw PlanningFailure("the ratio limit \(ratio.id) has no finite maximum of at least 0") }
        }
        for foodCap in problem.foodCaps {
            for value in [foodCap.maxPerDay, foodCap.maxPerWeek].compactMap({ $0 }) where !(value >= 0) {
                throw PlanningFailure("the food cap \(foodCap.id) has a negative maximum")
            }
            if foodCap.amounts.values.contains(where: { !($0.isFinite && $0 >= 0) }) {
                throw PlanningFailure("the food cap \(foodCap.id) has an amount that is not a finite number of at least 0")
            }
        }
    }

    /// Every fixed item can be where it is fixed, alone and together with the others.
    private func checkLocks() throws(PlanningFailure) {
        let eps = PlanningProblem.feasibilityEpsilon
        var place: [String: Int] = [:]
        var uses: [Int: [Int]] = [:]
        var slotOf: [String: Int] = [:]
        for lock in problem.fixed {
            let name = "\(lock.item) fixed at \(lock.slot.rawValue) on day \(lock.day)"
            guard lock.day >= 1, lock.day <= problem.days else { throw PlanningFailure("\(name): the plan has \(problem.days) days") }
            guard let s = problem.slots.firstIndex(of: lock.slot) else { throw PlanningFailure("\(name): the problem has no \(lock.slot.rawValue) slot") }
            guard let i = problem.items.firstIndex(where: { $0.id == lock.item }) else {
                throw PlanningFailure("\(name): no such meal or addition is allowed")
            }
            let item = problem.items[i]
            guard item.slots.contains(lock.slot) else { throw PlanningFailure("\(name): it cannot fill that slot") }
            if let days = item.days, !days.contains(lock.day) { throw PlanningFailure("\(name): it may only be planned on days \(days.map(String.init).joined(separator: ", "))") }
            if let other = place["\(lock.day)-\(s)"], other != i {
                throw PlanningFailure("\(name): \(problem.items[other].id) is fixed in the same place")
            }
            place["\(lock.day)-\(s)"] = i
            if let other = slotOf["\(i)-\(lock.day)"], other != s {
                throw PlanningFailure("\(name): it is also fixed at \(problem.slots[other].rawValue) that day")
            }
            slotOf["\(i)-\(lock.day)"] = s
            let days = uses[i, default: []]
            if !days.contains(lock.day) { uses[i] = days + [lock.day] }
        }
        for (i, days) in uses.sorted(by: { $0.key < $1.key }) {
            let item = problem.items[i]
            if days.count > item.maxPerWeek {
                throw PlanningFailure("\(item.id) is fixed on \(days.count) days; it may be planned at most \(item.maxPerWeek) times a week")
            }
            let sorted = days.sorted()
            if item.noConsecutiveDays, let d = zip(sorted, sorted.dropFirst()).first(where: { $1 == $0 + 1 }) {
                throw PlanningFailure("\(item.id) is fixed on days \(d.0) and \(d.1); it may not be on consecutive days")
            }
        }
        for (c, foodCap) in problem.foodCaps.enumerated() {
            guard let most = foodCap.maxPerWeek else { continue }
            var total = 0.0
            for (i, days) in uses { total += Double(days.count) * model.capUse(c, [i]) }
            if total > most + eps {
                throw PlanningFailure("the fixed items hold \(PlannerText.number(total)) of \(foodCap.id), above its weekly cap of \(PlannerText.number(most))")
            }
        }
        // Each day with locks must have a feasible completion on its own. First the bounds that
        // name one constraint (the lightest or heaviest other items still break the energy band,
        // or the least of a limited amount is over its limit), then the day search for the rest.
        var solver: DaySolver?  // made for the first day with locks (most weeks have none)
        for d in 0..<problem.days where model.locks[d].contains(where: { $0 != nil }) {
            let blocked = (0..<model.itemCount).map { !model.isAllowed($0, day: d) || model.cap[$0] <= 0 }
            let candidates = model.candidates.indices.map { s in model.locks[d][s].map { [$0] } ?? model.candidates[s] }
            let names = problem.slots.indices.compactMap { s in model.locks[d][s].map { "\(problem.items[$0].id) at \(problem.slots[s].rawValue)" } }
            let fixed = "with \(names.joined(separator: " and ")) fixed on day \(d + 1)"
            let extremes = model.extremes(blocked: blocked, candidates: candidates)
            if extremes.emptySlot == nil {
                if extremes.minKcal > problem.energy.upperBound + eps {
                    throw PlanningFailure("\(fixed), the day cannot keep to the energy band \(PlannerText.band(problem.energy)): the least it can hold is \(PlannerText.number(extremes.minKcal)) kcal")
                }
                if extremes.maxKcal < problem.energy.lowerBound - eps {
                    throw PlanningFailure("\(fixed), the day cannot reach the energy band \(PlannerText.band(problem.energy)): the most it can hold is \(PlannerText.number(extremes.maxKcal)) kcal")
                }
                if let u = (0..<model.limitCount).first(where: { extremes.minLimit[$0] > model.limits[$0] + eps }) {
                    throw PlanningFailure("\(fixed), the day exceeds \(model.rowName(u, problem: problem)): the least it can hold is \(PlannerText.number(extremes.minLimit[u]))")
                }
            }
            let daySolver = solver ?? DaySolver(model: model)
            solver = daySolver
            let result = daySolver.solve(DayQuery(blocked: blocked, budget: budget, candidates: candidates))
            if result.items == nil && result.complete {
                throw PlanningFailure("no day \(d + 1) fits the energy band \(PlannerText.band(problem.energy)) and the daily limits \(fixed)")
            }
        }
    }

    private func capacityMessage(slot: Slot, items: [Int]) -> String {
        let D = problem.days
        let noun = PlannerText.slotNoun(slot)
        let maxima = Set(items.map { problem.items[$0].maxPerWeek })
        let rules = Set(items.map { problem.items[$0].noConsecutiveDays })
        let left = "only \(PlannerText.plural(items.count, noun)) \(items.count == 1 ? "is" : "are") left after the diet and exclusions"
        if maxima.count == 1, rules.count == 1, let maximum = maxima.first, let noConsecutive = rules.first {
            let each = model.cap[items[0]]
            if each > 0 {
                let needed = (D + each - 1) / each
                let rule = noConsecutive ? " and never on consecutive days" : ""
                return "\(left); \(needed) are needed for \(D) days with at most \(maximum) each\(rule)"
            }
            return "\(left); none may be used at all (at most \(maximum) a week)"
        }
        let capacity = items.reduce(0) { $0 + model.cap[$1] }
        return "\(left); within their weekly limits they can fill \(capacity) of the \(D) days"
    }

    private func joinedNames(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    }
}
