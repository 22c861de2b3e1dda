/// Cheap necessary conditions for a plan to exist, each failing with a message that names the
/// constraint and the slot or day where it bites.
struct FeasibilityCheck {
    let problem: PlanningProblem
    let model: PlannerModel

    func run() throws(PlanningFailure) {
        let D = problem.days
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
        let extremes = DaySolver(model: model).extremes(blocked: none)
        let combination = problem.slots.map(\.rawValue).joined(separator: "–")
        if extremes.minKcal > problem.energy.upperBound + PlanningProblem.feasibilityEpsilon {
            throw PlanningFailure("no \(combination) combination fits the energy band \(PlannerText.band(problem.energy)) (the least is \(PlannerText.number(extremes.minKcal)) kcal)")
        }
        if extremes.maxKcal < problem.energy.lowerBound - PlanningProblem.feasibilityEpsilon {
            throw PlanningFailure("no \(combination) combination fits the energy band \(PlannerText.band(problem.energy)) (the most is \(PlannerText.number(extremes.maxKcal)) kcal)")
        }
        for (k, n) in problem.limitedNutrients.enumerated() where extremes.minLimit[k] > model.limits[k] + PlanningProblem.feasibilityEpsilon {
            let term = problem.nutrients[n]
            throw PlanningFailure("every \(combination) combination exceeds the upper limit of \(term.id) (\(PlannerText.number(model.limits[k])) \(term.unit)); the least is \(PlannerText.number(extremes.minLimit[k])) \(term.unit)")
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
