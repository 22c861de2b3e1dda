/// A syntax error in a rule file. Every case carries its location, so a test can assert the
/// whole list a parse produced.
public enum RuleSyntaxError: Sendable, Equatable, Error {
    /// Placeholder case; the parser defines the full set.
    case unexpected(found: String, expected: String, at: SourceLocation)
}
