import Foundation

/// A decimal number as written in a data file or lab report.
enum ParsedNumber: Equatable {
    case value(Double)
    case notANumber
    case notFinite
    case negative

    /// Reads plain decimal notation (`18`, `18.5`, `.5`, `1e3`, surrounding spaces allowed);
    /// no hex, `inf` or `nan`. Negative and non-finite values are told apart for messages.
    init(_ text: String) {
        let trimmed = text.trimmedBlanks
        // ASCII bytes only, so bytes and characters agree (a data file holds thousands of cells).
        func allowed(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x65 || byte == 0x45 || byte == 0x2B || byte == 0x2D
        }
        let bytes = trimmed.utf8
        guard !bytes.isEmpty, bytes.count <= 64, bytes.allSatisfy(allowed),
              bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), let value = Double(trimmed) else {
            self = .notANumber
            return
        }
        if !value.isFinite { self = .notFinite } else if value < 0 { self = .negative } else { self = .value(value == 0 ? 0 : value) }
    }
}

/// Whether a name can be written in a rule file: `(letter|digit) { letter | digit | "-" | "_" }`, ASCII.
func isRuleName(_ text: String) -> Bool {
    guard let first = text.utf8.first else { return false }
    func alnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    return alnum(first) && text.utf8.allSatisfy { alnum($0) || $0 == 0x2D || $0 == 0x5F }
}

extension CSVTable {
    /// The text of a cell, empty when the column is absent.
    func text(_ column: String, in row: Row) -> String { field(column, in: row)?.text ?? "" }

    /// `;`-separated values of a cell, trimmed, empty entries dropped.
    func list(_ column: String, in row: Row) -> [String] {
        text(column, in: row).splitASCII(UInt8(ascii: ";")).map { $0.trimmedBlanks }.filter { !$0.isEmpty }
    }

    /// The largest number a data file may hold by default: a million. Every amount in the
    /// shipped tables is far below it (the largest is 6,273 ug of vitamin A in 85 g of beef
    /// liver; a serving of a million grams is a tonne), and sums of such values stay exact
    /// enough; `1e300` would overflow a week's totals to infinity.
    static let largestNumber = 1_000_000.0

    /// A non-negative finite number at most `maximum` (positive with `positive`); `nil` for an
    /// empty optional cell or an invalid one (then a diagnostic is added).
    func number(_ column: String, in row: Row, optional: Bool = false, positive: Bool = false,
                maximum: Double = CSVTable.largestNumber, into diagnostics: inout [Diagnostic]) -> Double? {
        guard let cell = field(column, in: row) else { return nil }
        if cell.text.trimmedBlanks.isEmpty {
            if !optional { diagnostics.append(diagnostic(.error, "\(column) is empty (a number is required)", at: cell.location)) }
            return nil
        }
        switch ParsedNumber(cell.text) {
        case .value(let v):
            if positive && v <= 0 {
                diagnostics.append(diagnostic(.error, "\(column) must be greater than 0, not '\(cell.text)'", at: cell.location))
                return nil
            }
            if v > maximum {
                diagnostics.append(diagnostic(.error, "\(column) '\(cell.text)' is too large (at most \(DecimalText.format(maximum, maxFractionDigits: 6)))",
                                              at: cell.location))
                return nil
            }
            return v
        case .notANumber:
            diagnostics.append(diagnostic(.error, "\(column) '\(cell.text)' is not a number", at: cell.location))
        case .notFinite:
            diagnostics.append(diagnostic(.error, "\(column) '\(cell.text)' is out of range", at: cell.location))
        case .negative:
            diagnostics.append(diagnostic(.error, "\(column) must not be negative, not '\(cell.text)'", at: cell.location))
        }
        return nil
    }

    /// The row's `id` cell if it is a valid name not seen before in this file; otherwise adds a
    /// diagnostic (a duplicate is reported at the second with where the first stands).
    func uniqueID(in row: Row, seen: inout [String: SourceLocation], into diagnostics: inout [Diagnostic]) -> String? {
        guard let cell = field("id", in: row) else { return nil }
        guard isRuleName(cell.text) else {
            diagnostics.append(diagnostic(.error, cell.text.isEmpty ? "empty id"
                : "id '\(cell.text)' is not a valid name (ASCII letters, digits, '-' and '_', starting with a letter or digit)",
                at: cell.location))
            return nil
        }
        if let first = seen[cell.text] {
            diagnostics.append(diagnostic(.error, "duplicate id '\(cell.text)' (first defined at \(first))", at: cell.location))
            return nil
        }
        seen[cell.text] = cell.location
        return cell.text
    }

    /// The location of the header row, for file-level messages.
    var headerLocation: SourceLocation { header.first?.location ?? SourceLocation(path: path, line: 1, column: 1) }
}
