/// Reading `Rules/portions.csv`.
extension PortionScale {
    static let csvColumns = ["scale", "source"]
    /// Largest step a row may give: beyond it a "portion" is no longer one person's meal.
    static let largest = 3.0

    /// Steps from 1 to `largest` (a scale below 1 is refused: standard portions are the least
    /// served), each once and with its source; returned in ascending order.
    static func load(_ table: CSVTable, into diagnostics: inout [Diagnostic]) -> [PortionScale] {
        var steps: [PortionScale] = []
        for row in table.rows {
            let before = diagnostics.count
            let scale = table.number("scale", in: row, positive: true, into: &diagnostics)
            if let scale, !(1...largest).contains(scale), let cell = table.field("scale", in: row) {
                diagnostics.append(table.diagnostic(.error, "scale \(cell.text) is not from 1 to \(DecimalText.format(largest, maxFractionDigits: 0))",
                                                    at: cell.location))
            }
            let source = table.text("source", in: row).trimmedBlanks
            if source.isEmpty, let cell = table.field("source", in: row) {
                diagnostics.append(table.diagnostic(.error, "source is empty (cite the guidance)", at: cell.location))
            }
            guard diagnostics.count == before, let scale else { continue }
            if steps.contains(where: { $0.scale == scale }) {
                diagnostics.append(table.diagnostic(.error, "scale \(DecimalText.format(scale, maxFractionDigits: 3)) is listed twice",
                                                    at: row.location))
                continue
            }
            steps.append(PortionScale(scale: scale, source: source))
        }
        return steps.sorted { $0.scale < $1.scale }
    }
}
