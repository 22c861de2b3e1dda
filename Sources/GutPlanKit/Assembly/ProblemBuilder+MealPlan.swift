extension ProblemBuilder {
    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Assembles the finished week from the planner's solution.
    func mealPlan(problem: PlanningProblem, solution: PlanSolution, steps: [StressStep]) -> MealPlan {
        let targetValues = targets.mapValues(\.target)
        let supplements = Dictionary(uniqueKeysWithValues: problem.nutrients.map { ($0.id, $0.supplement) })
        let reporting = Reporting(self)
        // A day's sums by key, in arrays: `totals` over `kcal` and every term, `counted` over the
        // reported nutrients and every term with a target (each term adds to its key's slot).
        var totalKeys = ["kcal"]
        let totalSlot = terms.map { term -> Int in
            if let at = totalKeys.firstIndex(of: term.id) { return at }
            totalKeys.append(term.id)
            return totalKeys.count - 1
        }
        var countedKeys: [String] = []
        for nutrient in reported where !countedKeys.contains(nutrient.id) { countedKeys.append(nutrient.id) }
        // Reported nutrients start from their supplements; other keys from 0 once an item adds to them.
        let countedStart = countedKeys.map { supplements[$0] ?? 0 }
        let reportedKeys = countedKeys.count
        let countedSlot = terms.indices.map { term -> Int? in
            guard reporting.termTargets[term] != nil else { return nil }
            if let at = countedKeys.firstIndex(of: terms[term].id) { return at }
            countedKeys.append(terms[term].id)
            return countedKeys.count - 1
        }
        let coverageOf = targetValues.map { (id: $0.key, target: $0.value, slot: countedKeys.firstIndex(of: $0.key)) }
        var days: [MealPlan.Day] = []
        var servings: [String: Double] = [:]
        var usedOn: [String: [Int]] = [:]
        var foodCounted = [Double](repeating: 0, count: countedKeys.count)
        for (dayIndex, chosen) in solution.days.enumerated() {
            var items: [MealPlan.Item] = []
            var totals = [Double](repeating: 0, count: totalKeys.count)
            var counted = countedStart + [Double](repeating: 0, count: countedKeys.count - reportedKeys)
            for (slotIndex, itemIndex) in chosen.enumerated() {
                let entry = entries[itemIndex]
                let problemItem = problem.items[itemIndex]
                items.append(item(entry, problemItem, slot: problem.slots[slotIndex], reporting: reporting))
                for term in terms.indices {
                    totals[totalSlot[term]] += problemItem.amounts[term]
                    if let slot = countedSlot[term] {
                        let amount = problemItem.counted?[term] ?? problemItem.amounts[term]
                        counted[slot] += amount
                        foodCounted[slot] += amount
                    }
                }
                totals[0] += problemItem.kcal
                for portion in entry.portions {
                    servings[portion.food, default: 0] += portion.servings
                    if usedOn[portion.food]?.last != dayIndex + 1 { usedOn[portion.food, default: []].append(dayIndex + 1) }
                }
            }
            if dayIndex < steps.count { items.append(stressItem(steps[dayIndex])) }
            var coverage: [String: Double] = [:]
            for (id, target, slot) in coverageOf { coverage[id] = min(1, (slot.map { counted[$0] } ?? 0) / target) }
            // A day without items has only `kcal` and the reported nutrients (no item added the rest).
            let keys = (totals: chosen.isEmpty ? 1 : totalKeys.count, counted: chosen.isEmpty ? reportedKeys : countedKeys.count)
            days.append(MealPlan.Day(number: dayIndex + 1, name: Self.dayNames[dayIndex % 7], items: items,
                                     totals: Dictionary(uniqueKeysWithValues: zip(totalKeys.prefix(keys.totals), totals)),
                                     counted: Dictionary(uniqueKeysWithValues: zip(countedKeys.prefix(keys.counted), counted)),
                                     coverage: coverage))
        }
        var resolved = profile
        resolved.energy = profile.energyBand
        var limits: [String: Double] = [:]
        for term in problem.nutrients { if let limit = term.upperLimit { limits[term.id] = limit } }
        var plan = MealPlan(profile: resolved, flags: assessment.flags.mapValues(\.status), score: solution.score,
                        upperBound: solution.upperBound, days: days,
                        nutrients: summaries(days: days, supplements: supplements,
                                             foodCounted: Dictionary(uniqueKeysWithValues: zip(countedKeys, foodCounted))),
                        upperLimits: limits, notes: assessment.notes, shopping: shopping(servings, usedOn: usedOn),
                        supplements: profile.supplements, limits: limitSummaries(days),
                        plants: plants(problem: problem, solution: solution))
        plan.portionScale = portionScale
        for id in profile.supplements.keys {
            if let nutrient = knowledge.nutrient(id: id) { plan.supplementNames[id] = [nutrient.name, nutrient.unitSymbol] }
        }
        return plan
    }

    /// The daily targets of the terms and the reported nutrients, resolved once for a plan's items.
    struct Reporting {
        /// Each term's daily target; `nil` for a term that is not reported.
        var termTargets: [Double?]
        /// Each reported nutrient's target, and the terms of its id that have one, in order.
        var reportedTargets: [Double?]
        var reportedTerms: [[Int]]
        /// The targets of iron and calcium, which absorption factors are shown for.
        var iron: Double?
        var calcium: Double?

        init(_ builder: ProblemBuilder) {
            let targets = builder.targets.mapValues(\.target)
            termTargets = builder.terms.map { targets[$0.id] }
            reportedTargets = builder.reported.map { targets[$0.id] }
            reportedTerms = builder.reported.map { nutrient in
                builder.terms.indices.filter { builder.terms[$0].id == nutrient.id && targets[nutrient.id] != nil }
            }
            iron = targets["iron"]
            calcium = targets["calcium"]
        }
    }

    /// One planned meal or addition, with what it brings and what counts of it.
    func item(_ entry: Entry, _ problemItem: PlanningProblem.Item, slot: Slot, reporting: Reporting) -> MealPlan.Item {
        var amounts = [String: Double](minimumCapacity: terms.count), counted: [String: Double] = [:]
        for term in terms.indices where reporting.termTargets[term] != nil {
            amounts[terms[term].id] = problemItem.amounts[term]
            if let value = problemItem.counted?[term], value != problemItem.amounts[term] { counted[terms[term].id] = value }
        }
        var factors: [MealPlan.Factor] = []
        if let absorption = entry.absorption {
            if let eaten = amounts["iron"], eaten > 0, reporting.iron != nil {
                factors.append(.init(nutrient: "iron", factor: absorption.ironFactor, reason: absorption.ironReason))
            }
            if reporting.calcium != nil, absorption.eatenCalcium > 0, !absorption.calciumReasons.isEmpty {
                let names = absorption.calciumReasons.map { reason in
                    "\(knowledge.food(id: reason.food)?.name ?? reason.food) (\(Self.number(reason.absorption))× milk)"
                }
                factors.append(.init(nutrient: "calcium", factor: absorption.countedCalcium / absorption.eatenCalcium,
                                     reason: "oxalate-rich greens absorb less calcium than milk: " + names.joined(separator: ", ")))
            }
        }
        // What counts of each reported nutrient (the counted amount where it differs from the
        // eaten one), against a tenth of its target: the same values `counted` and `amounts` hold.
        var covers: [String] = []
        for (index, nutrient) in reported.enumerated() {
            var eaten: Double?, differs: Double?
            for term in reporting.reportedTerms[index] {
                eaten = problemItem.amounts[term]
                if let value = problemItem.counted?[term], value != problemItem.amounts[term] { differs = value }
            }
            if (differs ?? eaten ?? 0) >= 0.1 * (reporting.reportedTargets[index] ?? .infinity) { covers.append(nutrient.id) }
        }
        var item = MealPlan.Item(slot: slot, kind: entry.kind, id: entry.id, name: entry.name, kcal: problemItem.kcal,
                                 foods: entry.portions, nutrients: amounts, counted: counted, factors: factors,
                                 covers: covers, why: reasons(for: entry), detail: nil)
        item.ingredients = ingredients(of: entry)
        if entry.kind == .meal, let recipe = recipesByMeal[entry.id] {
            item.method = recipe.steps
            item.prepMinutes = recipe.prepMinutes
            item.cookMinutes = recipe.cookMinutes
        }
        return item
    }

    /// The entry's foods in a cook's measures for everyone at the table; a food without a
    /// household unit is given in grams. A food that a meal holds twice is measured at its first portion (with the first measure
    /// its portions give) and in grams at the later ones.
    func ingredients(of entry: Entry) -> [MealPlan.Ingredient] {
        let people = max(options.servings, 1)
        let portions = entry.portions
        var measured: [String] = []
        return zip(portions.indices, entry.foods).map { index, food in
            if !measured.contains(food.id) {
                measured.append(food.id)
                for later in index..<portions.count where portions[later].food == food.id {
                    guard let amount = HouseholdAmount.ingredients(of: [portions[later]], people: people, food: { _ in food },
                                                                   unit: unitsByFood).amounts.first else { continue }
                    return MealPlan.Ingredient(food: food.id, amount: amount.amount, unit: amount.unit, grams: amount.grams,
                                               text: amount.text)
                }
            }
            let grams = (food.grams * portions[index].servings * Double(people)).rounded()
            return MealPlan.Ingredient(food: food.id, amount: grams, unit: "g", grams: grams,
                                       text: "\(DecimalText.format(grams, maxFractionDigits: 0)) g \(food.name)")
        }
    }

    func stressItem(_ step: StressStep) -> MealPlan.Item {
        MealPlan.Item(slot: .stress, kind: .stress, id: step.id, name: step.name, kcal: nil, foods: [], nutrients: [:],
                      covers: [], why: assessment.steps.filter { $0.step == step.id }.map(\.rule),
                      detail: "\(step.minutes) min: \(step.how)")
    }

    func summaries(days: [MealPlan.Day], supplements: [String: Double], foodCounted: [String: Double]) -> [MealPlan.NutrientSummary] {
        reported.compactMap { nutrient in
            guard let derivation = targets[nutrient.id] else { return nil }
            let supplement = supplements[nutrient.id] ?? 0
            let food = foodCounted[nutrient.id] ?? 0
            let total = food + supplement * Double(days.count)
            let mean = days.isEmpty ? 0 : days.reduce(0) { $0 + ($1.coverage[nutrient.id] ?? 0) } / Double(days.count)
            return MealPlan.NutrientSummary(
                id: nutrient.id, name: nutrient.name, unit: nutrient.unit, csvName: nutrient.csvName,
                target: derivation.target, reference: derivation.reference, basis: derivation.text(unit: nutrient.unitSymbol),
                weight: assessment.weights[nutrient.id] ?? 0, status: assessment.flags[nutrient.id]?.status,
                supplement: supplement, mean: mean, foodShare: total > 0 ? food / total : 1)
        }
    }

    /// The week's shopping for everyone at the table, by aisle, in what a shop sells (eggs by
    /// count, grains and legumes dry, milk in litres); a food without a shopping row is listed
    /// in grams under `other`.
    func shopping(_ servings: [String: Double], usedOn: [String: [Int]]) -> [MealPlan.ShoppingEntry] {
        let people = Double(max(options.servings, 1))
        var eaten: [String: Double] = [:]
        for (id, count) in servings { if let food = knowledge.food(id: id) { eaten[id] = count * food.grams * people } }
        let list = ShoppingQuantity.list(eaten: eaten, info: knowledge.shoppingInfo)
        var entries: [MealPlan.ShoppingEntry] = list.items.map { quantity in
            var entry = MealPlan.ShoppingEntry(food: quantity.food, name: quantity.item,
                                               servings: quantity.foods.reduce(0) { $0 + (servings[$1] ?? 0) * people },
                                               grams: quantity.foods.reduce(0) { $0 + (eaten[$1] ?? 0) })
            entry.aisle = quantity.aisle.rawValue
            entry.item = quantity.item
            entry.quantity = quantity.quantity
            entry.unit = quantity.unit
            entry.boughtGrams = quantity.grams
            entry.usedOn = Array(Set(quantity.foods.flatMap { usedOn[$0] ?? [] })).sorted()
            return entry
        }
        for id in list.skipped {
            guard let food = knowledge.food(id: id), let count = servings[id] else { continue }
            var entry = MealPlan.ShoppingEntry(food: id, name: food.name, servings: count * people, grams: count * food.grams * people)
            entry.item = food.name
            entry.quantity = (entry.grams).rounded(.up)
            entry.boughtGrams = entry.quantity
            entry.usedOn = usedOn[id] ?? []
            entries.append(entry)
        }
        return entries
    }

    /// Each daily limit's value on each day: a total (sodium mg), a share of energy (saturated
    /// fat, %) or a density (fibre, g per 1000 kcal).
    func limitSummaries(_ days: [MealPlan.Day]) -> [MealPlan.LimitSummary] {
        knowledge.limits.map { limit in
            let unitSymbol = knowledge.nutrient(id: limit.nutrient)?.unitSymbol ?? ""
            switch limit.kind {
            case .dailyMax:
                return .init(id: limit.id, name: limit.name, unit: unitSymbol, max: limit.max,
                             days: days.map { $0.totals[limit.nutrient] ?? 0 }, source: limit.source)
            case .energyShare:
                return .init(id: limit.id, name: limit.name, unit: "% of energy", max: limit.max * 100,
                             days: days.map { day in
                                 let kcal = day.totals["kcal"] ?? 0
                                 return kcal > 0 ? 100 * (day.totals["\(limit.nutrient)-kcal"] ?? 0) / kcal : 0
                             }, source: limit.source)
            case .per1000kcal:
                return .init(id: limit.id, name: limit.name, unit: "\(unitSymbol) per 1000 kcal", max: limit.max,
                             days: days.map { day in
                                 let kcal = day.totals["kcal"] ?? 0
                                 return kcal > 0 ? 1000 * (day.totals[limit.nutrient] ?? 0) / kcal : 0
                             }, source: limit.source)
            }
        }
    }

    /// Distinct plant species in the week, and the simple proven bound: no week holds more
    /// species than the allowed items do, nor counts more than the cap.
    func plants(problem: PlanningProblem, solution: PlanSolution) -> MealPlan.Plants {
        var eaten = Set<String>()
        for day in solution.days { for index in day { eaten.formUnion(problem.items[index].plants) } }
        let available = Set(problem.items.flatMap(\.plants)).count
        return MealPlan.Plants(count: eaten.count, value: min(problem.plantsCap, eaten.count),
                               bound: min(problem.plantsCap, available), cap: problem.plantsCap, foods: eaten.sorted())
    }

    /// The rules behind an item: those that prefer one of its foods, or that added it.
    func reasons(for entry: Entry) -> [String] {
        var rules: [String] = []
        for portion in entry.portions {
            for rule in assessment.preferred[portion.food] ?? [] where !rules.contains(rule) { rules.append(rule) }
        }
        if entry.kind != .meal {
            for slot in entry.slots {
                for added in assessment.additions[slot] ?? [] where added.food == (entry.portions.first?.food ?? entry.id) && !rules.contains(added.rule) {
                    rules.append(added.rule)
                }
            }
        }
        return rules
    }
}
