extension StringProtocol {
    /// The text without leading and trailing horizontal white space (spaces, tabs, no-break
    /// spaces: what `.whitespaces` holds). Pure Swift: Foundation's `trimmingCharacters(in:)`
    /// bridges through NSString and dominated loading time.
    var trimmedBlanks: String {
        let isBlank: (Character) -> Bool = { $0 == " " || ($0.isWhitespace && !$0.isNewline) }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
