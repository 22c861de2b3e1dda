/// A syntax error in a rule file. Every case carries its location (1-based line, and column
/// counted in Unicode scalars), so a test can assert the whole list a parse produced.
///
/// Parse errors are values: `RuleParser.parse` collects them in `RuleFile.errors`, in source
/// order, and never throws.
enum RuleSyntaxError: Sendable, Equatable, Error {
    /// A character that cannot start any token (`;`, `µ` outside a unit), a control character or
    /// NUL anywhere, or U+FFFD (what a decoder leaves for invalid UTF-8 and lone surrogates).
    /// A run of such characters is reported once, at its first character.
    case invalidCharacter(Unicode.Scalar, at: SourceLocation)
    /// A string without its closing `"` before the end of the line; at the opening quote.
    case unterminatedString(at: SourceLocation)
    /// A backslash in a string not followed by `"` or `\`; the text is what was written (`\n`).
    case invalidEscape(String, at: SourceLocation)
    /// Text where a number belongs that is not `digits[.digits]` or is not finite
    /// (`1e999`, `nan`, `2.5mg`, `1.`, 400 digits).
    case invalidNumber(String, at: SourceLocation)
    /// A `priority` that is not a whole number in the 32-bit range.
    case invalidInteger(String, at: SourceLocation)
    /// A negative number where only zero or more makes sense (weights, lab values, ages).
    case negativeNumber(String, at: SourceLocation)
    /// A number above what makes sense where it stands (weights above
    /// `RuleParser.maximumWeight`, ages, lab values); `limit` is the largest allowed.
    case numberTooLarge(String, limit: Double, at: SourceLocation)
    /// A run of `<`, `>`, `=`, `!` that is not one of `<`, `<=`, `>`, `>=`, `=`, `!=`.
    case unknownComparison(String, at: SourceLocation)
    /// A word that is no keyword of the language where a keyword belongs (statement start,
    /// condition, action). `expected` says what could stand there.
    case unknownKeyword(String, expected: String, at: SourceLocation)
    /// Any other token in the wrong place. `found` is how the token reads ("'maybe'",
    /// "the end of the file"); `expected` what belonged there.
    case unexpectedToken(found: String, expected: String, at: SourceLocation)
    /// A rule header not followed by `when`; at the token found instead.
    case missingWhen(rule: String, found: String, at: SourceLocation)
    /// A rule's condition not followed by `and`, `or` or `then`; at the token found instead.
    case missingThen(rule: String, found: String, at: SourceLocation)
    /// `then` with no action after it; at the `then`.
    case emptyThen(rule: String, at: SourceLocation)
    /// `lab TEST OP VALUE` without a unit; at the token found instead.
    case missingUnit(test: String, found: String, at: SourceLocation)
    /// A second rule with the same name in one file; at its name, `first` at the first one's name.
    case duplicateRule(name: String, at: SourceLocation, first: SourceLocation)
    /// Parentheses and `not` nested deeper than `limit` (`RuleParser.maximumNesting`); at the
    /// opener that went one level too deep.
    case nestingTooDeep(limit: Int, at: SourceLocation)
    /// More than `limit` (`RuleParser.maximumTerms`) terms joined by one `and` or `or` chain; at
    /// the word that would add one too many.
    case tooManyTerms(String, limit: Int, at: SourceLocation)
    /// The parser stopped after `limit` errors; at the first error it did not report.
    case tooManyErrors(limit: Int, at: SourceLocation)

    var location: SourceLocation {
        switch self {
        case .invalidCharacter(_, let at), .unterminatedString(let at), .invalidEscape(_, let at),
             .invalidNumber(_, let at), .invalidInteger(_, let at), .negativeNumber(_, let at),
             .numberTooLarge(_, _, let at),
             .unknownComparison(_, let at), .unknownKeyword(_, _, let at),
             .unexpectedToken(_, _, let at), .missingWhen(_, _, let at), .missingThen(_, _, let at),
             .emptyThen(_, let at), .missingUnit(_, _, let at), .duplicateRule(_, let at, _),
             .nestingTooDeep(_, let at), .tooManyTerms(_, _, let at), .tooManyErrors(_, let at):
            return at
        }
    }

    /// A sentence for a person editing the file, without the location prefix.
    var message: String {
        switch self {
        case .invalidCharacter(let scalar, _):
            if scalar == "\u{FFFD}" {
                return "invalid character U+FFFD (the file is not valid UTF-8 text here)"
            }
            if RuleLexer.isForbidden(scalar) {
                return "invalid control character \(RuleSyntaxError.codePoint(scalar)); rule files are plain text"
            }
            return "unexpected character '\(scalar)' (\(RuleSyntaxError.codePoint(scalar)))"
        case .unterminatedString:
            return "unterminated string: add the closing '\"' before the end of the line"
        case .invalidEscape(let text, _):
            return "invalid escape '\(text)' in a string: only \\\" and \\\\ are allowed"
        case .invalidNumber(let text, _):
            return "'\(Token.clipped(text))' is not a valid number: write digits with an optional decimal part, such as 30 or 2.5"
        case .invalidInteger(let text, _):
            return "'\(Token.clipped(text))' is not a valid priority: write a whole number from \(Int32.min) to \(Int32.max)"
        case .negativeNumber(let text, _):
            return "'\(Token.clipped(text))' must not be negative"
        case .numberTooLarge(let text, let limit, _):
            return "'\(Token.clipped(text))' is too large: at most \(DecimalText.format(limit, maxFractionDigits: 0))"
        case .unknownComparison(let text, _):
            return "unknown comparison '\(Token.clipped(text))': use <, <=, >, >=, = or !="
        case .unknownKeyword(let word, let expected, _):
            return "expected \(expected), found '\(Token.clipped(word))'"
                + RuleSyntaxError.suggestion(for: word, among: RuleSyntaxError.keywords(in: expected))
        case .unexpectedToken(let found, let expected, _):
            return "expected \(expected), found \(found)"
        case .missingWhen(let rule, let found, _):
            return "expected 'when' after the header of rule '\(rule)', found \(found)"
        case .missingThen(let rule, let found, _):
            return "expected 'and', 'or' or 'then' after the condition of rule '\(rule)', found \(found)"
        case .emptyThen(let rule, _):
            return "rule '\(rule)' has no action after 'then'"
        case .missingUnit(let test, let found, _):
            return "expected a unit (such as ug/L or nmol/L) after the value in 'lab \(test)', found \(found)"
        case .duplicateRule(let name, _, let first):
            return "duplicate rule name '\(name)' (first defined at line \(first.line), column \(first.column))"
        case .nestingTooDeep(let limit, _):
            return "condition nested too deeply: at most \(limit) levels of parentheses and 'not'"
        case .tooManyTerms(let word, let limit, _):
            return "condition too long: at most \(limit) terms joined by '\(word)'; split the rule into several rules"
        case .tooManyErrors(let limit, _):
            return "too many errors (\(limit)); stopping here"
        }
    }

    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The keywords named in an `expected` text, the ones that could have stood there.
    private static func keywords(in expected: String) -> [String] {
        expected.split(whereSeparator: { !$0.isLetter }).map(String.init).filter(Keyword.all.contains)
    }

    /// " (did you mean 'rule'?)" when one of `candidates` is one or two edits away, or differs
    /// only in case.
    private static func suggestion(for word: String, among candidates: [String]) -> String {
        guard word.unicodeScalars.count <= 20 else { return "" }
        let lowered = word.lowercased()
        if lowered != word, candidates.contains(lowered) {
            return " (keywords are lowercase: did you mean '\(lowered)'?)"
        }
        // The one edit distance (`Suggestion`), at most 2 edits and fewer than the keyword has letters.
        var best: (keyword: String, distance: Int)?
        for keyword in candidates {
            guard let distance = Suggestion.distance(lowered, keyword, limit: 2), distance < keyword.count else { continue }
            if best.map({ distance < $0.distance }) ?? true { best = (keyword, distance) }
        }
        return best.map { " (did you mean '\($0.keyword)'?)" } ?? ""
    }
}
