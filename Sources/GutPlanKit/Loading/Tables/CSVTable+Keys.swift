import Foundation

/// Helpers shared by the plate tables (`methods.csv`, `shopping.csv`, `units.csv`): each row is
/// keyed by a meal or food id that must be unique in the file and known to the rule directory.
extension CSVTable {
    /// Reads a whole file; a file that does not exist gives `missing` (and one diagnostic).
    static func readFile(_ path: String, columns: Columns) -> (table: CSVTable?, diagnostics: [Diagnostic], missing: Bool) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [Diagnostic(.error, "file not found: \(path)", at: nil)], true)
        }
        let read = CSVTable.read(data, path: path, columns: columns)
        return (read.table, read.diagnostics, false)
    }

    /// The row's `column` cell if it names one of `known` (any name when `known` is `nil`) and
    /// was not seen before in this file; otherwise adds a located diagnostic.
    func uniqueKey(_ column: Column, kind: String, in row: Row, known: KnownIDs?, seen: inout [String: Field],
                   into diagnostics: inout [Diagnostic]) -> String? {
        guard let cell = field(column, in: row) else { return nil }
        let text = cell.text
        guard isRuleName(text) else {
            diagnostics.append(diagnostic(.error, text.isEmpty ? "empty \(kind) id"
                : "\(kind) id '\(text)' is not a valid name (ASCII letters, digits, '-' and '_')", at: cell.location))
            return nil
        }
        if let first = seen.updateValue(cell, forKey: text) {  // one lookup for the usual new key
            seen[text] = first
            diagnostics.append(diagnostic(.error, "duplicate \(kind) '\(text)' (first at \(first.location))", at: cell.location))
            return nil
        }
        if let known, !known.contains(text) {
            diagnostics.append(diagnostic(.error, "unknown \(kind) '\(text)'\(Suggestion.didYouMean(text, among: known.list))",
                                          at: cell.location))
            return nil
        }
        return text
    }

    /// A cell of one line of text: not empty (unless `optional`), no line break or tab, at most `limit` scalars.
    func line(_ column: Column, in row: Row, optional: Bool = false, limit: Int = 400,
              into diagnostics: inout [Diagnostic]) -> String? {
        guard let cell = field(column, in: row) else { return nil }
        let text = cell.text.trimmedBlanks
        return Self.checkedLine(text, column: column.name, optional: optional, limit: limit, at: cell.location, in: self,
                                into: &diagnostics)
    }

    /// `column` names the text in messages (made only for one).
    static func checkedLine(_ text: String, column: @autoclosure () -> String, optional: Bool, limit: Int, at location: SourceLocation,
                            in table: CSVTable, into diagnostics: inout [Diagnostic]) -> String? {
        if text.isEmpty {
            if optional { return "" }
            diagnostics.append(table.diagnostic(.error, "\(column()) is empty", at: location))
            return nil
        }
        if text.containsLineBreak {
            diagnostics.append(table.diagnostic(.error, "\(column()) must be one line (it holds a line break)", at: location))
            return nil
        }
        if text.containsByte(0x09) {  // a byte search: Foundation's substring search is slow here
            diagnostics.append(table.diagnostic(.error, "\(column()) holds a tab (use spaces)", at: location))
            return nil
        }
        if text.utf8.count > limit && text.unicodeScalars.count > limit {  // never more scalars than bytes
            diagnostics.append(table.diagnostic(.error, "\(column()) is longer than \(limit) characters", at: location))
            return nil
        }
        return text
    }

    /// A whole number in `range`; `nil` (with a diagnostic) otherwise.
    func wholeNumber(_ column: Column, in row: Row, range: ClosedRange<Int>, into diagnostics: inout [Diagnostic]) -> Int? {
        guard let cell = field(column, in: row), let value = number(column, in: row, into: &diagnostics) else { return nil }
        guard value == value.rounded(), value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            diagnostics.append(diagnostic(.error, "\(column.name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(cell.text)'",
                                          at: cell.location))
            return nil
        }
        return Int(value)
    }

    /// One warning at the header for each id of `expected` that no row covered.
    func warnMissing(_ expected: [String], covered: Set<String>, what: String, into diagnostics: inout [Diagnostic]) {
        let missing = expected.filter { !covered.contains($0) }
        guard !missing.isEmpty else { return }
        let shown = missing.prefix(10).joined(separator: ", ")
        let more = missing.count > 10 ? " and \(missing.count - 10) more" : ""
        diagnostics.append(diagnostic(.warning, "no \(what) for \(shown)\(more)", at: headerLocation))
    }
}
