/// Reading `Rules/limits.csv`.
extension DailyLimit {
    static let csvColumns = ["id", "name", "kind", "nutrient", "kcal_per_unit", "max", "source"]

    static func load(_ table: CSVTable, nutrients: [Nutrient], into diagnostics: inout [Diagnostic]) -> [DailyLimit] {
        var limits: [DailyLimit] = []
        var seen = [String: CSVTable.Field](minimumCapacity: table.rows.count)
        for row in table.rows {
            let before = diagnostics.count
            let id = table.uniqueID(in: row, seen: &seen, into: &diagnostics)
            let kind = table.choice("kind", in: row, among: [Kind.dailyMax, .energyShare, .per1000kcal], into: &diagnostics)
            let nutrient = table.reference("nutrient", in: row, among: nutrients.map(\.id), what: "nutrient", into: &diagnostics)
            let kcalPerUnit = table.number("kcal_per_unit", in: row, optional: true, positive: true, into: &diagnostics)
            let max = table.number("max", in: row, into: &diagnostics)
            if kind == .energyShare, kcalPerUnit == nil, let cell = table.field("kcal_per_unit", in: row) {
                diagnostics.append(table.diagnostic(.error, "an energy_share limit needs kcal_per_unit", at: cell.location))
            }
            if kind == .energyShare, let max, max > 1, let cell = table.field("max", in: row) {
                diagnostics.append(table.diagnostic(.error, "an energy_share max is a fraction of energy (0 to 1), not \(cell.text)", at: cell.location))
            }
            guard diagnostics.count == before, let id, let kind, let nutrient, let max else { continue }
            limits.append(DailyLimit(id: id, name: table.text("name", in: row), kind: kind, nutrient: nutrient,
                                     kcalPerUnit: kcalPerUnit, max: max, source: table.text("source", in: row)))
        }
        return limits
    }
}
