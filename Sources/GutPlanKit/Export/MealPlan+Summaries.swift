/// Sentences every renderer shares, so text, Markdown and HTML say the same thing.
extension MealPlan {
    /// The shopping list grouped by aisle, aisles in shop order, items by name as a person reads
    /// them (case-insensitive: "asparagus" before "Jerusalem artichokes"), then by food id.
    var shoppingByAisle: [(aisle: String, entries: [ShoppingEntry])] {
        let groups = Dictionary(grouping: shopping, by: \.aisle)
        let aisles = Self.aisleOrder.filter { groups[$0] != nil } + groups.keys.filter { !Self.aisleOrder.contains($0) }.sorted()
        return aisles.map { aisle in
            (aisle, (groups[aisle] ?? []).sorted { (Self.shelfName($0), $0.food) < (Self.shelfName($1), $1.food) })
        }
    }

    /// Whether the plan runs several weeks (`--weeks N`).
    var isMultiWeek: Bool { weeks.count > 1 }

    /// "gutplan: seven-day plan", or "gutplan: 4-week plan".
    var title: String { isMultiWeek ? "gutplan: \(weeks.count)-week plan" : "gutplan: seven-day plan" }

    /// The name an entry is shopped by, lowercased for ordering.
    static func shelfName(_ entry: ShoppingEntry) -> String {
        (entry.item.isEmpty ? entry.name : entry.item).lowercased()
    }

    /// "31 different plants this week (30 count towards the goal of 30); proven most possible:
    /// 30". Over several weeks, the species of all weeks together (each week's own count and
    /// proven bound are in `weekLines`: a bound holds for one week, not for their union).
    var plantsSummary: String {
        guard !isMultiWeek else {
            return "\(plants.count) different plant\(plants.count == 1 ? "" : "s") over the \(weeks.count) weeks"
        }
        return Self.plantsWords(plants, " this week")
    }

    /// "31 different plants this week (30 count towards the goal of 30); proven most possible: 30".
    static func plantsWords(_ plants: Plants, _ span: String) -> String {
        var text = "\(plants.count) different plant\(plants.count == 1 ? "" : "s")\(span)"
        if plants.count > plants.cap { text += " (\(plants.cap) count towards the goal of \(plants.cap))" }
        return text + "; proven most possible: \(plants.bound)"
    }

    /// The score line's words: over several weeks the score is the mean of the weekly scores.
    var scoreSummary: String {
        (isMultiWeek ? "mean of the weekly scores " : "") + "\(DecimalText.fixed(score, digits: 3)) "
            + "(proven upper bound \(DecimalText.fixed(upperBound, digits: 3)))"
    }

    /// One line per week of a plan of several weeks, each with its own proof: "days 8-14: score
    /// 0.987 (proven upper bound 0.990); 28 different plants; proven most possible: 30".
    /// Empty for one week.
    var weekLines: [(week: Int, text: String)] {
        guard isMultiWeek else { return [] }
        return weeks.map { summary in
            let first = 7 * (summary.week - 1) + 1
            return (summary.week, "days \(first)-\(first + 6): score \(DecimalText.fixed(summary.score, digits: 3)) "
                + "(proven upper bound \(DecimalText.fixed(summary.upperBound, digits: 3))); "
                + Self.plantsWords(summary.plants, ""))
        }
    }

    /// "1.5 times the standard servings of every meal, to reach 2600-3000 kcal a day; the amounts
    /// shown are already scaled" or empty for standard portions.
    var portionSummary: String {
        guard portionScale != 1 else { return "" }
        let band = profile.energyBand
        return "\(DecimalText.format(portionScale, maxFractionDigits: 2)) times the standard servings of every meal, to reach "
            + "\(DecimalText.format(band.lowerBound, maxFractionDigits: 0))-\(DecimalText.format(band.upperBound, maxFractionDigits: 0)) "
            + "kcal a day; the amounts shown are already scaled (additions are not"
            + (profile.lowFODMAP ? ", and a food that is low-FODMAP only up to one serving grows at most to it)" : ")")
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
