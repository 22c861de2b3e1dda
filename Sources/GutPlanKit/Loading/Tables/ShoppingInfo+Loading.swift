import Foundation

/// Reading `Rules/shopping.csv`.
extension ShoppingInfo {
    static let csvColumns = ["food", "aisle", "buy_as", "buy_unit", "buy_unit_plural", "grams_per_unit", "yield",
                                    "yield_source", "weight_source"]
    /// Yields outside this range are taken for a typing error (dry pasta and rice give about 3,
    /// trimmed greens about 0.5).
    static let yieldRange = 0.05...20.0
    /// Grams per litre a drink may weigh (water is 1000).
    static let litreRange = 500.0...2000.0

    /// Reads a `shopping.csv` file. Rows naming a food not in `foods` are errors; foods without a
    /// row give one warning. `items` is `nil` when there is any error.
    static func load(path: String, foods: [Food]) -> (items: [ShoppingInfo]?, diagnostics: [Diagnostic]) {
        let read = CSVTable.readFile(path, columns: .named(required: csvColumns, optional: [], ignoringCase: false,
                                                            allowingOthers: false))
        var diagnostics = read.diagnostics
        guard let table = read.table else { return (nil, diagnostics) }
        let items = load(table, foods: foods, into: &diagnostics)
        return (diagnostics.contains { $0.severity == .error } ? nil : items, diagnostics)
    }

    static func load(_ table: CSVTable, foods: [Food], into diagnostics: inout [Diagnostic]) -> [ShoppingInfo] {
        let foodIDs = foods.map(\.id)
        let knownFoods = KnownIDs(foodIDs)
        var items: [ShoppingInfo] = []
        var seen = [String: CSVTable.Field](minimumCapacity: table.rows.count)
        let c = (food: table.column("food"), aisle: table.column("aisle"), buyAs: table.column("buy_as"),
                 buyUnit: table.column("buy_unit"), buyUnitPlural: table.column("buy_unit_plural"),
                 gramsPerUnit: table.column("grams_per_unit"), yield: table.column("yield"),
                 yieldSource: table.column("yield_source"), weightSource: table.column("weight_source"))
        for row in table.rows {
            let before = diagnostics.count
            let food = table.uniqueKey(c.food, kind: "food", in: row, known: knownFoods, seen: &seen, into: &diagnostics)
            let aisle = table.choice(c.aisle, in: row, among: Aisle.allCases, into: &diagnostics)
            let buyAs = table.line(c.buyAs, in: row, limit: 120, into: &diagnostics)
            let unit = table.line(c.buyUnit, in: row, limit: 40, into: &diagnostics)
            let plural = table.line(c.buyUnitPlural, in: row, limit: 40, into: &diagnostics)
            let grams = table.number(c.gramsPerUnit, in: row, positive: true, into: &diagnostics)
            let yield = table.number(c.yield, in: row, positive: true, into: &diagnostics)
            let yieldSource = table.line(c.yieldSource, in: row, limit: 1000, into: &diagnostics)
            let weightSource = table.line(c.weightSource, in: row, limit: 1000, into: &diagnostics)
            if let unit, let plural, (unit == "g" || unit == "l") && plural != unit, let cell = table.field(c.buyUnitPlural, in: row) {
                diagnostics.append(table.diagnostic(.error, "the plural of '\(unit)' is '\(unit)', not '\(plural)'", at: cell.location))
            }
            if let unit, let grams, let cell = table.field(c.gramsPerUnit, in: row) {
                if unit == "g" && grams != 1 {
                    diagnostics.append(table.diagnostic(.error, "grams_per_unit of 'g' must be 1, not '\(cell.text)'", at: cell.location))
                } else if unit == "l" && !litreRange.contains(grams) {
                    diagnostics.append(table.diagnostic(
                        .error, "grams_per_unit of 'l' is grams per litre, from \(Int(litreRange.lowerBound)) to \(Int(litreRange.upperBound)), not '\(cell.text)'",
                        at: cell.location))
                }
            }
            if let yield, !yieldRange.contains(yield), let cell = table.field(c.yield, in: row) {
                diagnostics.append(table.diagnostic(
                    .error, "yield '\(cell.text)' is outside \(yieldRange.lowerBound) to \(yieldRange.upperBound) (eaten grams per bought gram)",
                    at: cell.location))
            }
            guard diagnostics.count == before, let food, let aisle, let buyAs, let unit, let plural, let grams, let yield,
                  let yieldSource, let weightSource else { continue }
            items.append(ShoppingInfo(food: food, aisle: aisle, buyAs: buyAs, buyUnit: unit, buyUnitPlural: plural,
                                      gramsPerUnit: grams, yield: yield, yieldSource: yieldSource, weightSource: weightSource))
        }
        table.warnMissing(foodIDs, covered: Set(items.map(\.food)), what: "shopping row", into: &diagnostics)
        return items
    }
}
