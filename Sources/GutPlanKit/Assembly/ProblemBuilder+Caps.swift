/// Food caps for the problem, wherever the food appears, in meals and additions.
extension ProblemBuilder {
    /// One `FoodCap` per applying cap (per food for `each`), with each item's amount of the
    /// capped foods. A cap that no item can reach is left out, since it cannot bind: per day,
    /// when the items' amounts (each at most once a day) sum to at most `maxPerDay`; per week,
    /// when every item at its weekly maximum still stays at or under `maxPerWeek`.
    func foodCaps(items: [PlanningProblem.Item]) -> [PlanningProblem.FoodCap] {
        let foods = knowledge.foods
        // The foods the entries hold, by index in `foods`, in order of first appearance: each
        // rule tests each of them once, and the groups below are kept in arrays by food index.
        var held: [Int] = []
        var isHeld = [Bool](repeating: false, count: foods.count)
        for entry in entries {
            for index in entry.foodIndices where !isHeld[index] {
                isHeld[index] = true
                held.append(index)
            }
        }
        // The group of a rule that is not `each`: one past the last food index.
        let whole = foods.count
        var caps: [PlanningProblem.FoodCap] = []
        for rule in knowledge.foodCaps where rule.applies(sex: profile.sex, age: profile.age) {
            let all = rule.selectsAll, each = rule.perFood
            // Each held food's amount per serving in the cap's measure; `nil` when not selected.
            var perServing = [Double?](repeating: nil, count: foods.count)
            for index in held where all || rule.selects(foods[index]) { perServing[index] = rule.amount(perServingOf: foods[index]) }
            // Each group's items with their amounts, in entry order; built in one pass over the
            // entries' portions (a group per food for `each`, else one group for the rule).
            var groups = [[(index: Int, amount: Double)]](repeating: [], count: foods.count + 1)
            var used: [Int] = []
            for (index, entry) in entries.enumerated() {
                var amounts: [(group: Int, amount: Double)] = []
                for (portion, food) in zip(entry.portions, entry.foodIndices) {
                    guard let perServing = perServing[food] else { continue }
                    let group = each ? food : whole
                    let amount = portion.servings * perServing
                    if let at = amounts.firstIndex(where: { $0.group == group }) {
                        amounts[at].amount += amount
                    } else {
                        amounts.append((group, amount))
                    }
                }
                for (group, amount) in amounts where amount > 0 {
                    if groups[group].isEmpty { used.append(group) }
                    groups[group].append((index, rule.itemAmount(portions: amount)))
                }
            }
            let named = used.map { (id: $0 == whole ? rule.id : "\(rule.id):\(foods[$0].id)", members: groups[$0]) }
            for group in named.sorted(by: { $0.id < $1.id }) {
                guard let cap = foodCap(id: group.id, rule: rule, members: group.members, items: items) else { continue }
                caps.append(cap)
            }
        }
        return caps
    }

    /// The cap over one group's items, or `nil` when it cannot bind.
    private func foodCap(id: String, rule: FoodCapRule, members: [(index: Int, amount: Double)],
                         items: [PlanningProblem.Item]) -> PlanningProblem.FoodCap? {
        let days = 7.0
        var dayMax = 0.0, weekMax = 0.0
        for (index, amount) in members {
            dayMax += amount
            weekMax += amount * min(Double(items[index].maxPerWeek), days)
        }
        let perDay = rule.maxPerDay.flatMap { dayMax > $0 + 1e-9 ? $0 : nil }
        let perWeek = rule.maxPerWeek.flatMap { weekMax > $0 + 1e-9 ? $0 : nil }
        guard perDay != nil || perWeek != nil else { return nil }
        var amounts: [String: Double] = [:]
        for (index, amount) in members { amounts[entries[index].id] = amount }
        return PlanningProblem.FoodCap(id: id, maxPerDay: perDay, maxPerWeek: perWeek, amounts: amounts)
    }
}
