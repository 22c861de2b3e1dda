/// Reading `Rules/retests.csv`.
extension RetestGuidance {
    static let csvColumns = ["nutrient", "test", "after_weeks_min", "after_weeks_max", "source"]

    static func load(_ table: CSVTable, nutrients: [Nutrient], into diagnostics: inout [Diagnostic]) -> [RetestGuidance] {
        var guidance: [RetestGuidance] = []
        let ids = nutrients.map(\.id)
        for row in table.rows {
            let before = diagnostics.count
            let nutrient = table.reference("nutrient", in: row, among: ids, what: "nutrient", into: &diagnostics)
            let test = table.text("test", in: row).trimmedBlanks
            if test.isEmpty, let cell = table.field("test", in: row) {
                diagnostics.append(table.diagnostic(.error, "test is empty (name the test to ask for)", at: cell.location))
            }
            let low = weeks("after_weeks_min", table, row, &diagnostics)
            let high = weeks("after_weeks_max", table, row, &diagnostics)
            if let low, let high, high < low, let cell = table.field("after_weeks_max", in: row) {
                diagnostics.append(table.diagnostic(.error, "after_weeks_max \(high) is before after_weeks_min \(low)", at: cell.location))
            }
            let source = table.text("source", in: row).trimmedBlanks
            if source.isEmpty, let cell = table.field("source", in: row) {
                diagnostics.append(table.diagnostic(.error, "source is empty (cite the guidance)", at: cell.location))
            }
            guard diagnostics.count == before, let nutrient, let low, let high else { continue }
            guidance.append(RetestGuidance(nutrient: nutrient, test: test, weeks: low...high, source: source))
        }
        return guidance
    }

    /// A whole number of weeks from 1 to 104.
    private static func weeks(_ column: CSVTable.Column, _ table: CSVTable, _ row: CSVTable.Row,
                              _ diagnostics: inout [Diagnostic]) -> Int? {
        guard let value = table.number(column, in: row, positive: true, into: &diagnostics) else { return nil }
        guard value == value.rounded(), value <= 104 else {
            if let cell = table.field(column, in: row) {
                diagnostics.append(table.diagnostic(.error, "\(column.name) '\(cell.text)' is not a whole number of weeks from 1 to 104",
                                                    at: cell.location))
            }
            return nil
        }
        return Int(value)
    }
}
