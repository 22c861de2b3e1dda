import Foundation

/// Reading `Rules/steps.csv`.
extension StressStep {
    static let csvColumns = ["id", "name", "minutes", "how"]

    static func load(_ table: CSVTable, into diagnostics: inout [Diagnostic]) -> [StressStep] {
        var steps: [StressStep] = []
        var seen = [String: CSVTable.Field](minimumCapacity: table.rows.count)
        for row in table.rows {
            let before = diagnostics.count
            let id = table.uniqueID(in: row, seen: &seen, into: &diagnostics)
            var minutes: Int?
            if let cell = table.field("minutes", in: row) {
                if let m = Int(cell.text.trimmedBlanks), m > 0, m <= 1440 {
                    minutes = m
                } else {
                    diagnostics.append(table.diagnostic(.error, "minutes must be a whole number from 1 to 1440, not '\(cell.text)'", at: cell.location))
                }
            }
            guard diagnostics.count == before, let id, let minutes else { continue }
            steps.append(StressStep(id: id, name: table.text("name", in: row), minutes: minutes, how: table.text("how", in: row)))
        }
        return steps
    }
}
