extension StringProtocol {
    /// The text without leading and trailing horizontal white space (spaces, tabs, no-break
    /// spaces: what `.whitespaces` holds). Pure Swift: Foundation's `trimmingCharacters(in:)`
    /// bridges through NSString and dominated loading time.
    var trimmedBlanks: String {
        trimming { $0 == " " || ($0.isWhitespace && !$0.isNewline) }
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
