/// A forward-only reader over a rule file's Unicode scalars that knows its line and column.
///
/// - Lines are 1-based. `\n`, `\r\n` and a lone `\r` each end a line (so CRLF files report the
///   same positions as LF files).
/// - Columns are 1-based and count **Unicode scalars** from the start of the line: `µg/L` is four
///   columns wide, a tab is one column. `SourceText` splits lines by the same rules, so a
///   diagnostic's caret lands under the scalar the column names.
/// - A byte-order mark at the very start of the text is skipped and takes no column.
///
/// Every operation is O(1), so lexing a file is linear in its length.
struct Cursor {
    private let scalars: [Unicode.Scalar]
    let path: String
    /// Index of the next scalar to read.
    private(set) var offset: Int
    private(set) var line = 1
    private(set) var column = 1

    init(_ text: String, path: String) {
        scalars = Array(text.unicodeScalars)
        self.path = path
        offset = scalars.first == "\u{FEFF}" ? 1 : 0
    }

    var isAtEnd: Bool { offset >= scalars.count }

    /// The scalar `ahead` places after the next one (`peek()` is the next scalar), or `nil` past the end.
    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let index = offset + ahead
        return index < scalars.count ? scalars[index] : nil
    }

    /// Where the next scalar stands.
    var location: SourceLocation { SourceLocation(path: path, line: line, column: column) }

    /// Moves past the next scalar, keeping line and column up to date.
    mutating func advance() {
        guard offset < scalars.count else { return }
        let scalar = scalars[offset]
        offset += 1
        if scalar == "\n" || (scalar == "\r" && peek() != "\n") {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    /// Moves past scalars while `predicate` holds.
    mutating func advance(while predicate: (Unicode.Scalar) -> Bool) {
        while let scalar = peek(), predicate(scalar) { advance() }
    }

    /// The text read since `start` (an earlier `offset`).
    func text(from start: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<offset])
        return String(view)
    }
}
