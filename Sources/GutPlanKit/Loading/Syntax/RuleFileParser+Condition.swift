/// Conditions: `or` binds loosest, then `and`, then `not`; `and`/`or` build left-associative
/// binary trees (`a or b or c` is `.or(.or(a, b), c)`).
extension RuleFileParser {
    static let conditionStarts =
        "a condition (always, flagged, confirmed, suspected, lab, symptom, diet, sex, age, low-fodmap, not or '(')"

    /// condition = conjunction { "or" conjunction } ;
    mutating func parseCondition() -> Condition? {
        guard var condition = parseConjunction() else { return nil }
        while token.isWord("or") {
            advance()
            guard let rhs = parseConjunction() else { return nil }
            condition = .or(condition, rhs)
        }
        return condition
    }

    /// conjunction = factor { "and" factor } ;
    mutating func parseConjunction() -> Condition? {
        guard var condition = parseFactor() else { return nil }
        while token.isWord("and") {
            advance()
            guard let rhs = parseFactor() else { return nil }
            condition = .and(condition, rhs)
        }
        return condition
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
            guard let years = parseNumber(after: "'age \(comparison.rawValue)'", allowNegative: false) else {
                return nil
            }
            return .age(comparison, years)
        default:
            if RuleParser.keywords.contains(keyword) {
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
                                      unitNext: true) else { return nil }
        guard case .unit(let unit) = token.kind else {
            return fail { .missingUnit(test: test.name, found: $0, at: $1) }
        }
        let unitReference = Reference(unit, at: token.location)
        advance()
        return .lab(test: test, comparison: comparison, value: value, unit: unitReference)
    }

    /// comparison = "<" | "<=" | ">" | ">=" | "=" | "!=" ;
    mutating func parseComparison(after context: String) -> Comparison? {
        guard case .comparison(let comparison) = token.kind else {
            return fail(expected: "a comparison (<, <=, >, >=, = or !=) after \(context)")
        }
        advance()
        return comparison
    }
}
