/// Parses `.rules` files (grammar in `docs/RULES.md`).
///
/// A hand-written recursive-descent parser over a one-token lookahead lexer. Parse errors are
/// values: they are collected in `RuleFile.errors`, never thrown, and after a syntax error the
/// parser skips to the next `rule` or `set` so that one run reports every broken statement. A
/// statement with any error is left out of `rules`/`settings`. Work is linear in the input and the
/// recursion depth is bounded by `maximumNesting`.
enum RuleParser {
    /// Deepest allowed nesting of `(` and `not` in one condition.
    static let maximumNesting = 64
    /// Most terms in one `and` or `or` chain (a chain is a flat list; 1,000 is far above any
    /// real rule and keeps every message and walk small).
    static let maximumTerms = 1_000
    /// Largest weight in `set weight` and `target N weight W`. Weights rank nutrients in the
    /// planner's objective (the shipped rules use 1 to 3); above this they only overflow sums.
    static let maximumWeight = 1_000.0
    /// Largest age in `age OP N`, in years.
    static let maximumAge = 150.0
    /// Largest lab threshold in `lab T OP V UNIT`, in any unit (a million is far above any
    /// serum value in the units labs print).
    static let maximumLabValue = 1_000_000.0
    /// The parser stops (with `.tooManyErrors`) after this many errors in one file.
    static let maximumErrors = 100

    /// Parses one rule file. Never throws and never traps, whatever `text` holds.
    static func parse(_ text: String, path: String) -> RuleFile {
        var parser = RuleFileParser(text, path: path)
        parser.parseFile()
        return RuleFile(path: path, rules: parser.rules, settings: parser.settings, errors: parser.errors)
    }

    /// The file's errors as diagnostics (`path:line:column: error: message`), each with the
    /// offending line of `text` (the text `file` was parsed from) for the caret display.
    static func diagnostics(for file: RuleFile, text: String) -> [Diagnostic] {
        let source = SourceText(text)
        return file.errors.map { $0.diagnostic(sourceLine: source.line($0.location.line)) }
    }

    /// Words that structure a file and can never be names (`Keyword.isReserved`). The other
    /// keywords (`fermented`, `male`, `lab`, ...) may still name things, e.g. the food tag in
    /// `avoid fermented`.
    static var reservedWords: Set<String> { Keyword.reserved }
}
