/// The lines of a source text, split exactly as `Cursor` counts them (`\n`, `\r\n` or a lone
/// `\r` end a line; a leading byte-order mark is dropped), so `line(n)` is the line a
/// `SourceLocation` with line `n` points into.
struct SourceText: Sendable {
    let lines: [String]

    init(_ text: String) {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        if pending == "\u{FEFF}" { pending = scalars.next() }
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\r":
                if pending == "\n" { pending = scalars.next() }
                fallthrough
            case "\n":
                lines.append(String(current))
                current = String.UnicodeScalarView()
            default:
                current.append(scalar)
            }
        }
        lines.append(String(current))
        self.lines = lines
    }

    /// The text of 1-based line `number`, without its line break; `nil` when out of range.
    func line(_ number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}
