import Foundation

/// Reading `Rules/units.csv`.
extension HouseholdUnit {
    static let csvColumns = ["food", "unit", "unit_plural", "label", "grams_per_unit", "round_to", "source"]
    /// Steps a household measure may round to: quarters, halves and wholes (what the text can write).
    static let unitSteps: [Double] = [0.25, 0.5, 1]

    /// Reads a `units.csv` file. Rows naming a food not in `foods` are errors; foods without a
    /// row give one warning. `units` is `nil` when there is any error.
    static func load(path: String, foods: [Food]) -> (units: [HouseholdUnit]?, diagnostics: [Diagnostic]) {
        let read = CSVTable.readFile(path, columns: .named(required: csvColumns, optional: [], ignoringCase: false,
                                                            allowingOthers: false))
        var diagnostics = read.diagnostics
        guard let table = read.table else { return (nil, diagnostics) }
        let units = load(table, foods: foods, into: &diagnostics)
        return (diagnostics.contains { $0.severity == .error } ? nil : units, diagnostics)
    }

    static func load(_ table: CSVTable, foods: [Food], into diagnostics: inout [Diagnostic]) -> [HouseholdUnit] {
        let foodIDs = foods.map(\.id)
        let knownFoods = KnownIDs(foodIDs)
        var units: [HouseholdUnit] = []
        var seen = [String: CSVTable.Field](minimumCapacity: table.rows.count)
        let c = (food: table.column("food"), unit: table.column("unit"), unitPlural: table.column("unit_plural"),
                 label: table.column("label"), gramsPerUnit: table.column("grams_per_unit"),
                 roundTo: table.column("round_to"), source: table.column("source"))
        for row in table.rows {
            let before = diagnostics.count
            let food = table.uniqueKey(c.food, kind: "food", in: row, known: knownFoods, seen: &seen, into: &diagnostics)
            let unit = table.line(c.unit, in: row, limit: 40, into: &diagnostics)
            let plural = table.line(c.unitPlural, in: row, limit: 40, into: &diagnostics)
            let label = table.line(c.label, in: row, optional: true, limit: 120, into: &diagnostics)
            let grams = table.number(c.gramsPerUnit, in: row, positive: true, into: &diagnostics)
            let step = table.number(c.roundTo, in: row, positive: true, into: &diagnostics)
            let source = table.line(c.source, in: row, limit: 1000, into: &diagnostics)
            if let unit, let grams, unit == "g", grams != 1, let cell = table.field(c.gramsPerUnit, in: row) {
                diagnostics.append(table.diagnostic(.error, "grams_per_unit of 'g' must be 1, not '\(cell.text)'", at: cell.location))
            }
            if let unit, let step, let cell = table.field(c.roundTo, in: row) {
                if unit == "g" {
                    if step != step.rounded() || step > 100 {
                        diagnostics.append(table.diagnostic(.error, "round_to for grams must be a whole number from 1 to 100, not '\(cell.text)'",
                                                            at: cell.location))
                    }
                } else if !unitSteps.contains(step) {
                    diagnostics.append(table.diagnostic(.error, "round_to must be 0.25, 0.5 or 1, not '\(cell.text)'", at: cell.location))
                }
            }
            if let unit, let label, unit == "g", label.isEmpty, let cell = table.field(c.label, in: row) {
                diagnostics.append(table.diagnostic(.error, "a food measured in grams needs a label (what the grams are of)", at: cell.location))
            }
            guard diagnostics.count == before, let food, let unit, let plural, let label, let grams, let step, let source else { continue }
            units.append(HouseholdUnit(food: food, unit: unit, unitPlural: plural, label: label, gramsPerUnit: grams,
                                       roundTo: step, source: source))
        }
        table.warnMissing(foodIDs, covered: Set(units.map(\.food)), what: "household unit", into: &diagnostics)
        return units
    }
}
