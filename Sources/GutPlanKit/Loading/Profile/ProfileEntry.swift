/// One `key: value` line of a profile file and the indented lines that continue it.
struct ProfileEntry: Sendable, Equatable {
    /// A piece of text with where its first character stands.
    struct Text: Sendable, Equatable {
        var text: String
        var location: SourceLocation
    }

    var key: ProfileKey
    var keyLocation: SourceLocation
    /// The value, blanks around it removed; its location is that of its first character (or
    /// of the place after the colon when empty).
    var value: Text
    /// Indented lines after the entry, each without its blanks.
    var continuation: [Text] = []

    /// The value and continuation lines, the empty value left out when continuation follows.
    var lines: [Text] {
        value.text.isEmpty && !continuation.isEmpty ? continuation : [value] + continuation
    }
}
