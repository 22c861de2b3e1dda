/// Food caps for the problem, wherever the food appears, in meals and additions.
extension ProblemBuilder {
    /// One `FoodCap` per applying cap (per food for `each`), with each item's amount of the
    /// capped foods. A cap that no item can reach is left out, since it cannot bind: per day,
    /// when the items' amounts (each at most once a day) sum to at most `maxPerDay`; per week,
    /// when every item at its weekly maximum still stays at or under `maxPerWeek`.
    func foodCaps(items: [PlanningProblem.Item]) -> [PlanningProblem.FoodCap] {
        // Each portion's food as a small number, found once for every rule: the groups below are
        // then keyed by numbers, not by "rule:food" strings made for every portion.
        var number: [String: Int] = [:]
        var foods: [Food] = []
        let portionFoods = entries.map { entry in
            entry.foods.map { food -> Int in
                if let k = number[food.id] { return k }
                number[food.id] = foods.count
                foods.append(food)
                return foods.count - 1
            }
        }
        var caps: [PlanningProblem.FoodCap] = []
        for rule in knowledge.foodCaps where rule.applies(sex: profile.sex, age: profile.age) {
            // Each group's items with their amounts, in entry order; built in one pass over the
            // entries' portions (a group per food for `each`, else one group for the rule).
            var groups: [Int: [(index: Int, amount: Double)]] = [:]
            let all = rule.selectsAll, each = rule.perFood
            let selected = foods.map { all || rule.selects($0) }
            for (index, entry) in entries.enumerated() {
                var amounts: [(group: Int, amount: Double)] = []
                for (p, (portion, food)) in zip(entry.portions, entry.foods).enumerated() where selected[portionFoods[index][p]] {
                    let group = each ? portionFoods[index][p] : -1
                    let amount = portion.servings * rule.amount(perServingOf: food)
                    if let at = amounts.firstIndex(where: { $0.group == group }) {
                        amounts[at].amount += amount
                    } else {
                        amounts.append((group, amount))
                    }
                }
                for (group, amount) in amounts where amount > 0 {
                    groups[group, default: []].append((index, rule.itemAmount(portions: amount)))
                }
            }
            let named = groups.map { (id: $0.key < 0 ? rule.id : "\(rule.id):\(foods[$0.key].id)", members: $0.value) }
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
        var amounts: [String: Double] = [:]
        var dayMax = 0.0, weekMax = 0.0
        for (index, amount) in members {
            amounts[entries[index].id] = amount
            dayMax += amount
            weekMax += amount * min(Double(items[index].maxPerWeek), days)
        }
        let perDay = rule.maxPerDay.flatMap { dayMax > $0 + 1e-9 ? $0 : nil }
        let perWeek = rule.maxPerWeek.flatMap { weekMax > $0 + 1e-9 ? $0 : nil }
        guard perDay != nil || perWeek != nil else { return nil }
        return PlanningProblem.FoodCap(id: id, maxPerDay: perDay, maxPerWeek: perWeek, amounts: amounts)
    }
}
