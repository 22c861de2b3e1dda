/// Sentences every renderer shares, so text, Markdown and HTML say the same thing.
extension MealPlan {
    /// "31 different plants this week (30 count towards the goal; at most 30 possible)".
    var plantsSummary: String {
        var text = "\(plants.count) different plant\(plants.count == 1 ? "" : "s") this week"
        if plants.count > plants.cap { text += " (\(plants.cap) count towards the goal of \(plants.cap))" }
        return text + "; proven most possible: \(plants.bound)"
    }

    /// "Vitamin D 25 ug, Iron 18 mg a day; they count in every day's total" or empty.
    var supplementSummary: String {
        guard !supplements.isEmpty else { return "" }
        let parts = supplements.keys.sorted(by: JSONValue.keyOrder).map { id -> String in
            let label = supplementNames[id] ?? [id, ""]
            return "\(label.first ?? id) \(DecimalText.format(supplements[id] ?? 0, maxFractionDigits: 2)) \(label.last ?? "")"
        }
        return parts.joined(separator: ", ") + " a day; counted in every day's total and limit"
    }

    /// What is eaten against what counts, for nutrients counted as absorbed, and the food share
    /// of nutrients that supplements help with.
    var countedLines: [String] {
        var lines: [String] = []
        let count = Double(max(days.count, 1))
        for nutrient in nutrients {
            let eaten = days.reduce(0) { $0 + ($1.totals[nutrient.id] ?? 0) } / count
            let counted = days.reduce(0) { $0 + ($1.counted[nutrient.id] ?? 0) } / count - nutrient.supplement
            let unit = nutrient.unit.split(separator: " ").first.map(String.init) ?? nutrient.unit
            if abs(eaten - counted) > 1e-6 {
                lines.append("\(nutrient.name) counts what the body absorbs: \(DecimalText.format(eaten, maxFractionDigits: 1)) \(unit) "
                    + "eaten a day on average counts as \(DecimalText.format(counted, maxFractionDigits: 1)) \(unit).")
            }
            if nutrient.supplement > 0 {
                lines.append("\(nutrient.name): \(DecimalText.format(nutrient.foodShare * 100, maxFractionDigits: 0))% from food, "
                    + "\(DecimalText.format((1 - nutrient.foodShare) * 100, maxFractionDigits: 0))% from supplements.")
            }
        }
        return lines
    }
}
