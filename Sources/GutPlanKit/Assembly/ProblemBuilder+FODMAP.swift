/// The low-FODMAP elimination phase: which slots the catalogue cannot fill.
extension ProblemBuilder {
    /// For the low-FODMAP phase, a message for each planned slot that the low-FODMAP items left
    /// for this diet cannot fill on every day of the week within their weekly limits (meals at
    /// most `mealMaxPerWeek` and never on consecutive days, additions at most
    /// `additionMaxPerWeek` over all their servings); empty otherwise. A necessary condition
    /// only: the planner finds what else makes a week impossible.
    func fodmapProblems(days: Int = 7) -> [String] {
        guard profile.lowFODMAP else { return [] }
        var problems: [String] = []
        for slot in Slot.planned {
            let candidates = entries.filter { $0.slots.contains(slot) }
            let isMeal = Slot.meals.contains(slot)
            var capacity = 0
            var names: [String] = []
            if isMeal {
                // Never on consecutive days: at most ceil(days / 2) uses.
                capacity = candidates.count * min(Self.mealMaxPerWeek, (days + 1) / 2)
            } else {
                var foods: [String] = []
                for entry in candidates {
                    let food = entry.portions.first?.food ?? entry.id
                    if !foods.contains(food) {
                        foods.append(food)
                        names.append(knowledge.food(id: food)?.name ?? food)
                    }
                }
                capacity = foods.count * min(Self.additionMaxPerWeek, days)
            }
            guard capacity < days else { continue }
            let noun = isMeal ? "\(slot.rawValue) meal" : "\(slot.rawValue) addition"
            var text = "low-FODMAP: the \(slot.rawValue) slot cannot be filled on all \(days) days: "
            if candidates.isEmpty {
                text += "no \(noun) is low-FODMAP at its serving for this diet and these exclusions"
            } else if isMeal {
                text += "only \(candidates.count) \(noun)\(candidates.count == 1 ? " is" : "s are") low-FODMAP for this diet, "
                    + "enough for \(capacity) days (each at most \(Self.mealMaxPerWeek) a week, never on consecutive days)"
            } else {
                text += "only \(names.joined(separator: ", ")) \(names.count == 1 ? "is" : "are") low-FODMAP among the "
                    + "\(slot.rawValue) foods for this diet, enough for \(capacity) days (each at most \(Self.additionMaxPerWeek) a week)"
            }
            problems.append(text)
        }
        return problems
    }
}
