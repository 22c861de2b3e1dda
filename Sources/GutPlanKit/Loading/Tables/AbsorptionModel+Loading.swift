/// Reading `Rules/absorption.csv`: one `parameter,value,source` row per model parameter.
extension AbsorptionModel {
    static let csvColumns = ["parameter", "value", "source"]

    static func load(_ table: CSVTable, into diagnostics: inout [Diagnostic]) -> AbsorptionModel? {
        var values: [String: Double] = [:]
        var sources: [String: String] = [:]
        let before = diagnostics.count
        for row in table.rows {
            guard let cell = table.field("parameter", in: row) else { continue }
            let name = cell.text.trimmedBlanks
            guard parameters.contains(name) else {
                diagnostics.append(table.diagnostic(
                    .error, "unknown parameter '\(name)'\(Suggestion.didYouMean(name, among: parameters))", at: cell.location))
                continue
            }
            if values[name] != nil {
                diagnostics.append(table.diagnostic(.error, "parameter '\(name)' given twice", at: cell.location))
                continue
            }
            if let value = table.number("value", in: row, into: &diagnostics) {
                values[name] = value
                sources[name] = table.text("source", in: row)
            }
        }
        for name in parameters where values[name] == nil {
            diagnostics.append(Diagnostic(.error, "parameter '\(name)' is missing", at: table.headerLocation))
        }
        guard diagnostics.count == before else { return nil }
        return AbsorptionModel(values: values, sources: sources)
    }
}
