import Foundation

/// Reading `Rules/methods.csv`: `meal,prep_minutes,cook_minutes,steps`, steps separated by `|`.
extension Recipe {
    static let csvColumns = ["meal", "prep_minutes", "cook_minutes", "steps"]
    /// Steps a method may have.
    static let stepCount = 1...5
    /// Minutes allowed in either time column (one day).
    static let minuteRange = 0...1440
    /// Longest step, in Unicode scalars.
    static let stepLimit = 400

    /// Reads a `methods.csv` file. Rows naming a meal not in `meals` are errors; meals without
    /// a row give one warning. `recipes` is `nil` when there is any error.
    static func load(path: String, meals: [Meal]) -> (recipes: [Recipe]?, diagnostics: [Diagnostic]) {
        let read = CSVTable.readFile(path, columns: .named(required: csvColumns, optional: [], ignoringCase: false,
                                                            allowingOthers: false))
        var diagnostics = read.diagnostics
        guard let table = read.table else { return (nil, diagnostics) }
        let recipes = load(table, meals: meals, into: &diagnostics)
        return (diagnostics.contains { $0.severity == .error } ? nil : recipes, diagnostics)
    }

    static func load(_ table: CSVTable, meals: [Meal], into diagnostics: inout [Diagnostic]) -> [Recipe] {
        let mealIDs = meals.map(\.id)
        let knownMeals = KnownIDs(mealIDs)
        var recipes: [Recipe] = []
        var seen = [String: CSVTable.Field](minimumCapacity: table.rows.count)
        let c = (meal: table.column("meal"), prepMinutes: table.column("prep_minutes"),
                 cookMinutes: table.column("cook_minutes"), steps: table.column("steps"))
        for row in table.rows {
            let before = diagnostics.count
            let meal = table.uniqueKey(c.meal, kind: "meal", in: row, known: knownMeals, seen: &seen, into: &diagnostics)
            let prep = table.wholeNumber(c.prepMinutes, in: row, range: minuteRange, into: &diagnostics)
            let cook = table.wholeNumber(c.cookMinutes, in: row, range: minuteRange, into: &diagnostics)
            var steps: [String] = []
            if let cell = table.field(c.steps, in: row) {
                let parts = cell.pieces(separator: UInt8(ascii: "|"), omittingEmpty: false)
                if !stepCount.contains(parts.count) {
                    diagnostics.append(table.diagnostic(
                        .error, "a method has \(stepCount.lowerBound) to \(stepCount.upperBound) steps separated by '|', not \(parts.count)",
                        at: cell.location))
                } else {
                    for (i, part) in parts.enumerated() {
                        guard let step = CSVTable.checkedLine(part, column: "step \(i + 1)", optional: false, limit: stepLimit,
                                                              at: cell.location, in: table, into: &diagnostics) else { continue }
                        steps.append(step)
                    }
                }
            }
            guard diagnostics.count == before, let meal, let prep, let cook else { continue }
            recipes.append(Recipe(meal: meal, prepMinutes: prep, cookMinutes: cook, steps: steps))
        }
        table.warnMissing(mealIDs, covered: Set(recipes.map(\.meal)), what: "method", into: &diagnostics)
        return recipes
    }
}
