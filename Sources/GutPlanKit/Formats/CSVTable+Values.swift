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
        if let fast = text.withUTF8Bytes(ParsedNumber.shortDecimal) {
            self.init(value: fast)
            return
        }
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
        self.init(value: value)
    }

    /// `init(_:)` on a slice, read from its bytes where `shortDecimal` applies.
    init(_ text: Substring) {
        if let fast = text.utf8.withContiguousStorageIfAvailable(ParsedNumber.shortDecimal), let fast {
            self.init(value: fast)
        } else {
            self.init(String(text))
        }
    }

    /// The UTF-8 bytes of a cell: `shortDecimal` where it applies, else `init(_:)` on the text.
    init(_ field: CSVTable.Field) {
        if let fast = field.withBytes(ParsedNumber.shortDecimal) {
            self.init(value: fast)
        } else {
            self.init(field.text)
        }
    }

    private init(value: Double) {
        if !value.isFinite { self = .notFinite } else if value < 0 { self = .negative } else { self = .value(value == 0 ? 0 : value) }
    }

    /// The value of `-?digits[.digits]` (at least one digit, no spaces, no exponent) with at most
    /// 15 digits in all; `nil` for any other text. Exactly the double `strtod` gives: the digits
    /// as an integer M < 10^15 < 2^53 and 10^k for k <= 15 fraction digits are both exact
    /// doubles, so the one IEEE division M / 10^k is the correctly rounded value of the decimal,
    /// which is what a correctly rounding `strtod` returns (Clinger's fast path, 1990).
    static func shortDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let negative = !bytes.isEmpty && bytes[0] == 0x2D
        if negative { i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0, fractionDigits = 0
        var sawPoint = false
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                guard digits < 15 else { return nil }  // before the integer could overflow
                mantissa = mantissa * 10 + UInt64(b - 0x30)
                digits += 1
                if sawPoint { fractionDigits += 1 }
            } else if b == 0x2E && !sawPoint {
                sawPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }

    /// 10^0 ... 10^15, each an exact double.
    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]
}

/// Whether a name can be written in a rule file: `(letter|digit) { letter | digit | "-" | "_" }`, ASCII.
func isRuleName(_ text: String) -> Bool {
    func alnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    return text.withUTF8Bytes { bytes in
        guard let first = bytes.first, alnum(first) else { return false }
        return bytes.allSatisfy { alnum($0) || $0 == 0x2D || $0 == 0x5F }
    }
}

extension CSVTable {
    /// The text of a cell, empty when the column is absent.
    func text(_ column: Column, in row: Row) -> String { field(column, in: row)?.text ?? "" }

    /// `;`-separated values of a cell, trimmed, empty entries dropped.
    func list(_ column: Column, in row: Row) -> [String] {
        guard let cell = field(column, in: row) else { return [] }
        return cell.pieces(separator: UInt8(ascii: ";"), omittingEmpty: true)
    }

    /// The largest number a data file may hold by default: a million. Every amount in the
    /// shipped tables is far below it (the largest is 6,273 ug of vitamin A in 85 g of beef
    /// liver; a serving of a million grams is a tonne), and sums of such values stay exact
    /// enough; `1e300` would overflow a week's totals to infinity.
    static let largestNumber = 1_000_000.0

    /// A non-negative finite number at most `maximum` (positive with `positive`); `nil` for an
    /// empty optional cell or an invalid one (then a diagnostic is added).
    func number(_ column: Column, in row: Row, optional: Bool = false, positive: Bool = false,
                maximum: Double = CSVTable.largestNumber, into diagnostics: inout [Diagnostic]) -> Double? {
        guard let cell = field(column, in: row) else { return nil }
        let column = column.name
        let parsed = ParsedNumber(cell)  // a blank cell is not a number, so only such a cell is checked for blanks
        if parsed == .notANumber, cell.isBlank {
            if !optional { diagnostics.append(diagnostic(.error, "\(column) is empty (a number is required)", at: cell.location)) }
            return nil
        }
        switch parsed {
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
    func uniqueID(_ column: Column = "id", in row: Row, seen: inout [String: Field],
                  into diagnostics: inout [Diagnostic]) -> String? {
        guard let cell = field(column, in: row) else { return nil }
        let text = cell.text
        guard isRuleName(text) else {
            diagnostics.append(diagnostic(.error, text.isEmpty ? "empty id"
                : "id '\(text)' is not a valid name (ASCII letters, digits, '-' and '_', starting with a letter or digit)",
                at: cell.location))
            return nil
        }
        if let first = seen.updateValue(cell, forKey: text) {  // one lookup for the usual new id
            seen[text] = first
            diagnostics.append(diagnostic(.error, "duplicate id '\(text)' (first defined at \(first.location))", at: cell.location))
            return nil
        }
        return text
    }

    /// The location of the header row, for file-level messages.
    var headerLocation: SourceLocation { header.first?.location ?? SourceLocation(path: path, line: 1, column: 1) }
}

extension CSVTable.Field {
    /// Whether the text is empty once trimmed (`trimmedBlanks`): for ASCII text, only spaces and tabs.
    var isBlank: Bool {
        guard isASCII else { return text.trimmedBlanks.isEmpty }
        return withBytes { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }

    /// The pieces of the text between `separator` bytes, each trimmed (`trimmedBlanks`), empty
    /// ones dropped with `omittingEmpty`: what `text.splitASCII(separator, omittingEmptySubsequences:
    /// false).map(\.trimmedBlanks)` gives, cut from the bytes where that is the same:
    /// - every separator byte splits when its neighbours are ASCII (`splitASCII`); otherwise the
    ///   whole text goes the `String` way;
    /// - a piece of ASCII bytes loses its spaces and tabs at both ends (its only blanks), and a
    ///   piece that starts and ends with an ASCII byte other than a blank keeps all of it (as
    ///   `trimmedBlanks`'s fast path); any other piece is trimmed as a `String`.
    func pieces(separator: UInt8, omittingEmpty: Bool) -> [String] {
        let ascii = isASCII
        let cut = withBytes { bytes -> [String]? in
            var pieces: [String] = []
            pieces.reserveCapacity(bytes.reduce(1) { $0 + ($1 == separator ? 1 : 0) })
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != separator { end += 1 }
                if !ascii, end < bytes.count, (end > 0 && bytes[end - 1] >= 0x80) || (end + 1 < bytes.count && bytes[end + 1] >= 0x80) {
                    return nil
                }
                let piece = CSVTable.Field.piece(bytes, start..<end, isASCII: ascii)
                if !omittingEmpty || !piece.isEmpty { pieces.append(piece) }
                start = end + 1
            }
            return pieces
        }
        if let cut { return cut }
        let pieces = text.splitASCII(separator, omittingEmptySubsequences: false).map { $0.trimmedBlanks }
        return omittingEmpty ? pieces.filter { !$0.isEmpty } : pieces
    }

    /// `bytes[range]` as a trimmed `String` (see `pieces`).
    private static func piece(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, isASCII: Bool) -> String {
        @inline(__always) func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        if !isASCII, let first = range.first {
            let (head, tail) = (bytes[first], bytes[range.upperBound - 1])
            if head >= 0x80 || tail >= 0x80 || isBlank(head) || isBlank(tail) {
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).trimmedBlanks
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[trimmed(bytes, range)]), as: UTF8.self)
    }

    /// `range` of ASCII `bytes` without leading and trailing spaces and tabs.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var low = range.lowerBound, high = range.upperBound
        while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
        while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
        return low..<high
    }
}
