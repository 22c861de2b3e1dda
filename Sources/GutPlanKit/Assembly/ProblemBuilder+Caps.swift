/// Food caps for the problem, wherever the food appears, in meals and additions.
extension ProblemBuilder {
    /// One `FoodCap` per applying cap (per food for `each`), with each item's amount of the
    /// capped foods. A cap that no item can reach is left out, since it cannot bind: per day,
    /// when the items' amounts (each at most once a day) sum to at most `maxPerDay`; per week,
    /// when every item at its weekly maximum still stays at or under `maxPerWeek`.
    func foodCaps(items: [PlanningProblem.Item]) -> [PlanningProblem.FoodCap] {
        var caps: [PlanningProblem.FoodCap] = []
        let days = 7.0
        for rule in knowledge.foodCaps where rule.applies(sex: profile.sex, age: profile.age) {
            var groups: [(id: String, foods: Set<String>)] = []
            if rule.select == [.each] {
                var seen: [String] = []
                for entry in entries { for food in entry.foods where !seen.contains(food.id) { seen.append(food.id) } }
                groups = seen.sorted().map { (id: "\(rule.id):\($0)", foods: [$0]) }
            } else {
                groups = [(id: rule.id, foods: Set(knowledge.foods.filter { rule.selects($0) }.map(\.id)))]
            }
            for group in groups {
                var amounts: [String: Double] = [:]
                var dayMax = 0.0, weekMax = 0.0
                for (index, entry) in entries.enumerated() {
                    var amount = 0.0
                    for (portion, food) in zip(entry.portions, entry.foods) where group.foods.contains(food.id) {
                        amount += portion.servings * rule.amount(perServingOf: food)
                    }
                    guard amount > 0 else { continue }
                    amounts[entry.id] = amount
                    dayMax += amount
                    weekMax += amount * min(Double(items[index].maxPerWeek), days)
                }
                guard !amounts.isEmpty else { continue }
                let perDay = rule.maxPerDay.flatMap { dayMax > $0 + 1e-9 ? $0 : nil }
                let perWeek = rule.maxPerWeek.flatMap { weekMax > $0 + 1e-9 ? $0 : nil }
                guard perDay != nil || perWeek != nil else { continue }
                caps.append(PlanningProblem.FoodCap(id: group.id, maxPerDay: perDay, maxPerWeek: perWeek, amounts: amounts))
            }
        }
        return caps
    }
}
