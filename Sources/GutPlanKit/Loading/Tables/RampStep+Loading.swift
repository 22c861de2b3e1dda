/// Reading `Rules/ramp.csv`.
extension RampStep {
    static let csvColumns = ["from_day", "to_day", "servings", "source"]

    /// Steps must be whole days 1 to 7, not overlapping, with servings above 0 and at most 1.
    static func load(_ table: CSVTable, into diagnostics: inout [Diagnostic]) -> [RampStep] {
        var steps: [RampStep] = []
        for row in table.rows {
            let before = diagnostics.count
            let from = day("from_day", table, row, &diagnostics)
            let to = day("to_day", table, row, &diagnostics)
            let servings = table.number("servings", in: row, positive: true, into: &diagnostics)
            if let servings, servings > 1, let cell = table.field("servings", in: row) {
                diagnostics.append(table.diagnostic(.error, "servings \(cell.text) is more than one serving", at: cell.location))
            }
            if let from, let to, to < from, let cell = table.field("to_day", in: row) {
                diagnostics.append(table.diagnostic(.error, "to_day \(to) is before from_day \(from)", at: cell.location))
            }
            let source = table.text("source", in: row).trimmedBlanks
            if source.isEmpty, let cell = table.field("source", in: row) {
                diagnostics.append(table.diagnostic(.error, "source is empty (cite the guidance)", at: cell.location))
            }
            guard diagnostics.count == before, let from, let to, let servings else { continue }
            if let other = steps.first(where: { $0.days.overlaps(from...to) }) {
                diagnostics.append(table.diagnostic(.error, "days \(from)-\(to) overlap days \(other.days.lowerBound)-\(other.days.upperBound)",
                                                    at: row.location))
                continue
            }
            steps.append(RampStep(days: from...to, servings: servings, source: source))
        }
        return steps.sorted { $0.days.lowerBound < $1.days.lowerBound }
    }

    private static func day(_ column: CSVTable.Column, _ table: CSVTable, _ row: CSVTable.Row,
                            _ diagnostics: inout [Diagnostic]) -> Int? {
        guard let value = table.number(column, in: row, positive: true, into: &diagnostics) else { return nil }
        guard value == value.rounded(), value <= 7 else {
            if let cell = table.field(column, in: row) {
                diagnostics.append(table.diagnostic(.error, "\(column.name) '\(cell.text)' is not a day from 1 to 7", at: cell.location))
            }
            return nil
        }
        return Int(value)
    }
}
