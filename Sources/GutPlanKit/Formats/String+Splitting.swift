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
        let separators = withUTF8Bytes { bytes in
            var found: [Int] = []
            for offset in bytes.indices where bytes[offset] == separator {
                let before = offset > 0 ? bytes[offset - 1] : 0
                let after = offset + 1 < bytes.count ? bytes[offset + 1] : 0
                if (before < 0x80 && after < 0x80) || standsAlone(at: offset) { found.append(offset) }
            }
            return found
        }
        var pieces: [Substring] = []
        var start = 0
        for offset in separators {
            if !omittingEmptySubsequences || start < offset { pieces.append(self[utf8Index(start)..<utf8Index(offset)]) }
            start = offset + 1
        }
        if !omittingEmptySubsequences || start < utf8.count { pieces.append(self[utf8Index(start)...]) }
        return pieces
    }

    /// The index `offset` bytes from the start (O(1) for a native string).
    private func utf8Index(_ offset: Int) -> Index { utf8.index(utf8.startIndex, offsetBy: offset) }

    /// Whether the ASCII character at byte `offset` is a character of its own, judged by
    /// counting the characters of it with its neighbouring scalars.
    private func standsAlone(at offset: Int) -> Bool {
        let index = utf8Index(offset)
        let next = utf8.index(after: index)
        var scalars = String.UnicodeScalarView()
        var count = 1
        if index > startIndex {
            scalars.append(unicodeScalars[unicodeScalars.index(before: index)])
            count += 1
        }
        scalars.append(unicodeScalars[index])
        if next < endIndex {
            scalars.append(unicodeScalars[next])
            count += 1
        }
        return String(scalars).count == count
    }

    /// `body` over the UTF-8 bytes, contiguous (a copy only for a string that is not stored as UTF-8).
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }

    /// Whether the UTF-8 text holds `byte` (a tab, say).
    func containsByte(_ byte: UInt8) -> Bool {
        withUTF8Bytes { $0.contains(byte) }
    }

    /// Whether the text holds a line break as `Character.isNewline` sees one (LF, VT, FF, CR,
    /// NEL, U+2028, U+2029), found by a byte search: each of these scalars begins a character
    /// (or follows the CR that does), so a character is a line break exactly when such a scalar occurs.
    var containsLineBreak: Bool {
        withUTF8Bytes { bytes in
            // First a branch-free pass for a byte that can start or be part of one (0x0A–0x0D,
            // or any non-ASCII byte): most text has none.
            let suspect = bytes.reduce(UInt8(0)) { $0 | ($1 &- 0x0A < 4 ? 1 : 0) | ($1 & 0x80) }
            guard suspect != 0 else { return false }
            for offset in bytes.indices {
                switch bytes[offset] {
                case 0x0A...0x0D: return true
                case 0x85 where offset >= 1 && bytes[offset - 1] == 0xC2: return true
                case 0xA8, 0xA9: if offset >= 2 && bytes[offset - 1] == 0x80 && bytes[offset - 2] == 0xE2 { return true }
                default: break
                }
            }
            return false
        }
    }
}
