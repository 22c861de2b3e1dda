/// One lexical token of the rule language, with where it starts.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A keyword or a name: ASCII letters, digits, `-` and `_`, starting with a letter or digit.
        case word(String)
        /// A double-quoted string, escapes already resolved.
        case string(String)
        /// `-?digits[.digits]`, as written; the parser checks range and finiteness.
        case number(String)
        case comparison(Comparison)
        case comma
        case leftParen
        case rightParen
        /// Raw unit text after a lab value (`ug/L`, `µg/L`); only lexed when the parser asks.
        case unit(String)
        case end
        /// Text that is not a token; carries the error to report if the parser reaches it.
        case invalid(RuleSyntaxError)
    }

    var kind: Kind
    var location: SourceLocation

    /// True when this is the word `keyword`.
    func isWord(_ keyword: String) -> Bool {
        if case .word(let word) = kind { return word == keyword }
        return false
    }

    /// How the token reads in an error message ("'maybe'", "the end of the file").
    var description: String {
        switch kind {
        case .word(let text), .number(let text), .unit(let text): return "'\(Token.clipped(text))'"
        case .string(let text): return "the string \"\(Token.clipped(text))\""
        case .comparison(let comparison): return "'\(comparison.rawValue)'"
        case .comma: return "','"
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .end: return "the end of the file"
        case .invalid(let error): return error.message
        }
    }

    /// Long text cut to 40 scalars so a message stays one readable line.
    static func clipped(_ text: String, limit: Int = 40) -> String { text.clipped(to: limit) }
}
