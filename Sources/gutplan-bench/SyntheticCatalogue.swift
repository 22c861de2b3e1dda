import GutPlanKit

/// Deterministic synthetic planning problems for the benchmark (SplitMix64-seeded).
struct SyntheticCatalogue {
    static let weightedNutrients = 14

    /// `meals` meals split over the four meal slots (a fifth serve lunch or dinner), 15 additions,
    /// 14 weighted nutrients with targets and 3 upper-limit terms; every item has 0–5 plant species
    /// of 80, some are preferred for a nutrient, eggs (at most 2 a day, 7 a week) and fish (at
    /// most 3 a week) are capped foods, and `ul0` may be at most 2.5% of energy (a ratio limit).
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
        var eggs: [String: Double] = [:]
        var fish: [String: Double] = [:]
        func plants(_ count: Int) -> [String] {
            var list: [String] = []
            for _ in 0..<count { let name = "plant\(rng.int(80))"; if !list.contains(name) { list.append(name) } }
            return list
        }
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
            var item = PlanningProblem.Item(id: "meal\(m)", slots: slots, kcal: kcal, maxPerWeek: 2, noConsecutiveDays: true,
                                            amounts: amounts, preference: 0)
            item.plants = plants(rng.int(6))
            if rng.unit() < 0.15 { item.preferredFor = ["n\(3 * rng.int(5))"] }
            if rng.unit() < 0.08 { eggs[item.id] = Double(1 + rng.int(2)) }
            if rng.unit() < 0.10 { fish[item.id] = 1 }
            items.append(item)
        }
        for a in 0..<15 {
            let slot: Slot = a < 8 ? .fermented : .prebiotic
            var amounts = [Double](repeating: 0, count: N)
            for n in 0..<weightedNutrients where rng.unit() < 0.3 { amounts[n] = rng.uniform(2, 25) }
            var item = PlanningProblem.Item(id: "add\(a)", slots: [slot], kcal: rng.uniform(5, 200), maxPerWeek: 4,
                                            noConsecutiveDays: false, amounts: amounts, preference: 0)
            item.plants = plants(rng.int(2))
            items.append(item)
        }
        return PlanningProblem(days: 7, energy: 1600...2400, nutrients: nutrients, items: items,
                               ratioLimits: [.init(id: "ul0-share", numerator: "ul0", denominator: "energy", max: 0.025)],
                               foodCaps: [.init(id: "egg", maxPerDay: 2, maxPerWeek: 7, amounts: eggs),
                                          .init(id: "fish", maxPerDay: nil, maxPerWeek: 3, amounts: fish)])
    }
}
