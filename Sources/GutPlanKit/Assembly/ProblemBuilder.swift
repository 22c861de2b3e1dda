/// Turns a knowledge base, a profile and the engine's assessment into the planner's problem,
/// and the planner's solution back into a `MealPlan`.
struct ProblemBuilder {
    let knowledge: KnowledgeBase
    /// The person, with the energy band resolved.
    let profile: Profile
    let assessment: Assessment
    let options: PlanOptions
    /// 1-based week of the plan this problem is for.
    let week: Int
    let band: AgeBand
    /// Nutrients in the problem: weighted ones with a target, every one with an upper limit or
    /// a daily limit, and the numerators of energy-share limits.
    let terms: [Term]
    /// The nutrients the person's plan reports on (weighted, with a target), in knowledge-base order.
    let reported: [Nutrient]
    /// The allowed catalogue, aligned with `PlanningProblem.items`.
    let entries: [Entry]
    /// The daily target actually used for each reported nutrient, and how it was made.
    let targets: [String: TargetDerivation]
    /// Every meal's servings are multiplied by this (`portions.csv`; 1 = the standard portions).
    let portionScale: Double
    /// Each food's first household unit and each meal's first method, by id (looked up for
    /// every item of the week).
    let unitsByFood: [String: HouseholdUnit]
    let recipesByMeal: [String: Recipe]

    /// A column of the problem: a nutrient's amount times `scale` (saturated fat in kcal is
    /// 9 × grams), with its limit for this person.
    struct Term {
        var id: String
        var unit: String
        var nutrient: Nutrient
        var scale: Double
        var upperLimit: Double?
    }

    /// A meal or an addition that fits the diet, the exclusions and every zero cap.
    struct Entry {
        var kind: MealPlan.Kind
        var id: String
        var name: String
        var slots: [Slot]
        var portions: [Meal.Portion]
        /// The foods of `portions`, aligned.
        var foods: [Food]
        /// Where each of `foods` is in `KnowledgeBase.foods` (the first food of its id), aligned:
        /// per-food numbers are kept in arrays by this index rather than looked up by id.
        var foodIndices: [Int]
        var absorption: MealAbsorption?
        /// 1-based days the entry may be planned on (additions ramping up); `nil`: every day.
        var days: [Int]? = nil
    }

    static let mealMaxPerWeek = 2
    static let additionMaxPerWeek = 4

    /// `portionScale`: the meals' portion step; `nil` chooses it for the profile's energy band
    /// (`PortionScale.choose`). Later weeks and swaps pass the step of the plan they continue.
    init(knowledge: KnowledgeBase, profile: Profile, assessment: Assessment, options: PlanOptions = PlanOptions(),
         week: Int = 1, portionScale: Double? = nil) {
        self.options = options
        self.week = week
        self.knowledge = knowledge
        self.profile = profile
        self.assessment = assessment
        let band = AgeBand(age: profile.age) ?? .from19to30
        self.band = band
        let sex = profile.sex
        let weight = { (n: Nutrient) in assessment.weights[n.id] ?? 0 }
        let limits = knowledge.limits

        var terms: [Term] = []
        for nutrient in knowledge.nutrients {
            var limit = nutrient.upperLimit(band: band)
            for daily in limits where daily.kind == .dailyMax && daily.nutrient == nutrient.id {
                limit = min(limit ?? daily.max, daily.max)
            }
            let weighted = weight(nutrient) > 0 && (nutrient.target(sex: sex, band: band) ?? 0) > 0
            let inRatio = limits.contains { $0.kind == .per1000kcal && $0.nutrient == nutrient.id }
            if weighted || limit != nil || inRatio {
                terms.append(Term(id: nutrient.id, unit: nutrient.unit, nutrient: nutrient, scale: 1, upperLimit: limit))
            }
        }
        for share in limits where share.kind == .energyShare {
            guard let nutrient = knowledge.nutrient(id: share.nutrient) else { continue }
            terms.append(Term(id: "\(nutrient.id)-kcal", unit: "kcal", nutrient: nutrient,
                              scale: share.kcalPerUnit ?? 1, upperLimit: nil))
        }
        self.terms = terms
        reported = knowledge.nutrients.filter { weight($0) > 0 && ($0.target(sex: sex, band: band) ?? 0) > 0 }
        var targets: [String: TargetDerivation] = [:]
        for nutrient in reported {
            let limit = terms.first { $0.id == nutrient.id }?.upperLimit
            targets[nutrient.id] = TargetDerivation(nutrient: nutrient, sex: sex, band: band, assessment: assessment,
                                                    limit: limit)
        }
        self.targets = targets
        unitsByFood = HouseholdAmount.unitIndex(knowledge.units)
        var recipesByMeal: [String: Recipe] = [:]
        for recipe in knowledge.recipes where recipesByMeal[recipe.meal] == nil { recipesByMeal[recipe.meal] = recipe }
        self.recipesByMeal = recipesByMeal
        let allowed = { (scale: Double) in
            Self.allowedEntries(knowledge: knowledge, profile: profile, assessment: assessment, options: options, portionScale: scale)
        }
        let (scale, entries) = portionScale.map { ($0, allowed($0)) }
            ?? Self.portionScale(knowledge: knowledge, band: profile.energyBand, entries: allowed)
        self.portionScale = scale
        self.entries = week == 1 && Self.rampsUp(knowledge: knowledge, profile: profile, options: options)
            ? Self.rampedEntries(entries, steps: knowledge.ramp, knowledge: knowledge, diet: profile.diet) : entries
    }

    /// Meals whose every food fits, then one-serving additions of the foods the rules added (a
    /// food added in both roles is one item in two slots). Items holding a food that a cap
    /// allows zero of (fish to avoid) are left out. In the low-FODMAP elimination phase every
    /// portion must be low-FODMAP at its amount (`Food.isLowFODMAP(servings:)`), additions too.
    /// Meals come at `portionScale` times their servings; in the low-FODMAP phase a food that is
    /// low-FODMAP only at one serving grows at most to that serving.
    static func allowedEntries(knowledge: KnowledgeBase, profile: Profile, assessment: Assessment,
                               options: PlanOptions, portionScale: Double = 1) -> [Entry] {
        let excludedTags = profile.diet.excludedTags.union(profile.exclude).union(assessment.avoid)
        let foods = knowledge.foods
        let indexByID = knowledge.foodIndexByID()
        let zeroCaps = zeroCaps(knowledge: knowledge, profile: profile)
        // The test of every food once, by index, rather than once per portion that holds it.
        let allowedFood = foods.map { whyLeftOut($0, profile: profile, assessment: assessment, zeroCaps: zeroCaps) == nil }
        let absorption = knowledge.absorption.map { model in
            (parameters: MealAbsorption.Parameters(model: model, diet: profile.diet), facts: foods.map(MealAbsorption.FoodFacts.init))
        }
        func entry(_ kind: MealPlan.Kind, _ id: String, _ name: String, _ slots: [Slot], _ portions: [Meal.Portion],
                   _ indices: [Int]) -> Entry {
            Entry(kind: kind, id: id, name: name, slots: slots, portions: portions, foods: indices.map { foods[$0] },
                  foodIndices: indices,
                  absorption: absorption.map { model in
                      MealAbsorption(portions: zip(indices, portions).map { (model.facts[$0], $1.servings) },
                                     parameters: model.parameters)
                  })
        }
        let fodmapFits = { (portions: [Meal.Portion], indices: [Int]) -> Bool in
            !profile.lowFODMAP || zip(portions, indices).allSatisfy { foods[$1].isLowFODMAP(servings: $0.servings) }
        }
        // In the low-FODMAP phase a food grows only up to the one serving its status was measured
        // at (never below its standard servings); FODMAP-free foods grow in full.
        let scaled = { (meal: Meal, indices: [Int]) -> [Meal.Portion] in
            guard portionScale != 1 else { return meal.portions }
            return zip(meal.portions, indices).map { portion, index in
                var servings = portion.servings * portionScale
                if profile.lowFODMAP, !foods[index].isLowFODMAP(servings: servings) {
                    servings = max(portion.servings, min(servings, 1))
                }
                return Meal.Portion(food: portion.food, servings: servings)
            }
        }
        var entries: [Entry] = []
        for meal in knowledge.meals where !excludedTags.contains(meal.id) {
            var indices: [Int] = []
            for portion in meal.portions {
                guard let index = indexByID[portion.food], allowedFood[index] else { break }
                indices.append(index)
            }
            guard indices.count == meal.portions.count else { continue }
            let portions = scaled(meal, indices)
            guard fodmapFits(portions, indices) else { continue }
            let slots = meal.slots.filter { slot in
                guard let limit = options.maxMinutes[slot] else { return true }
                // A meal without a written method has unknown times, so a limit leaves it out.
                return (knowledge.recipes.first { $0.meal == meal.id }?.totalMinutes).map { $0 <= limit } ?? false
            }
            if !slots.isEmpty { entries.append(entry(.meal, meal.id, meal.name, slots, portions, indices)) }
        }
        var additionIndex: [String: Int] = [:]
        for (slot, tag) in [(Slot.fermented, "fermented"), (Slot.prebiotic, "prebiotic")] {
            for (food, _) in assessment.additions[slot] ?? [] {
                let portions = [Meal.Portion(food: food, servings: 1)]
                guard let index = indexByID[food], allowedFood[index], foods[index].tags.contains(tag),
                      fodmapFits(portions, [index]) else { continue }
                if let at = additionIndex[food] {
                    entries[at].slots.append(slot)
                } else {
                    additionIndex[food] = entries.count
                    entries.append(entry(slot == .fermented ? .fermented : .prebiotic, food, foods[index].name, [slot],
                                         portions, [index]))
                }
            }
        }
        return entries
    }

    /// Amount of a nutrient eaten in an entry; unknown values count as 0. Reads the entry's own
    /// foods (aligned with its portions) rather than looking each one up by id. Static, so the
    /// portion step can be chosen before a builder exists.
    static func eaten(_ nutrient: Nutrient, in entry: Entry, knowledge: KnowledgeBase) -> Double {
        guard entry.foods.count == entry.portions.count else {
            return knowledge.amount(of: nutrient, in: entry.portions) ?? 0
        }
        var total = 0.0
        for index in entry.portions.indices {  // by index: no copy of each food
            if let amount = knowledge.amount(of: nutrient, in: entry.foods[index]) {
                total += amount * entry.portions[index].servings
            }
        }
        return total
    }

    /// The eaten amount of each of `nutrients` in an entry (unknown values count as 0), with each
    /// food's per-serving amounts looked up once for the catalogue (`perServing`, by food index:
    /// empty until first needed) rather than once per item that holds the food. The same sums in
    /// the same order as `eaten(_:in:knowledge:)`. Static, so the portion step can be chosen
    /// before a builder exists.
    static func eatenAmounts(of entry: Entry, nutrients: [Nutrient], perServing: inout [[Double?]],
                             knowledge: KnowledgeBase) -> [Double] {
        guard entry.foodIndices.count == entry.portions.count else {
            return nutrients.map { eaten($0, in: entry, knowledge: knowledge) }
        }
        var totals = [Double](repeating: 0, count: nutrients.count)
        var measures: [Nutrient.Measure] = []  // the nutrients' measures, once a food is new
        for index in entry.portions.indices {
            let food = entry.foodIndices[index]
            if perServing[food].count != nutrients.count {
                if measures.count != nutrients.count { measures = nutrients.map { $0.measure } }
                perServing[food] = amounts(measures, in: knowledge.foods[food])
            }
            let servings = entry.portions[index].servings
            perServing[food].withUnsafeBufferPointer { amounts in
                for nutrient in amounts.indices {
                    if let amount = amounts[nutrient] { totals[nutrient] += amount * servings }
                }
            }
        }
        return totals
    }

    /// A food's amount per serving of each measure (`nil`: not reported; `Nutrient.Measure.amount(in:)`).
    static func amounts(_ measures: [Nutrient.Measure], in food: Food) -> [Double?] {
        measures.map { $0.amount(in: food) }
    }

    /// How the score counts a term: what is eaten, or absorbed iron or calcium (`MealAbsorption`).
    enum Counting {
        case eaten, iron, calcium

        init(_ term: Term) {
            guard term.scale == 1 else {
                self = .eaten
                return
            }
            switch term.nutrient.measure {
            case .column("iron_mg"): self = .iron
            case .column("calcium_mg"): self = .calcium
            default: self = .eaten
            }
        }
    }

    /// Amount of a term that the score counts: absorbed iron and calcium, else what is eaten
    /// (`amount`, the eaten amount); `counting` is the term's `Counting`.
    func counted(_ counting: Counting, in entry: Entry, eaten amount: Double) -> Double {
        guard let absorption = entry.absorption else { return amount }
        switch counting {
        case .iron: return amount * absorption.ironFactor
        case .calcium: return absorption.countedCalcium
        case .eaten: return amount
        }
    }

    /// Daily supplement of each term, from the person's supplements through `supplements.csv`
    /// (a nutrient without a row counts once as itself).
    func supplement(of term: Term) -> Double {
        guard term.scale == 1 else { return 0 }
        var total = 0.0
        for (id, amount) in profile.supplements {
            let counts = knowledge.supplementCounts.filter { $0.supplement == id }
            if counts.isEmpty {
                if id == term.nutrient.id { total += amount }
            } else {
                for count in counts where count.countsAs == term.nutrient.id { total += amount * count.factor }
            }
        }
        return total
    }

    /// Supplements above a limit that applies to supplements only (magnesium 350 mg), as
    /// messages; empty when none is.
    func supplementProblems() -> [String] {
        var problems: [String] = []
        for (id, amount) in profile.supplements.sorted(by: { $0.key < $1.key }) {
            for count in knowledge.supplementCounts where count.supplement == id {
                if let limit = count.limit, amount > limit {
                    let name = knowledge.nutrient(id: id)?.name ?? id
                    problems.append("the \(name) supplement (\(Self.number(amount)) \(knowledge.nutrient(id: id)?.unitSymbol ?? "")) "
                        + "is above the \(Self.number(limit)) upper limit for supplements alone")
                }
            }
        }
        return problems
    }

    static func number(_ value: Double) -> String { DecimalText.format(value, maxFractionDigits: 2) }

    /// The planning problem: every allowed item with its eaten and counted amounts, plants and
    /// preferred nutrients; the reported nutrients' targets, weights and supplements; every
    /// upper and daily limit, energy-share limit and food cap. It checks nothing: the planner
    /// finds infeasibility.
    func problem() -> PlanningProblem {
        let foods = knowledge.foods
        let energy = knowledge.nutrient(id: "energy")
        let counting = terms.map(Counting.init)
        // What every item needs of its foods, once per food (by index) rather than per portion:
        // the reported nutrients the rules prefer it for (by index into `reported`), and its
        // plant's place among the plants sorted (`String` order, as the items' lists are).
        let preferredFor = preferredNutrients()
        var reportedIndices: [String: [Int]] = [:]
        for (index, nutrient) in reported.enumerated() { reportedIndices[nutrient.id, default: []].append(index) }
        var preferred = [[Int]](repeating: [], count: foods.count)
        var plantRank = [Int?](repeating: nil, count: foods.count)
        var plantNames = Set<String>()
        var seen = [Bool](repeating: false, count: foods.count)
        for entry in entries {
            for index in entry.foodIndices where !seen[index] {
                seen[index] = true
                preferred[index] = (preferredFor[foods[index].id] ?? []).flatMap { reportedIndices[$0] ?? [] }
                if let plant = foods[index].plant { plantNames.insert(plant) }
            }
        }
        var rankOfPlant: [String: Int] = [:]
        for (rank, plant) in plantNames.sorted().enumerated() { rankOfPlant[plant] = rank }
        for index in foods.indices where seen[index] { plantRank[index] = foods[index].plant.flatMap { rankOfPlant[$0] } }

        // Every term's nutrient, then energy: the items' kcal come from the same per-food rows.
        let read = terms.map(\.nutrient) + (energy.map { [$0] } ?? [])
        let scales = terms.map(\.scale)
        var perServing = [[Double?]](repeating: [], count: foods.count)
        let items = entries.map { entry in
            let eaten = Self.eatenAmounts(of: entry, nutrients: read, perServing: &perServing, knowledge: knowledge)
            var amounts = [Double](repeating: 0, count: terms.count)
            for term in terms.indices { amounts[term] = eaten[term] * scales[term] }
            var countedAmounts = amounts
            for term in terms.indices { countedAmounts[term] = counted(counting[term], in: entry, eaten: amounts[term]) }
            // Distinct plants in order of first appearance (the first spelling of each), sorted.
            var plants: [(rank: Int, name: String)] = []
            var prefers = [Bool](repeating: false, count: reported.count)
            for index in entry.foodIndices {
                if let rank = plantRank[index], !plants.contains(where: { $0.rank == rank }), let plant = foods[index].plant {
                    plants.append((rank, plant))
                }
                for nutrient in preferred[index] { prefers[nutrient] = true }
            }
            plants.sort { $0.rank < $1.rank }
            return PlanningProblem.Item(
                id: entry.id, slots: entry.slots, kcal: energy == nil ? 0 : eaten[terms.count],
                maxPerWeek: entry.kind == .meal ? Self.mealMaxPerWeek : Self.additionMaxPerWeek,
                noConsecutiveDays: entry.kind == .meal, amounts: amounts, preference: 0,
                counted: countedAmounts == amounts ? nil : countedAmounts, plants: plants.map(\.name),
                preferredFor: reported.indices.filter { prefers[$0] }.map { reported[$0].id }, days: entry.days)
        }
        let nutrients = terms.map { term in
            let target = targets[term.id].map(\.target)
            let weight = target == nil ? 0 : (assessment.weights[term.id] ?? 0)
            return PlanningProblem.NutrientTerm(id: term.id, unit: term.unit, target: target, weight: weight,
                                                upperLimit: term.upperLimit, supplement: supplement(of: term))
        }
        let ratios = knowledge.limits.compactMap { limit -> PlanningProblem.RatioLimit? in
            switch limit.kind {
            case .dailyMax: return nil
            case .energyShare:
                return .init(id: limit.id, numerator: "\(limit.nutrient)-kcal", denominator: "energy", max: limit.max)
            case .per1000kcal:
                return .init(id: limit.id, numerator: limit.nutrient, denominator: "energy", max: limit.max / 1000)
            }
        }
        return PlanningProblem(energy: profile.energyBand, nutrients: nutrients, items: items, ratioLimits: ratios,
                               foodCaps: foodCaps(items: items) + rampCaps(),
                               fixed: options.locks.map { .init(day: $0.day, slot: $0.slot, item: $0.item) })
    }

    /// For each preferred food, the weighted nutrients of the rules that prefer it: the flags
    /// that made the rule fire, and the nutrients the rule itself targets.
    func preferredNutrients() -> [String: [String]] {
        let reportedIDs = Set(reported.map(\.id))
        var result: [String: [String]] = [:]
        for firing in assessment.firings {
            var nutrients: [String] = []
            for fact in firing.because { if case .flag(let id, _) = fact { nutrients.append(id) } }
            var foods: [String] = []
            for action in firing.actions {
                switch action {
                case .prefer(let list): foods += list.map(\.name)
                case .target(let n, _), .scaleTarget(let n, _), .setTarget(let n, _, _): nutrients.append(n.name)
                default: break
                }
            }
            nutrients.removeAll { !reportedIDs.contains($0) }
            guard !nutrients.isEmpty else { continue }
            for food in foods {
                var list = result[food] ?? []
                for id in nutrients where !list.contains(id) { list.append(id) }
                result[food] = list
            }
        }
        return result
    }

    /// One stress step per day from the steps the rules schedule, rotating so that no step falls
    /// on two days in a row when there are two or more; the seed picks the starting step.
    func stressSchedule(seed: UInt64, days: Int) throws(PlanningFailure) -> [StressStep] {
        let steps = assessment.steps.compactMap { scheduled in knowledge.steps.first { $0.id == scheduled.step } }
        guard !steps.isEmpty else {
            throw PlanningFailure("no stress-management step: the rules that fired schedule none")
        }
        let start = Int(seed % UInt64(steps.count))
        return (0..<days).map { steps[(start + $0) % steps.count] }
    }
}
