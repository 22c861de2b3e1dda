extension StringProtocol {
    /// The text without leading and trailing horizontal white space (spaces, tabs, no-break
    /// spaces: what `.whitespaces` holds). Pure Swift: Foundation's `trimmingCharacters(in:)`
    /// bridges through NSString and dominated loading time.
    ///
    /// Fast path: when the first and the last byte are ASCII other than space and tab, nothing is
    /// trimmed. (The first character then starts with that ASCII scalar; the last character
    /// starts with it too, or with a CR or a prepended format character, none of them blank.)
    var trimmedBlanks: String {
        let utf8 = self.utf8
        let count = utf8.count  // O(1) for String and Substring
        if count > 0 {
            let first = utf8[utf8.startIndex], last = utf8[utf8.index(utf8.startIndex, offsetBy: count - 1)]
            if first < 0x80, last < 0x80, first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return copiedString }
        }
        return trimming { $0 == " " || ($0.isWhitespace && !$0.isNewline) }
    }

    /// The text as a `String`: itself for a `String`; for a slice, a copy made from its UTF-8
    /// bytes, so the copy knows whether it is ASCII (and hashes and compares on the fast path).
    private var copiedString: String {
        if let string = self as? String { return string }
        return utf8.withContiguousStorageIfAvailable { String(decoding: $0, as: UTF8.self) } ?? String(self)
    }

    /// The text without trailing spaces (layout leaves them at line ends).
    var trailingSpacesTrimmed: String {
        trimming(leading: false) { $0 == " " }
    }

    /// The one trimmer: the text without the characters `isBlank` accepts at its start (with
    /// `leading`) and at its end (with `trailing`).
    func trimming(leading: Bool = true, trailing: Bool = true, _ isBlank: (Character) -> Bool) -> String {
        let start = leading ? (firstIndex { !isBlank($0) } ?? endIndex) : startIndex
        guard start < endIndex else { return "" }
        let end = trailing ? (lastIndex { !isBlank($0) }.map(index(after:)) ?? start) : endIndex
        return String(self[start..<end])
    }
}
