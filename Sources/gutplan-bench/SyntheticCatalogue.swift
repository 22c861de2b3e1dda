import GutPlanKit

/// Deterministic synthetic planning problems for the benchmark (SplitMix64-seeded).
struct SyntheticCatalogue {
    static let weightedNutrients = 14

    /// `meals` meals split over the four meal slots (a fifth serve lunch or dinner), 15 additions,
    /// 14 weighted nutrients with targets and 3 upper-limit terms.
    static func problem(meals: Int, seed: UInt64) -> PlanningProblem {
        var rng = SplitMix64(seed: seed)
        var nutrients: [PlanningProblem.NutrientTerm] = []
        for n in 0..<weightedNutrients {
            nutrients.append(.init(id: "n\(n)", unit: "u", target: 100, weight: n % 3 == 0 ? 2 : 1, upperLimit: nil))
        }
        for u in 0..<3 {
            nutrients.append(.init(id: "ul\(u)", unit: "u", target: nil, weight: 0, upperLimit: 100))
        }
        let N = nutrients.count
        var items: [PlanningProblem.Item] = []
        let ranges: [(Slot, Double, Double)] = [(.breakfast, 250, 600), (.lunch, 350, 800), (.dinner, 400, 800), (.snack, 100, 350)]
        for m in 0..<meals {
            let (slot, lo, hi) = ranges[m % 4]
            var slots = [slot]
            if (slot == .lunch || slot == .dinner) && rng.unit() < 0.2 { slots = [.lunch, .dinner] }
            let kcal = rng.uniform(lo, hi)
            var amounts = [Double](repeating: 0, count: N)
            for n in 0..<weightedNutrients where rng.unit() < 0.7 {
                let strength = rng.unit()
                amounts[n] = 100 * kcal / 2000 * 2.2 * strength * strength
            }
            for u in 0..<3 where rng.unit() < 0.1 { amounts[weightedNutrients + u] = rng.uniform(5, 80) }
            items.append(.init(id: "meal\(m)", slots: slots, kcal: kcal, maxPerWeek: 2, noConsecutiveDays: true,
                               amounts: amounts, preference: rng.unit() < 0.1 ? 1 : 0))
        }
        for a in 0..<15 {
            let slot: Slot = a < 8 ? .fermented : .prebiotic
            var amounts = [Double](repeating: 0, count: N)
            for n in 0..<weightedNutrients where rng.unit() < 0.3 { amounts[n] = rng.uniform(2, 25) }
            items.append(.init(id: "add\(a)", slots: [slot], kcal: rng.uniform(5, 200), maxPerWeek: 4,
                               noConsecutiveDays: false, amounts: amounts, preference: 0))
        }
        return PlanningProblem(days: 7, energy: 1600...2400, nutrients: nutrients, items: items)
    }
}
