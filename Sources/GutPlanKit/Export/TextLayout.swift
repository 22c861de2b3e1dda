/// Plain-text layout helpers: display width, word wrap, padding, ANSI styles.
///
/// Every text that `wrap`, `truncate`, `padRight` and `padLeft` lay out is made `printable`
/// first (names, notes and units come from files), so no control or format character reaches
/// the output raw; ANSI styles are applied after layout.
///
/// Width is counted in `Character`s, skipping ANSI escape sequences. East Asian wide characters
/// count as one column (the knowledge base is Latin-script; documented limitation).
enum TextLayout {
    /// Columns `text` occupies on a terminal.
    static func width(_ text: String) -> Int {
        if let columns = plainWidth(text) { return columns }
        var count = 0
        var inEscape = false
        for character in text {
            if inEscape {
                if character.isLetter { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                count += 1
            }
        }
        return count
    }

    /// The width of text made only of printable ASCII (U+0020–U+007E: each byte one character
    /// and one column, none escaped by `printable`), counted without walking characters; `nil`
    /// for any other text. Most of a plan's text is such, and walking characters was most of
    /// the cost of laying it out.
    static func plainWidth<Text: StringProtocol>(_ text: Text) -> Int? {
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x20 && byte < 0x7F else { return nil }
            count += 1
        }
        return count
    }

    /// `text.printable`, without looking up the properties of every scalar when the text is
    /// printable ASCII (`plainWidth`), which `printable` leaves unchanged.
    static func printable<Text: StringProtocol>(_ text: Text) -> String {
        plainWidth(text) != nil ? String(text) : text.printable
    }

    /// The words of `text`: the runs between white space, as `split(whereSeparator: \.isWhitespace)`
    /// finds them. Text whose every scalar `isPlainScalar` is split at its ASCII white-space
    /// bytes without walking characters (each such scalar is a character of its own, and only
    /// the ASCII ones among them are white space).
    static func words(of text: String) -> [Substring] {
        guard text.unicodeScalars.allSatisfy(isPlainScalar) else { return text.split(whereSeparator: { $0.isWhitespace }) }
        var words: [Substring] = []
        var start: String.Index?
        let bytes = text.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                if let from = start { words.append(text[from..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
            bytes.formIndex(after: &index)
        }
        if let from = start { words.append(text[from..<bytes.endIndex]) }
        return words
    }

    /// ASCII, or a scalar of Latin-1 Supplement and Latin Extended-A and -B after the no-break
    /// space (U+00A1–U+024F), or a dash, quote, bullet or ellipsis of General Punctuation
    /// (U+2010–U+2027): no combining mark, joiner or other scalar that joins its neighbours
    /// into one character, and no white space but ASCII's.
    static func isPlainScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 || (0xA1...0x24F).contains(scalar.value) || (0x2010...0x2027).contains(scalar.value)
    }

    /// `text` padded with spaces on the right to `columns`.
    static func padRight(_ text: String, _ columns: Int) -> String {
        let text = printable(text)
        return text + String(repeating: " ", count: max(0, columns - width(text)))
    }

    /// `text` padded with spaces on the left to `columns`.
    static func padLeft(_ text: String, _ columns: Int) -> String {
        let text = printable(text)
        return String(repeating: " ", count: max(0, columns - width(text))) + text
    }

    /// `text` cut to `columns`, ending in `…` when cut (plain text only).
    static func truncate(_ text: String, _ columns: Int) -> String {
        let text = printable(text)
        guard width(text) > columns else { return text }
        guard columns > 1 else { return String(text.prefix(max(0, columns))) }
        return String(text.prefix(columns - 1)) + "…"
    }

    /// Word-wraps plain `text` so every line, prefix included, fits in `width` columns.
    /// The first line starts with `first`, later lines with `rest`; a word longer than a line is
    /// broken. Runs of white space (including line breaks) collapse to one space.
    ///
    /// Linear in the length of `text`: the line's width is kept as a count and a long word is
    /// cut in one pass (a 400 KB word no longer re-measures its rest at every line).
    static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        var lines: [String] = []
        var line = first
        var lineWidth = self.width(first)
        let restWidth = self.width(rest)
        var lineHasWord = false
        /// Columns left on the line for the next piece, after the separating space (at least 1).
        func available() -> Int { max(1, width - lineWidth - (lineHasWord ? 1 : 0)) }
        func append(_ piece: Substring, columns: Int) {
            if lineHasWord {
                line += " "
                lineWidth += 1
            }
            line += piece
            lineWidth += columns
            lineHasWord = true
        }
        func newLine() {
            lines.append(line)
            line = rest
            lineWidth = restWidth
            lineHasWord = false
        }
        for piece in words(of: text) {
            let word = printable(piece)
            var remaining = word[...]
            var columns = plainWidth(word) ?? word.count
            if lineHasWord, lineWidth + 1 + columns > width { newLine() }
            // Break words longer than a whole line.
            while columns > available() {
                let room = available()
                let cut = remaining.index(remaining.startIndex, offsetBy: room)
                append(remaining[..<cut], columns: room)
                remaining = remaining[cut...]
                columns -= room
                newLine()
            }
            guard !remaining.isEmpty else { continue }
            append(remaining, columns: columns)
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines.map { $0.trailingSpacesTrimmed }
    }
}

/// ANSI SGR styles, applied only when colour is on.
struct ANSIStyle: Sendable {
    var enabled: Bool

    func bold(_ text: String) -> String { apply("1", text) }
    func dim(_ text: String) -> String { apply("2", text) }
    func green(_ text: String) -> String { apply("32", text) }
    func yellow(_ text: String) -> String { apply("33", text) }
    func red(_ text: String) -> String { apply("31", text) }

    private func apply(_ code: String, _ text: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
