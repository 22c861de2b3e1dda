/// Parses `.rules` files (grammar in `docs/RULES.md`).
///
/// A hand-written recursive-descent parser over a one-token lookahead lexer. Parse errors are
/// values: they are collected in `RuleFile.errors`, never thrown, and after a syntax error the
/// parser skips to the next `rule` or `set` so that one run reports every broken statement. A
/// statement with any error is left out of `rules`/`settings`. Work is linear in the input and the
/// recursion depth is bounded by `maximumNesting`.
public enum RuleParser {
    /// Deepest allowed nesting of `(` and `not` in one condition.
    public static let maximumNesting = 64
    /// The parser stops (with `.tooManyErrors`) after this many errors in one file.
    public static let maximumErrors = 100

    /// Parses one rule file. Never throws and never traps, whatever `text` holds.
    public static func parse(_ text: String, path: String) -> RuleFile {
        var parser = RuleFileParser(text, path: path)
        parser.parseFile()
        return RuleFile(path: path, rules: parser.rules, settings: parser.settings, errors: parser.errors)
    }

    /// The file's errors as diagnostics (`path:line:column: error: message`), each with the
    /// offending line of `text` (the text `file` was parsed from) for the caret display.
    public static func diagnostics(for file: RuleFile, text: String) -> [Diagnostic] {
        let source = SourceText(text)
        return file.errors.map { $0.diagnostic(sourceLine: source.line($0.location.line)) }
    }

    /// Words that structure a file and can never be names. The other keywords (`fermented`,
    /// `male`, `lab`, ...) may still name things, e.g. the food tag in `avoid fermented`.
    public static let reservedWords: Set<String> = ["rule", "set", "when", "then", "and", "or", "not"]

    /// Every keyword of the language (all lowercase).
    static let keywords: Set<String> = [
        "rule", "set", "weight", "priority", "when", "then",
        "and", "or", "not", "always", "flagged", "confirmed", "suspected", "lab", "symptom", "diet",
        "sex", "female", "male", "age", "low-fodmap",
        "flag", "target", "prefer", "add", "fermented", "prebiotic", "step", "note", "avoid",
    ]
}
