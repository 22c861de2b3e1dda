import Foundation

/// Reads a person's lab report: a CSV file with the columns `test`, `value`, `unit` and an
/// optional `date`.
///
/// Header names compare case-insensitively; other columns (a reference range, a flag) are
/// allowed and ignored, since lab exports carry them. Every problem is a located `Diagnostic`
/// (at most `CSVTable.diagnosticLimit`, then a summary); results hold only the lines without
/// errors.
/// - **Tests** resolve through `labs.csv` ids and aliases (case-, space- and
///   underscore-insensitive). A test gutplan does not read (HbA1c, TSH) is a warning naming the
///   line, and the rest of the report is used; a name one or two letters from a known test
///   (`feritin`) is an error with a suggestion, since silently dropping a misspelt ferritin
///   would be worse. A line the CSV reader rejects stays an error.
/// - **Values** are non-negative finite decimals (`18`, `18.5`, ` 18 `), at most a million, or
///   censored as labs print values outside their range: `<5`, `< 5`, `<=5`, `≤5`, `>150`,
///   `>=150`, `≥150` (`LabResult.Qualifier`). The unit must apply to the test.
/// - **Dates** (`YYYY-MM-DD`, a real calendar day) are optional. A test given on several lines
///   counts once: with a date on each of its lines, the latest counts and the earlier ones are
///   kept in `LabResult.earlier`; without dates (or twice on one date) it is an error, since
///   which value should count would be a guess.
enum LabReport {
    static let requiredColumns = ["test", "value", "unit"]
    static let optionalColumns = ["date"]

    /// One accepted line before repeats are resolved.
    private struct Line {
        var result: LabResult
        var testLocation: SourceLocation
        var date: String?
    }

    static func parse(_ data: Data, path: String, knowledge: KnowledgeBase) -> (results: [LabResult], diagnostics: [Diagnostic]) {
        let read = CSVTable.read(data, path: path,
                                 columns: .named(required: requiredColumns, optional: optionalColumns, ignoringCase: true,
                                                 allowingOthers: true))
        guard let table = read.table else { return ([], read.diagnostics) }
        var diagnostics = read.diagnostics
        var lines: [Line] = []
        var warnings: [Diagnostic] = []
        var skipped = 0
        for row in table.rows {
            // Like the CSV reader: a report that is wrong on every line says so once, not a
            // million times (a 50 MB file of bad lines must not make a 50 MB message).
            if diagnostics.count >= CSVTable.diagnosticLimit {
                diagnostics = Array(diagnostics.prefix(CSVTable.diagnosticLimit))
                diagnostics.append(Diagnostic(.error, "too many errors; stopped reporting", at: nil))
                break
            }
            var found: [Diagnostic] = []
            if let line = parseLine(row, table: table, knowledge: knowledge, into: &found) { lines.append(line) }
            for diagnostic in found {
                if diagnostic.severity == .error {
                    diagnostics.append(diagnostic)
                } else if warnings.count < CSVTable.diagnosticLimit {
                    warnings.append(diagnostic)
                } else {
                    skipped += 1
                }
            }
        }
        // Warnings (lines not used) are capped on their own, so many of them never make an error.
        if skipped > 0 {
            warnings.append(Diagnostic(.warning, "\(skipped) more lines name tests gutplan does not read and are not used", at: nil))
        }
        diagnostics += warnings
        return (resolveRepeats(lines, table: table, into: &diagnostics), diagnostics)
    }

    /// One report line as a result, or `nil` after adding its diagnostics (a warning only for a
    /// test gutplan does not read).
    private static func parseLine(_ row: CSVTable.Row, table: CSVTable, knowledge: KnowledgeBase,
                                  into diagnostics: inout [Diagnostic]) -> Line? {
        guard let testCell = table.field("test", in: row), let valueCell = table.field("value", in: row),
              let unitCell = table.field("unit", in: row) else { return nil }
        let before = diagnostics.count
        let name = testCell.text.trimmedBlanks
        let test = knowledge.labTest(named: name)
        if test == nil {
            if name.isEmpty {
                diagnostics.append(table.diagnostic(.error, "empty test name", at: testCell.location))
            } else if let close = knowledge.suggestion(forLabTest: name) {
                diagnostics.append(table.diagnostic(.error, "unknown lab test '\(name)' (did you mean '\(close)'?)", at: testCell.location))
            } else {
                diagnostics.append(table.diagnostic(.warning, "lab test '\(name)' is not one gutplan reads, so this line is not used "
                    + "(known tests: \(knowledge.labTests.map(\.id).joined(separator: ", ")))", at: testCell.location))
                return nil
            }
        }
        let (qualifier, number) = censored(valueCell.text)
        var value: Double?
        switch ParsedNumber(number) {
        case .value(let v) where v > CSVTable.largestNumber:
            diagnostics.append(table.diagnostic(.error, "value '\(valueCell.text)' is too large (at most 1000000)", at: valueCell.location))
        case .value(let v): value = v
        case .notANumber:
            diagnostics.append(table.diagnostic(.error, "value '\(valueCell.text)' is not a number"
                + " (write a number such as 18.5, or a censored value such as <5 or >150)", at: valueCell.location))
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
        }
        var date: String?
        if let dateCell = table.field("date", in: row), !dateCell.text.trimmedBlanks.isEmpty {
            date = dateCell.text.trimmedBlanks
            if !isCalendarDate(dateCell.text.trimmedBlanks) {
                diagnostics.append(table.diagnostic(.error, "date '\(dateCell.text)' is not a calendar date written YYYY-MM-DD",
                                                    at: dateCell.location))
            }
        }
        guard diagnostics.count == before, let test, let value else { return nil }
        return Line(result: LabResult(test: test.id, value: value, unit: unit, qualifier: qualifier, date: date,
                                      location: row.location),
                    testLocation: testCell.location, date: date)
    }

    /// The latest line of each test (in the order tests first appear), the earlier ones attached;
    /// an error for a test repeated without a date on each of its lines, or twice on one date.
    private static func resolveRepeats(_ lines: [Line], table: CSVTable, into diagnostics: inout [Diagnostic]) -> [LabResult] {
        var byTest: [String: [Line]] = [:]
        var order: [String] = []
        for line in lines {
            if byTest[line.result.test] == nil { order.append(line.result.test) }
            byTest[line.result.test, default: []].append(line)
        }
        var results: [LabResult] = []
        for test in order {
            guard let group = byTest[test], let first = group.first else { continue }
            guard group.count > 1 else {
                results.append(first.result)
                continue
            }
            var seenDates: [String: SourceLocation] = [:]
            var ok = true
            let dated = group.allSatisfy { $0.date != nil }
            for line in group.dropFirst() where !dated {
                diagnostics.append(table.diagnostic(.error, "\(test) given twice (first at \(first.testLocation)); "
                    + "give a date (YYYY-MM-DD) on each of its lines for the latest to count", at: line.testLocation))
                ok = false
            }
            for line in group where dated {
                guard let date = line.date else { continue }
                if let earlier = seenDates[date] {
                    diagnostics.append(table.diagnostic(.error, "\(test) given twice on \(date) (first at \(earlier))", at: line.testLocation))
                    ok = false
                } else {
                    seenDates[date] = line.testLocation
                }
            }
            guard ok else { continue }
            // YYYY-MM-DD sorts as text in calendar order.
            let sorted = group.sorted { ($0.date ?? "") < ($1.date ?? "") }
            guard var latest = sorted.last?.result else { continue }
            latest.earlier = sorted.dropLast().map(\.result)
            results.append(latest)
        }
        return results
    }

    /// The qualifier written before a value (`<`, `<=`, `≤`, `>`, `>=`, `≥`, spaces allowed
    /// after it) and the rest of the text.
    static func censored(_ text: String) -> (LabResult.Qualifier, String) {
        let trimmed = text.trimmedBlanks
        for (prefix, qualifier) in [("<=", LabResult.Qualifier.atMost), ("≤", .atMost), (">=", .atLeast), ("≥", .atLeast),
                                    ("<", .below), (">", .above)] where trimmed.hasPrefix(prefix) {
            return (qualifier, String(trimmed.dropFirst(prefix.count)))
        }
        return (.exact, trimmed)
    }

    /// Whether `text` is `YYYY-MM-DD` naming a real day (years 1000–9999, leap years counted).
    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              year >= 1000, (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }
}
