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
    /// Foods whose calcium counts less than milk's, with their relative absorption.
    var calciumReasons: [(food: String, absorption: Double)]
    /// What `ironReason` says, as numbers (`nil`: no iron): the words are made only for the
    /// items a plan shows, not for every item of the catalogue.
    private var ironWords: IronWords?

    /// Why the iron counts as it does, in words a person reads.
    var ironReason: String { ironWords?.text ?? "no iron in this item" }

    static func == (lhs: MealAbsorption, rhs: MealAbsorption) -> Bool {
        lhs.ironFactor == rhs.ironFactor && lhs.countedCalcium == rhs.countedCalcium && lhs.eatenCalcium == rhs.eatenCalcium
            && lhs.ironReason == rhs.ironReason && lhs.calciumReasons.map(\.food) == rhs.calciumReasons.map(\.food)
    }

    /// Tags of meat, fish and poultry: the enhancing "MFP factor" and the only heme iron.
    static let fleshTags: Set<String> = ["meat", "poultry", "fish", "shellfish"]

    /// The model's values for one diet, looked up by name once for a whole catalogue.
    struct Parameters: Sendable {
        var hemeAbsorption: Double
        var nonhemeLow: Double
        var nonhemeMedium: Double
        var nonhemeHigh: Double
        var mfpMediumG: Double
        var mfpHighG: Double
        var vitaminCMediumMg: Double
        var vitaminCHighMg: Double
        var calciumInhibitionMg: Double
        var calciumInhibitionFactor: Double
        /// `referenceAbsorption(diet:model:)`.
        var reference: Double

        init(model: AbsorptionModel, diet: Diet) {
            let v = model.value
            hemeAbsorption = v("heme_absorption")
            nonhemeLow = v("nonheme_low")
            nonhemeMedium = v("nonheme_medium")
            nonhemeHigh = v("nonheme_high")
            mfpMediumG = v("mfp_medium_g")
            mfpHighG = v("mfp_high_g")
            vitaminCMediumMg = v("vitamin_c_medium_mg")
            vitaminCHighMg = v("vitamin_c_high_mg")
            calciumInhibitionMg = v("calcium_inhibition_mg")
            calciumInhibitionFactor = v("calcium_inhibition_factor")
            reference = MealAbsorption.referenceAbsorption(diet: diet, model: model)
        }
    }

    /// What the model reads of one serving of a food.
    struct FoodFacts: Sendable {
        var id: String
        var iron: Double
        var hemeShare: Double
        /// Meat, fish or poultry (`fleshTags`).
        var isFlesh: Bool
        var grams: Double
        var vitaminC: Double
        var calcium: Double
        var calciumAbsorption: Double?

        init(_ food: Food) {
            id = food.id
            iron = food.values["iron_mg"] ?? 0
            hemeShare = food.hemeShare
            isFlesh = !food.tags.isDisjoint(with: MealAbsorption.fleshTags)
            grams = food.grams
            vitaminC = food.values["vitamin_c_mg"] ?? 0
            calcium = food.values["calcium_mg"] ?? 0
            calciumAbsorption = food.calciumAbsorption
        }
    }

    init(portions: [(food: Food, servings: Double)], model: AbsorptionModel, diet: Diet) {
        self.init(portions: portions.map { (FoodFacts($0.food), $0.servings) }, parameters: Parameters(model: model, diet: diet))
    }

    /// The same from each food's facts, with the model's values already looked up (a catalogue
    /// of meals reads each food and the model once).
    init(portions: [(facts: FoodFacts, servings: Double)], parameters p: Parameters) {
        var iron = 0.0, heme = 0.0, flesh = 0.0, vitaminC = 0.0, calcium = 0.0, counted = 0.0
        var calciumReasons: [(food: String, absorption: Double)] = []
        for (food, servings) in portions {
            let foodIron = food.iron * servings
            iron += foodIron
            heme += foodIron * food.hemeShare
            if food.isFlesh { flesh += food.grams * servings }
            vitaminC += food.vitaminC * servings
            let foodCalcium = food.calcium * servings
            calcium += foodCalcium
            let relative = food.calciumAbsorption ?? 1
            counted += foodCalcium * relative
            if relative < 1, foodCalcium > 0 { calciumReasons.append((food: food.id, absorption: relative)) }
        }
        eatenCalcium = calcium
        countedCalcium = counted
        self.calciumReasons = calciumReasons

        let (rate, availability) = Self.nonhemeRate(flesh: flesh, vitaminC: vitaminC, parameters: p)
        let inhibited = calcium >= p.calciumInhibitionMg
        let calciumFactor = inhibited ? p.calciumInhibitionFactor : 1
        guard iron > 0, p.reference > 0 else {
            ironFactor = 1
            ironWords = nil
            return
        }
        let hemeShare = heme / iron
        let absorbed = (hemeShare * p.hemeAbsorption + (1 - hemeShare) * rate) * calciumFactor
        ironFactor = absorbed / p.reference
        ironWords = IronWords(availability: availability, hemeShare: hemeShare, inhibitingCalcium: inhibited ? calcium : nil)
    }

    /// How well plant iron is absorbed, with the enhancers behind it (grams of meat, fish or
    /// poultry and mg of vitamin C, rounded as the words show them).
    enum Availability: Sendable, Equatable {
        /// With the enhancers that reached at least the medium level (`nil` for one that did not).
        case high(grams: Int?, vitaminC: Int?)
        case mediumFlesh(grams: Int)
        case mediumVitaminC(Int)
        case low(vitaminC: Int)

        var text: String {
            switch self {
            case .high(let grams, let vitaminC):
                let what = [grams.map { "\($0) g of meat, fish or poultry" }, vitaminC.map { "\($0) mg of vitamin C" }]
                    .compactMap { $0 }.joined(separator: " and ")
                return "plant iron is well absorbed: \(what)"
            case .mediumFlesh(let g): return "plant iron is moderately absorbed: \(g) g of meat, fish or poultry"
            case .mediumVitaminC(let c): return "plant iron is moderately absorbed: \(c) mg of vitamin C"
            case .low(let c): return "plant iron is poorly absorbed: little vitamin C (\(c) mg) and no meat, fish or poultry"
            }
        }
    }

    /// The parts of `ironReason`.
    private struct IronWords: Sendable {
        var availability: Availability
        var hemeShare: Double
        /// The meal's calcium when it is enough to inhibit iron absorption.
        var inhibitingCalcium: Double?

        var text: String {
            var why = [availability.text]
            if hemeShare > 0 { why.append("\(Int((hemeShare * 100).rounded()))% of its iron is heme iron from meat, fish or poultry") }
            if let calcium = inhibitingCalcium { why.append("its \(Int(calcium.rounded())) mg of calcium halves iron absorption") }
            return why.joined(separator: "; ")
        }
    }

    /// Monsen et al. 1978: high with over 90 g meat, fish or poultry, or over 75 mg vitamin C, or
    /// both enhancers at the medium level; medium with 30–90 g or 25–75 mg; low otherwise.
    static func nonhemeRate(flesh: Double, vitaminC: Double, parameters p: Parameters) -> (Double, Availability) {
        let mediumFlesh = flesh >= p.mfpMediumG, highFlesh = flesh > p.mfpHighG
        let mediumC = vitaminC >= p.vitaminCMediumMg, highC = vitaminC > p.vitaminCHighMg
        let c = Int(vitaminC.rounded()), g = Int(flesh.rounded())
        if highFlesh || highC || (mediumFlesh && mediumC) {
            return (p.nonhemeHigh, .high(grams: highFlesh || mediumFlesh ? g : nil, vitaminC: highC || mediumC ? c : nil))
        }
        if mediumFlesh { return (p.nonhemeMedium, .mediumFlesh(grams: g)) }
        if mediumC { return (p.nonhemeMedium, .mediumVitaminC(c)) }
        return (p.nonhemeLow, .low(vitaminC: c))
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
