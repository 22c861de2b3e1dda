/// Conditions: `or` binds loosest, then `and`, then `not`. A chain of `and` (or of `or`) is one
/// flat list of terms (`a or b or c` is `.or([a, b, c])`), at most `RuleParser.maximumTerms` long,
/// so the tree is only as deep as its parentheses and `not`s (`RuleParser.maximumNesting`).
extension RuleFileParser {
    static let conditionStarts =
        "a condition (\(Keyword.list(Keyword.conditionStarts.map(\.rawValue) + [Keyword.not.rawValue, "'('"])))"

    /// condition = conjunction { "or" conjunction } ;
    mutating func parseCondition() -> Condition? {
        parseChain(of: "or", term: { $0.parseConjunction() }, make: Condition.or)
    }

    /// conjunction = factor { "and" factor } ;
    mutating func parseConjunction() -> Condition? {
        parseChain(of: "and", term: { $0.parseFactor() }, make: Condition.and)
    }

    /// term { word term }, as one flat list; a single term stands alone. The term after the
    /// `maximumTerms`-th is an error at its `and`/`or` (the rest of the chain is then skipped
    /// with the statement).
    private mutating func parseChain(of word: String, term: (inout RuleFileParser) -> Condition?,
                                     make: ([Condition]) -> Condition) -> Condition? {
        guard let first = term(&self) else { return nil }
        guard token.isWord(word) else { return first }
        var terms = [first]
        while token.isWord(word) {
            if terms.count == RuleParser.maximumTerms {
                report(.tooManyTerms(word, limit: RuleParser.maximumTerms, at: token.location))
                return nil
            }
            advance()
            guard let next = term(&self) else { return nil }
            terms.append(next)
        }
        return make(terms)
    }

    /// factor = "not" factor | "(" condition ")" | atom ;
    ///
    /// Each `not` and `(` is one level of nesting; deeper than `RuleParser.maximumNesting` is an
    /// error, which bounds the recursion whatever the input.
    mutating func parseFactor() -> Condition? {
        let isNot = token.isWord("not")
        guard isNot || token.kind == .leftParen else { return parseAtom() }
        nesting += 1
        defer { nesting -= 1 }
        if nesting > RuleParser.maximumNesting {
            report(.nestingTooDeep(limit: RuleParser.maximumNesting, at: token.location))
            return nil
        }
        advance()
        if isNot {
            return parseFactor().map { .not($0) }
        }
        guard let inner = parseCondition() else { return nil }
        guard token.kind == .rightParen else { return fail(expected: "'and', 'or' or ')'") }
        advance()
        return inner
    }

    /// atom = "always"
    ///      | ( "flagged" | "confirmed" | "suspected" ) name
    ///      | "lab" name comparison number unit
    ///      | "symptom" name
    ///      | "diet" name
    ///      | "sex" ( "female" | "male" )
    ///      | "age" comparison number
    ///      | "low-fodmap" ;
    mutating func parseAtom() -> Condition? {
        guard case .word(let keyword) = token.kind else {
            return fail(expected: RuleFileParser.conditionStarts)
        }
        switch keyword {
        case "always":
            advance()
            return .always
        case "low-fodmap":
            advance()
            return .lowFODMAP
        case "flagged", "confirmed", "suspected":
            advance()
            guard let nutrient = parseReference(expected: "a nutrient after '\(keyword)'") else { return nil }
            return .flagged(nutrient: nutrient, status: FlagStatus(rawValue: keyword))
        case "lab":
            return parseLab()
        case "symptom":
            advance()
            return parseReference(expected: "a symptom after 'symptom'").map { .symptom($0) }
        case "diet":
            advance()
            return parseReference(expected: "a diet after 'diet'").map { .diet($0) }
        case "sex":
            advance()
            guard case .word(let word) = token.kind, let sex = Sex(rawValue: word) else {
                return fail(expected: "'female' or 'male' after 'sex'")
            }
            advance()
            return .sex(sex)
        case "age":
            advance()
            guard let comparison = parseComparison(after: "'age'") else { return nil }
            guard let years = parseNumber(after: "'age \(comparison.rawValue)'", allowNegative: false,
                                          maximum: RuleParser.maximumAge) else {
                return nil
            }
            return .age(comparison, years)
        default:
            if Keyword.all.contains(keyword) {
                return fail(expected: RuleFileParser.conditionStarts)
            }
            report(.unknownKeyword(keyword, expected: RuleFileParser.conditionStarts, at: token.location))
            return nil
        }
    }

    /// "lab" name comparison number unit
    ///
    /// unit = a run of characters other than white space , ( ) # " ;
    mutating func parseLab() -> Condition? {
        advance()  // lab
        guard let test = parseReference(expected: "a lab test after 'lab'") else { return nil }
        guard let comparison = parseComparison(after: "'lab \(test.name)'") else { return nil }
        guard let value = parseNumber(after: "'lab \(test.name) \(comparison.rawValue)'", allowNegative: false,
                                      maximum: RuleParser.maximumLabValue, unitNext: true) else { return nil }
        guard case .unit(let unit) = token.kind else {
            return fail { .missingUnit(test: test.name, found: $0, at: $1) }
        }
        let unitReference = Reference(unit, at: token.location)
        advance()
        return .lab(test: test, comparison: comparison, value: value, unit: unitReference)
    }

    /// comparison = "<" | "<=" | ">" | ">=" | "=" | "!=" ;
    mutating func parseComparison(after context: @autoclosure () -> String) -> Comparison? {
        guard case .comparison(let comparison) = token.kind else {
            return fail(expected: "a comparison (<, <=, >, >=, = or !=) after \(context())")
        }
        advance()
        return comparison
    }
}
