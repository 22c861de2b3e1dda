/// Choosing the meals' portion step for a person's energy band (`Rules/portions.csv`).
extension ProblemBuilder {
    /// The smallest step of `knowledge.portionScales` at which a typical day reaches the lower end
    /// of `band`: the median meal of each meal slot plus the median addition of each addition
    /// slot, over the items `entries(step)` allows at that step (additions are never scaled; in
    /// the low-FODMAP phase some foods grow less). The largest step when none does (the planner
    /// then names the energy band); 1 without steps. Medians are the lower middle of the items'
    /// kcal, so the choice is deterministic. Returns the step and its entries.
    static func portionScale(knowledge: KnowledgeBase, band: ClosedRange<Double>,
                             entries: (Double) -> [Entry]) -> (scale: Double, entries: [Entry]) {
        let standard = entries(1)
        guard let energy = knowledge.nutrient(id: "energy"), typicalDay(standard, energy: energy, knowledge: knowledge) < band.lowerBound
        else { return (1, standard) }
        var chosen = (scale: 1.0, entries: standard)
        for step in knowledge.portionScales.map(\.scale) where step > 1 {
            chosen = (step, entries(step))
            if typicalDay(chosen.entries, energy: energy, knowledge: knowledge) >= band.lowerBound { break }
        }
        return chosen
    }

    /// kcal of a typical day: the sum over the planned slots of the median item's kcal.
    static func typicalDay(_ entries: [Entry], energy: Nutrient, knowledge: KnowledgeBase) -> Double {
        // Once per entry (not per slot), each food's energy read once.
        var perServing = [[Double?]](repeating: [], count: knowledge.foods.count)
        let kcal = entries.map { eatenAmounts(of: $0, nutrients: [energy], perServing: &perServing, knowledge: knowledge)[0] }
        var total = 0.0
        for slot in Slot.planned {
            let inSlot = entries.indices.filter { entries[$0].slots.contains(slot) }.map { kcal[$0] }.sorted()
            if !inSlot.isEmpty { total += inSlot[(inSlot.count - 1) / 2] }
        }
        return total
    }
}
