/// The state of one parse: the lexer, the current token (one-token lookahead), and what has been
/// collected so far. Each grammar production is a method, documented with its EBNF.
///
/// Convention: a `parseX` method returns `nil` after reporting a *syntax* error (the token
/// stream no longer matches the grammar; the caller gives up on the statement and
/// `synchronize()`s). A *value* error (a well-placed number out of range, a duplicate name)
/// is reported with `reportValueError`, parsing goes on, and the statement is dropped at its end.
struct RuleFileParser {
    private var lexer: RuleLexer
    /// The current token: the next one to be consumed.
    private(set) var token: Token
    private(set) var rules: [Rule] = []
    private(set) var settings: [WeightSetting] = []
    private(set) var errors: [RuleSyntaxError] = []
    /// Where each rule name in this file was first written.
    private var ruleNames: [String: SourceLocation] = [:]
    /// Current depth of `(` and `not`.
    var nesting = 0
    /// Set when the current statement had a value error.
    private var statementHasErrors = false
    /// Set when `maximumErrors` was reached: parsing stops.
    private var stopped = false

    init(_ text: String, path: String) {
        lexer = RuleLexer(text, path: path)
        token = lexer.next()
    }

    // MARK: - Token helpers

    /// Consumes the current token. With `unitExpected`, the next one is lexed as a unit.
    mutating func advance(unitExpected: Bool = false) {
        token = lexer.next(unitExpected: unitExpected)
    }

    mutating func report(_ error: RuleSyntaxError) {
        guard !stopped else { return }
        if errors.count >= RuleParser.maximumErrors {
            errors.append(.tooManyErrors(limit: RuleParser.maximumErrors, at: error.location))
            stopped = true
        } else {
            errors.append(error)
        }
    }

    /// Reports an error that does not break the token stream; the statement is dropped later.
    mutating func reportValueError(_ error: RuleSyntaxError) {
        statementHasErrors = true
        report(error)
    }

    /// Reports the current token as misplaced. An `.invalid` token reports its own lexical error
    /// instead, so a bad character is never reported twice or as something it is not.
    /// Always returns `nil`, for `return fail(...)`.
    mutating func fail<T>(_ makeError: (_ found: String, _ at: SourceLocation) -> RuleSyntaxError) -> T? {
        if case .invalid(let lexical) = token.kind {
            report(lexical)
        } else {
            report(makeError(token.description, token.location))
        }
        return nil
    }

    /// The expected text is made only when the error is reported (names and numbers are
    /// parsed thousands of times, with a message for each that is almost never needed).
    mutating func fail<T>(expected: @autoclosure () -> String) -> T? {
        fail { .unexpectedToken(found: $0, expected: expected(), at: $1) }
    }

    var isAtStatementStart: Bool {
        switch token.kind {
        case .end: return true
        case .word(let word): return word == "rule" || word == "set"
        default: return false
        }
    }

    /// Error recovery: skips tokens up to the next `rule` or `set` (or the end), reporting any
    /// lexical errors met on the way (they are independent of the syntax error).
    mutating func synchronize() {
        while !isAtStatementStart, !stopped {
            advance()
            if case .invalid(let lexical) = token.kind { report(lexical) }
        }
    }

    // MARK: - Statements

    /// file = { statement } ;
    /// statement = setting | rule ;
    mutating func parseFile() {
        while !stopped {
            statementHasErrors = false
            let parsed: Bool
            switch token.kind {
            case .end:
                return
            case .word("rule"):
                parsed = parseRule()
            case .word("set"):
                parsed = parseSetting()
            case .word(let word) where !Keyword.all.contains(word):
                report(.unknownKeyword(word, expected: "'rule' or 'set'", at: token.location))
                parsed = false
            default:
                parsed = fail(expected: "'rule' or 'set'") ?? false
            }
            if !parsed {
                // The offending token is never a statement start here unless a production
                // stopped right before one; step past it so the loop always makes progress.
                if !isAtStatementStart { synchronize() }
            }
        }
    }

    /// setting = "set" "weight" status number ;
    mutating func parseSetting() -> Bool {
        let location = token.location
        advance()  // set
        guard token.isWord("weight") else { return fail(expected: "'weight' after 'set'") ?? false }
        advance()
        guard let status = parseStatus(after: "'set weight'") else { return false }
        guard let weight = parseNumber(after: "'set weight \(status.rawValue)'", allowNegative: false,
                                       maximum: RuleParser.maximumWeight) else {
            return false
        }
        if !statementHasErrors {
            settings.append(WeightSetting(status: status, weight: weight, location: location))
        }
        return true
    }

    /// rule = "rule" name [ string ] [ "priority" integer ]
    ///        "when" condition "then" action { action } ;
    mutating func parseRule() -> Bool {
        let location = token.location
        advance()  // rule
        let nameLocation = token.location
        guard let name = parseName(expected: "a rule name after 'rule'") else { return false }
        if let first = ruleNames[name] {
            reportValueError(.duplicateRule(name: name, at: nameLocation, first: first))
        } else {
            ruleNames[name] = nameLocation
        }

        var summary = ""
        if case .string(let text) = token.kind {
            summary = text
            advance()
        }

        var priority = 0
        if token.isWord("priority") {
            advance()
            guard let value = parseInteger(after: "'priority'") else { return false }
            priority = value
        }

        guard token.isWord("when") else {
            return fail { .missingWhen(rule: name, found: $0, at: $1) } ?? false
        }
        advance()
        nesting = 0
        guard let condition = parseCondition() else { return false }

        guard token.isWord("then") else {
            return fail { .missingThen(rule: name, found: $0, at: $1) } ?? false
        }
        let thenLocation = token.location
        advance()
        guard let actions = parseActions(rule: name, then: thenLocation) else { return false }

        if !statementHasErrors {
            rules.append(Rule(name: name, summary: summary, priority: priority, condition: condition,
                              actions: actions, location: location))
        }
        return true
    }

    // MARK: - Terminals

    /// name = (letter | digit) { letter | digit | "-" | "_" } ;  (not a reserved word)
    ///
    /// The reserved words (`Keyword.isReserved`) are never names, so a forgotten name
    /// (`when flagged then`) or a broken statement never swallows the next part.
    mutating func parseName(expected: @autoclosure () -> String) -> String? {
        guard case .word(let word) = token.kind, !Keyword.isReservedWord(word) else {
            return fail(expected: expected())
        }
        advance()
        return word
    }

    /// Like `parseName`, keeping where the name stands.
    mutating func parseReference(expected: @autoclosure () -> String) -> Reference? {
        let location = token.location
        return parseName(expected: expected()).map { Reference($0, at: location) }
    }

    /// status = "confirmed" | "suspected" ;
    mutating func parseStatus(after context: @autoclosure () -> String) -> FlagStatus? {
        guard case .word(let word) = token.kind, let status = FlagStatus(rawValue: word) else {
            return fail(expected: "a status (confirmed or suspected) after \(context())")
        }
        advance()
        return status
    }

    /// number = digit { digit } [ "." digit { digit } ] ;
    ///
    /// A finite value. A malformed number in the right place (`1e999`, `nan`, `2.5mg`), a
    /// negative one where `allowNegative` is false, or one above `maximum` is a value error: it is
    /// reported, consumed, and 0 stands in so parsing goes on. With `unitNext` the following token
    /// is lexed as a unit.
    mutating func parseNumber(after context: @autoclosure () -> String, allowNegative: Bool, maximum: Double,
                              unitNext: Bool = false) -> Double? {
        switch token.kind {
        case .number(let text):
            defer { advance(unitExpected: unitNext) }
            guard let value = Double(text), value.isFinite else {
                reportValueError(.invalidNumber(text, at: token.location))
                return 0
            }
            if value < 0, !allowNegative {
                reportValueError(.negativeNumber(text, at: token.location))
                return 0
            }
            if value > maximum {
                reportValueError(.numberTooLarge(text, limit: maximum, at: token.location))
                return 0
            }
            return value == 0 ? 0 : value  // `-0` reads as 0

        case .invalid(.invalidNumber(let text, let location)):
            reportValueError(.invalidNumber(text, at: location))
            advance(unitExpected: unitNext)
            return 0
        case .word(let word) where RuleFileParser.looksNumeric(word):
            reportValueError(.invalidNumber(word, at: token.location))
            advance(unitExpected: unitNext)
            return 0
        default:
            return fail(expected: "a number after \(context())")
        }
    }

    /// integer = [ "-" ] digit { digit } ;  (within the 32-bit range)
    mutating func parseInteger(after context: @autoclosure () -> String) -> Int? {
        switch token.kind {
        case .number(let text):
            defer { advance() }
            guard let value = Int32(text) else {
                reportValueError(.invalidInteger(text, at: token.location))
                return 0
            }
            return Int(value)
        case .invalid(.invalidNumber(let text, let location)):
            reportValueError(.invalidInteger(text, at: location))
            advance()
            return 0
        case .word(let word) where RuleFileParser.looksNumeric(word):
            reportValueError(.invalidInteger(word, at: token.location))
            advance()
            return 0
        default:
            return fail(expected: "a whole number after \(context())")
        }
    }

    /// A word that was meant as a number: starts with a digit (`1e999`, `30ug`) or spells a
    /// non-finite value (`nan`, `inf`, `infinity`, any case).
    static func looksNumeric(_ word: String) -> Bool {
        if let first = word.unicodeScalars.first, RuleLexer.isDigit(first) { return true }
        return ["nan", "inf", "infinity"].contains(word.lowercased())
    }
}
