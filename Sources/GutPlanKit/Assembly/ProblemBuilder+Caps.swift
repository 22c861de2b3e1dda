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
        // Each item's most days a week (its weekly maximum, at most 7).
        let weekly = items.map { min(Double($0.maxPerWeek), 7) }
        let rules = knowledge.foodCaps.filter { $0.applies(sex: profile.sex, age: profile.age) }
        // Each rule's amount per serving of each held food, in the rule's measure; `nil` for a
        // food the rule does not select (each food is read once for all the rules).
        var selected = [[Double?]](repeating: [Double?](repeating: nil, count: foods.count), count: rules.count)
        for index in held {
            let food = foods[index]
            for rule in rules.indices where rules[rule].selectsAll || rules[rule].selects(food) {
                selected[rule][index] = rules[rule].amount(perServingOf: food)
            }
        }
        var caps: [PlanningProblem.FoodCap] = []
        for (rule, perServing) in zip(rules, selected) {
            let each = rule.perFood
            // Each group's items with their amounts, in entry order; built in one pass over the
            // entries' portions (a group per food for `each`, else one group for the rule).
            var groups = [[(index: Int, amount: Double)]](repeating: [], count: foods.count + 1)
            var used: [Int] = []
            for index in entries.indices {
                var amounts: [(group: Int, amount: Double)] = []
                for (portion, food) in zip(entries[index].portions, entries[index].foodIndices) {
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
            // The groups whose cap can bind, sorted by id.
            var bound: [PlanningProblem.FoodCap] = []
            for group in used {
                let members = groups[group]
                guard let (perDay, perWeek) = Self.binding(rule, members: members, weekly: weekly) else { continue }
                var amounts = [String: Double](minimumCapacity: members.count)
                for (index, amount) in members { amounts[entries[index].id] = amount }
                bound.append(PlanningProblem.FoodCap(id: group == whole ? rule.id : "\(rule.id):\(foods[group].id)",
                                                     maxPerDay: perDay, maxPerWeek: perWeek, amounts: amounts))
            }
            caps += bound.sorted { $0.id < $1.id }
        }
        return caps
    }

    /// The limits of a cap over one group's items that can bind (`nil` for one that cannot):
    /// per day when the items together (each once) exceed it, per week when the items at
    /// `weekly` days each exceed it.
    private static func binding(_ rule: FoodCapRule, members: [(index: Int, amount: Double)],
                                weekly: [Double]) -> (perDay: Double?, perWeek: Double?)? {
        var dayMax = 0.0, weekMax = 0.0
        for (index, amount) in members {
            dayMax += amount
            weekMax += amount * weekly[index]
        }
        let perDay = rule.maxPerDay.flatMap { dayMax > $0 + 1e-9 ? $0 : nil }
        let perWeek = rule.maxPerWeek.flatMap { weekMax > $0 + 1e-9 ? $0 : nil }
        guard perDay != nil || perWeek != nil else { return nil }
        return (perDay, perWeek)
    }
}
