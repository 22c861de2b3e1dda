/// Writes RFC 4180 CSV: comma-separated, CRLF after every record (the last one too), fields
/// containing a comma, quote, CR or LF quoted with quotes doubled; UTF-8 without a byte-order mark.
///
/// Terminal safety: a text cell's control and format characters (other than CR and LF, which
/// quoting handles) are written out visibly (`printable`), since CSV often goes to a terminal.
///
/// Spreadsheet safety: a text cell starting with `=`, `+`, `-`, `@`, TAB or CR is prefixed with
/// `'` so spreadsheet programs show it instead of evaluating it as a formula. Number cells are
/// written as they are (a negative number stays a number).
struct CSVWriter: Sendable {
    /// One cell of a record.
    enum Cell: Sendable, Equatable {
        /// Text, neutralised against formula injection.
        case text(String)
        /// A number, formatted locale-independently with `maxFractionDigits` decimals, trimmed.
        case number(Double)
        case empty
    }

    /// Decimals kept in number cells (default 4).
    var maxFractionDigits: Int
    private(set) var text = ""

    init(maxFractionDigits: Int = 4) {
        self.maxFractionDigits = maxFractionDigits
    }

    /// Appends one record.
    mutating func append(_ cells: [Cell]) {
        text += cells.map(field).joined(separator: ",")
        text += "\r\n"
    }

    /// Appends a record of text cells (a header).
    mutating func append(header: [String]) {
        append(header.map(Cell.text))
    }

    private func field(_ cell: Cell) -> String {
        switch cell {
        case .empty: return ""
        case .number(let value):
            return value.isFinite ? DecimalText.format(value, maxFractionDigits: maxFractionDigits) : ""
        case .text(let raw): return CSVWriter.quoted(CSVWriter.neutralised(raw.printable(keepingLineBreaks: true)))
        }
    }

    /// `text` with a leading `'` when a spreadsheet would read it as a formula.
    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else {
            return text
        }
        return "'" + text
    }

    /// `text` as an RFC 4180 field: quoted (quotes doubled) when it holds `,` `"` CR or LF.
    static func quoted(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
            return text
        }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
