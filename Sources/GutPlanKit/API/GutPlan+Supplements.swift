/// Reading the supplements a person takes: `NAME=AMOUNT UNIT`, one nutrient each.
extension GutPlan {
    /// Mass units and their size in micrograms.
    static let massUnits: [String: Double] = ["ug": 1, "µg": 1, "μg": 1, "mcg": 1, "mg": 1_000, "g": 1_000_000]
    /// International units per microgram of vitamin D (NIH ODS Vitamin D fact sheet: 1 µg = 40 IU).
    static let vitaminDUnitsPerMicrogram = 40.0

    /// Supplements by nutrient id, in the nutrient's unit symbol. Every problem is a usage error
    /// with a suggestion (exit 64): an unknown or group name, a missing or unknown unit, an amount
    /// that is not a positive number, a nutrient named twice.
    func supplements(_ entries: [String]) throws(GutPlanError) -> [String: Double] {
        var result: [String: Double] = [:]
        for entry in entries {
            let (id, amount) = try supplement(entry)
            guard result[id] == nil else { throw .invalidRequest("supplement '\(entry.clipped(to: 80))': \(id) is named twice") }
            result[id] = amount
        }
        return result
    }

    func supplement(_ entry: String) throws(GutPlanError) -> (String, Double) {
        let shown = entry.clipped(to: 80)
        let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw .invalidRequest("supplement '\(shown)' is not NAME=AMOUNT (e.g. vitamin-d=25ug, iron=18mg)")
        }
        let name = parts[0].trimmedBlanks
        let ids = knowledge.nutrients(named: name)
        guard !ids.isEmpty else {
            let hint = knowledge.suggestion(forNutrient: name).map { " (did you mean '\($0)'?)" } ?? ""
            throw .invalidRequest("unknown nutrient '\(name.clipped(to: 80))' in supplement '\(shown)'\(hint); see 'gutplan nutrients'")
        }
        guard ids.count == 1, let nutrient = knowledge.nutrient(id: ids[0]) else {
            throw .invalidRequest("supplement '\(shown)' names several nutrients (\(ids.joined(separator: ", "))): give each on its own")
        }
        let text = parts[1].trimmedBlanks
        let digits = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let unit = text.dropFirst(digits.count).trimmedBlanks
        guard !digits.isEmpty, let value = Double(digits), value.isFinite, value > 0 else {
            throw .invalidRequest("supplement '\(shown)': the amount must be a positive number followed by a unit, e.g. 25ug")
        }
        let target = nutrient.unitSymbol
        let accepted = nutrient.id == "vitamin-d" ? ["ug", "µg", "mcg", "mg", "g", "IU"] : ["ug", "µg", "mcg", "mg", "g"]
        guard Self.massUnits[target] != nil else {
            throw .invalidRequest("supplement '\(shown)': \(nutrient.name) is not taken as a supplement here (its unit is \(nutrient.unit))")
        }
        let amount: Double
        if unit.lowercased() == "iu" {
            guard nutrient.id == "vitamin-d" else {
                throw .invalidRequest("supplement '\(shown)': IU is accepted for vitamin D only; give \(nutrient.name) in ug, mg or g")
            }
            amount = value / Self.vitaminDUnitsPerMicrogram / (Self.massUnits[target] ?? 1)
        } else if let size = Self.massUnits[unit.lowercased() == "mcg" ? "mcg" : unit] ?? Self.massUnits[unit.lowercased()] {
            amount = value * size / (Self.massUnits[target] ?? 1)
        } else {
            let hint = Suggestion.didYouMean(unit, among: accepted)
            throw .invalidRequest("supplement '\(shown)': unknown unit '\(unit.clipped(to: 20))'\(hint); use \(accepted.joined(separator: ", "))")
        }
        guard amount <= 1_000_000 else { throw .invalidRequest("supplement '\(shown)': the amount is not a daily dose") }
        return (nutrient.id, amount)
    }
}
