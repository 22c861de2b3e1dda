extension RuleFileParser {
    static let actionKeywords = "an action (\(Keyword.list(Keyword.actions.map(\.rawValue))))"

    /// "then" action { action }   (the `then` already consumed)
    ///
    /// The list ends at the next `rule`, `set` or the end of the file; anything else that is not
    /// an action is an error. An empty list is `.emptyThen`, reported at the `then`.
    mutating func parseActions(rule: String, then thenLocation: SourceLocation) -> [Action]? {
        var actions: [Action] = []
        var afterList = false
        while !isAtStatementStart {
            guard case .word(let keyword) = token.kind, RuleFileParser.isActionKeyword(keyword) else {
                let expected = afterList ? "',' or " + RuleFileParser.actionKeywords : RuleFileParser.actionKeywords
                if case .word(let word) = token.kind, !Keyword.all.contains(word) {
                    report(.unknownKeyword(word, expected: expected, at: token.location))
                    return nil
                }
                return fail(expected: expected)
            }
            guard let action = parseAction(keyword) else { return nil }  // it reported the error
            actions.append(action)
            switch action {
            case .prefer, .add, .step, .avoid: afterList = true
            case .flag, .target, .scaleTarget, .setTarget, .note: afterList = false
            }
        }
        guard !actions.isEmpty else {
            report(.emptyThen(rule: rule, at: thenLocation))
            return nil
        }
        return actions
    }

    static func isActionKeyword(_ word: String) -> Bool { Keyword.actionWords.contains(word) }

    /// action = "flag" name status
    ///        | "target" name ( "weight" number | "times" number | "amount" number unit )
    ///        | "prefer" nameList
    ///        | "add" ( "fermented" | "prebiotic" ) nameList
    ///        | "step" nameList
    ///        | "note" string
    ///        | "avoid" nameList ;
    ///
    /// `keyword` (the current token) is one of the action keywords.
    mutating func parseAction(_ keyword: String) -> Action? {
        advance()
        switch keyword {
        case "flag":
            guard let nutrient = parseReference(expected: "a nutrient after 'flag'") else { return nil }
            return parseStatus(after: "'flag \(nutrient.name)'").map { .flag(nutrient: nutrient, status: $0) }
        case "target":
            guard let nutrient = parseReference(expected: "a nutrient after 'target'") else { return nil }
            guard case .word(let how) = token.kind, ["weight", "times", "amount"].contains(how) else {
                return fail(expected: "'weight', 'times' or 'amount' after 'target \(nutrient.name)'")
            }
            advance()
            guard let number = parseNumber(after: "'target \(nutrient.name) \(how)'", allowNegative: false,
                                           maximum: how == "weight" ? RuleParser.maximumWeight : 1_000_000,
                                           unitNext: how == "amount") else { return nil }
            switch how {
            case "weight": return .target(nutrient: nutrient, weight: number)
            case "times": return .scaleTarget(nutrient: nutrient, factor: number)
            default:
                guard case .unit(let unit) = token.kind else {
                    return fail(expected: "a unit after 'target \(nutrient.name) amount' and the number")
                }
                let reference = Reference(unit, at: token.location)
                advance()
                return .setTarget(nutrient: nutrient, amount: number, unit: reference)
            }
        case "prefer":
            return parseNameList(after: "'prefer'", what: "a food").map { .prefer($0) }
        case "add":
            guard case .word(let word) = token.kind, word == "fermented" || word == "prebiotic",
                  let slot = Slot(rawValue: word) else {
                return fail(expected: "'fermented' or 'prebiotic' after 'add'")
            }
            advance()
            return parseNameList(after: "'add \(word)'", what: "a food").map { .add(slot, $0) }
        case "step":
            return parseNameList(after: "'step'", what: "a stress step").map { .step($0) }
        case "note":
            guard case .string(let text) = token.kind else { return fail(expected: "a string after 'note'") }
            advance()
            return .note(text)
        default:  // avoid
            return parseNameList(after: "'avoid'", what: "a food or food tag").map { .avoid($0) }
        }
    }

    /// nameList = name { "," name } ;
    mutating func parseNameList(after context: @autoclosure () -> String, what: String) -> [Reference]? {
        guard let first = parseReference(expected: "\(what) after \(context())") else { return nil }
        var names = [first]
        while token.kind == .comma {
            advance()
            guard let next = parseReference(expected: "\(what) after ','") else { return nil }
            names.append(next)
        }
        return names
    }
}
