import Foundation

/// Reads a person's lab report: a CSV file with the columns `test`, `value`, `unit`.
///
/// Header names compare case-insensitively; other columns (a date, a reference range) are
/// allowed and ignored, since lab exports carry them. Test names resolve through `labs.csv`
/// ids and aliases (case-, space- and underscore-insensitive). Values are plain non-negative
/// finite decimals (`18`, `18.5`, ` 18 `). The unit must apply to the test. A test given twice
/// is an error (which value should count would be a guess). Every problem is a located
/// `Diagnostic` (at most `CSVTable.diagnosticLimit`, then a summary); results hold only the lines
/// without errors.
public enum LabReport {
    public static let requiredColumns = ["test", "value", "unit"]

    public static func parse(_ data: Data, path: String, knowledge: KnowledgeBase) -> (results: [LabResult], diagnostics: [Diagnostic]) {
        let read = CSVTable.read(data, path: path,
                                 columns: .named(required: requiredColumns, optional: [], ignoringCase: true, allowingOthers: true))
        guard let table = read.table else { return ([], read.diagnostics) }
        var diagnostics = read.diagnostics
        var results: [LabResult] = []
        var seen: [String: SourceLocation] = [:]
        for row in table.rows {
            // Like the CSV reader: a report that is wrong on every line says so once, not a
            // million times (a 50 MB file of bad lines must not make a 50 MB message).
            if diagnostics.count >= CSVTable.diagnosticLimit {
                diagnostics = Array(diagnostics.prefix(CSVTable.diagnosticLimit))
                diagnostics.append(Diagnostic(.error, "too many errors; stopped reporting", at: nil))
                break
            }
            guard let testCell = table.field("test", in: row), let valueCell = table.field("value", in: row),
                  let unitCell = table.field("unit", in: row) else { continue }
            let before = diagnostics.count
            let name = testCell.text.trimmedBlanks
            let test = knowledge.labTest(named: name)
            if test == nil {
                let hint = knowledge.suggestion(forLabTest: name).map { " (did you mean '\($0)'?)" }
                    ?? " (known tests: \(knowledge.labTests.map(\.id).joined(separator: ", ")))"
                diagnostics.append(table.diagnostic(.error, name.isEmpty ? "empty test name" : "unknown lab test '\(name)'\(hint)",
                                                    at: testCell.location))
            }
            var value: Double?
            switch ParsedNumber(valueCell.text) {
            case .value(let v) where v > CSVTable.largestNumber:
                diagnostics.append(table.diagnostic(.error, "value '\(valueCell.text)' is too large (at most 1000000)", at: valueCell.location))
            case .value(let v): value = v
            case .notANumber:
                diagnostics.append(table.diagnostic(.error, "value '\(valueCell.text)' is not a number", at: valueCell.location))
            case .notFinite:
                diagnostics.append(table.diagnostic(.error, "value '\(valueCell.text)' is out of range", at: valueCell.location))
            case .negative:
                diagnostics.append(table.diagnostic(.error, "value '\(valueCell.text)' is negative", at: valueCell.location))
            }
            let unit = unitCell.text.trimmedBlanks
            if let test {
                if LabUnit(unit) == nil {
                    diagnostics.append(table.diagnostic(.error, unit.isEmpty ? "missing unit for \(test.id) (\(test.unitAdvice))"
                                                        : "unknown unit '\(unit)' (\(test.unitAdvice))", at: unitCell.location))
                } else if !test.accepts(unit: unit) {
                    diagnostics.append(table.diagnostic(.error, "unit '\(unit)' does not apply to \(test.id) (\(test.unitAdvice))",
                                                        at: unitCell.location))
                }
                if let first = seen[test.id] {
                    diagnostics.append(table.diagnostic(.error, "\(test.id) given twice (first at \(first))", at: testCell.location))
                } else {
                    seen[test.id] = testCell.location
                }
            }
            guard diagnostics.count == before, let test, let value else { continue }
            results.append(LabResult(test: test.id, value: value, unit: unit, location: row.location))
        }
        return (results, diagnostics)
    }
}
