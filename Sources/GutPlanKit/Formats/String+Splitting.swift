extension String {
    /// The pieces between the occurrences of an ASCII punctuation character, exactly as
    /// `split(separator: Character(separator), omittingEmptySubsequences:)` gives them, found by
    /// a byte search rather than by walking characters (data files split thousands of cells).
    ///
    /// A separator byte splits only where it is a character of its own, as `split` sees it: not
    /// followed by a combining mark (`;\u{301}` is one character) nor preceded by a prepended
    /// format character. Beside ASCII neighbours it always is; otherwise the neighbours decide,
    /// so only they are checked (no rule of character breaking lets earlier text join an ASCII
    /// punctuation character).
    func splitASCII(_ separator: UInt8, omittingEmptySubsequences: Bool = true) -> [Substring] {
        assert(separator >= 0x21 && separator < 0x7F, "a printable ASCII separator")
        var pieces: [Substring] = []
        let utf8 = self.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let next = utf8.index(after: index)
            if utf8[index] == separator && standsAlone(at: index, next: next) {
                if !omittingEmptySubsequences || start < index { pieces.append(self[start..<index]) }
                start = next
            }
            index = next
        }
        if !omittingEmptySubsequences || start < utf8.endIndex { pieces.append(self[start..<utf8.endIndex]) }
        return pieces
    }

    /// Whether the ASCII character at `index` (followed by `next`) is a character of its own.
    private func standsAlone(at index: Index, next: Index) -> Bool {
        let utf8 = self.utf8
        let before = index > utf8.startIndex ? utf8[utf8.index(before: index)] : 0
        let after = next < utf8.endIndex ? utf8[next] : 0
        if before < 0x80 && after < 0x80 { return true }
        // A non-ASCII neighbour: count the characters of the neighbours and the separator alone.
        var scalars = String.UnicodeScalarView()
        var count = 1
        if index > utf8.startIndex {
            scalars.append(unicodeScalars[unicodeScalars.index(before: index)])
            count += 1
        }
        scalars.append(unicodeScalars[index])
        if next < utf8.endIndex {
            scalars.append(unicodeScalars[next])
            count += 1
        }
        return String(scalars).count == count
    }

    /// Whether the text holds a line break as `Character.isNewline` sees one (LF, VT, FF, CR,
    /// NEL, U+2028, U+2029), found by a byte search: each of these scalars begins a character
    /// (or follows the CR that does), so a character is a line break exactly when such a scalar occurs.
    var containsLineBreak: Bool {
        var iterator = utf8.makeIterator()
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        while let byte = iterator.next() {
            if byte >= 0x0A && byte <= 0x0D { return true }
            if previous == 0xC2 && byte == 0x85 { return true }
            if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
