/// What the body absorbs from one meal or addition, relative to what the targets assume
/// (see `AbsorptionModel` for the iron model and its sources).
///
/// - Iron: `factor = A / A_ref`, with `A = h·heme + (1−h)·p(meal)` the absorbed share per mg of
///   the meal's iron (`h` its heme share, `p` the Monsen non-heme rate for the meal's enhancers),
///   times the calcium factor when the meal carries enough calcium; `A_ref` is the same for the
///   diet's reference meal. Counted iron = factor × iron eaten.
/// - Calcium: each food's calcium counts at its absorption relative to milk (oxalate-rich greens
///   far less); counted calcium = Σ servings × calcium × relative absorption.
struct MealAbsorption: Sendable, Equatable {
    /// Counted ÷ eaten for iron; 1 when the meal has no iron.
    var ironFactor: Double
    /// Counted calcium (mg).
    var countedCalcium: Double
    /// Eaten calcium (mg).
    var eatenCalcium: Double
    /// Why the iron counts as it does, in words a person reads.
    var ironReason: String
    /// Foods whose calcium counts less than milk's, with their relative absorption.
    var calciumReasons: [(food: String, absorption: Double)]

    static func == (lhs: MealAbsorption, rhs: MealAbsorption) -> Bool {
        lhs.ironFactor == rhs.ironFactor && lhs.countedCalcium == rhs.countedCalcium && lhs.eatenCalcium == rhs.eatenCalcium
            && lhs.ironReason == rhs.ironReason && lhs.calciumReasons.map(\.food) == rhs.calciumReasons.map(\.food)
    }

    /// Tags of meat, fish and poultry: the enhancing "MFP factor" and the only heme iron.
    static let fleshTags: Set<String> = ["meat", "poultry", "fish", "shellfish"]

    init(portions: [(food: Food, servings: Double)], model: AbsorptionModel, diet: Diet) {
        var iron = 0.0, heme = 0.0, flesh = 0.0, vitaminC = 0.0, calcium = 0.0, counted = 0.0
        var calciumReasons: [(food: String, absorption: Double)] = []
        for (food, servings) in portions {
            let foodIron = (food.values["iron_mg"] ?? 0) * servings
            iron += foodIron
            heme += foodIron * food.hemeShare
            if !food.tags.isDisjoint(with: Self.fleshTags) { flesh += food.grams * servings }
            vitaminC += (food.values["vitamin_c_mg"] ?? 0) * servings
            let foodCalcium = (food.values["calcium_mg"] ?? 0) * servings
            calcium += foodCalcium
            let relative = food.calciumAbsorption ?? 1
            counted += foodCalcium * relative
            if relative < 1, foodCalcium > 0 { calciumReasons.append((food: food.id, absorption: relative)) }
        }
        eatenCalcium = calcium
        countedCalcium = counted
        self.calciumReasons = calciumReasons

        let v = model.value
        let (rate, availability) = Self.nonhemeRate(flesh: flesh, vitaminC: vitaminC, model: model)
        let inhibited = calcium >= v("calcium_inhibition_mg")
        let calciumFactor = inhibited ? v("calcium_inhibition_factor") : 1
        let reference = Self.referenceAbsorption(diet: diet, model: model)
        guard iron > 0, reference > 0 else {
            ironFactor = 1
            ironReason = "no iron in this item"
            return
        }
        let hemeShare = heme / iron
        let absorbed = (hemeShare * v("heme_absorption") + (1 - hemeShare) * rate) * calciumFactor
        ironFactor = absorbed / reference
        var why = [availability]
        if hemeShare > 0 { why.append("\(Int((hemeShare * 100).rounded()))% of its iron is heme iron from meat, fish or poultry") }
        if inhibited { why.append("its \(Int(calcium.rounded())) mg of calcium halves iron absorption") }
        ironReason = why.joined(separator: "; ")
    }

    /// Monsen et al. 1978: high with over 90 g meat, fish or poultry, or over 75 mg vitamin C, or
    /// both enhancers at the medium level; medium with 30–90 g or 25–75 mg; low otherwise.
    static func nonhemeRate(flesh: Double, vitaminC: Double, model: AbsorptionModel) -> (Double, String) {
        let v = model.value
        let mediumFlesh = flesh >= v("mfp_medium_g"), highFlesh = flesh > v("mfp_high_g")
        let mediumC = vitaminC >= v("vitamin_c_medium_mg"), highC = vitaminC > v("vitamin_c_high_mg")
        let c = Int(vitaminC.rounded()), g = Int(flesh.rounded())
        if highFlesh || highC || (mediumFlesh && mediumC) {
            let what = [highFlesh || mediumFlesh ? "\(g) g of meat, fish or poultry" : nil,
                        highC || mediumC ? "\(c) mg of vitamin C" : nil].compactMap { $0 }.joined(separator: " and ")
            return (v("nonheme_high"), "plant iron is well absorbed: \(what)")
        }
        if mediumFlesh { return (v("nonheme_medium"), "plant iron is moderately absorbed: \(g) g of meat, fish or poultry") }
        if mediumC { return (v("nonheme_medium"), "plant iron is moderately absorbed: \(c) mg of vitamin C") }
        return (v("nonheme_low"), "plant iron is poorly absorbed: little vitamin C (\(c) mg) and no meat, fish or poultry")
    }

    /// Absorbed share per mg of iron in the reference meal the diet's iron target assumes.
    static func referenceAbsorption(diet: Diet, model: AbsorptionModel) -> Double {
        let v = model.value
        switch diet {
        case .vegetarian, .vegan:
            return v("nonheme_medium")
        case .omnivore, .pescatarian:
            let h = v("reference_heme_share_mixed")
            return h * v("heme_absorption") + (1 - h) * v("nonheme_medium")
        }
    }
}
