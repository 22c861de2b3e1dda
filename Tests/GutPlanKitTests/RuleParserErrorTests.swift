import Testing
@testable import GutPlanKit

@Suite struct RuleParserErrorTests {
    typealias E = RuleSyntaxError
    let loc = RP.loc

    // MARK: - Lexical errors

    @Test func invalidCharacters() {
        #expect(RP.errors("rule a when always then note \"x\" ;") == [.invalidCharacter(";", at: loc(1, 34))])
        // A run of bad characters is one error.
        #expect(RP.errors("rule a when always then note \"x\"\n\u{0}\u{0}\u{0}\u{1}") == [.invalidCharacter("\u{0}", at: loc(2, 1))])
        // U+FFFD, what a decoder leaves for invalid UTF-8 or a lone surrogate.
        #expect(RP.errors("rule a\u{FFFD} when always then note \"x\"") == [.invalidCharacter("\u{FFFD}", at: loc(1, 7))])
        // Control characters inside strings and comments are errors too; a tab in a string is fine.
        #expect(RP.errors("rule a \"x\u{7}y\" when always then note \"\tok\" # \u{0}") == [
            .invalidCharacter("\u{7}", at: loc(1, 10)),
            .invalidCharacter("\u{0}", at: loc(1, 44)),
        ])
        // A non-ASCII letter cannot start a name.
        // A non-ASCII letter cannot stand in a name: the lexical error is reported, not a missing `when`.
        #expect(RP.errors("rule café when always then note \"x\"") == [.invalidCharacter("é", at: loc(1, 9))])
    }

    @Test func invalidCharacterMessages() {
        #expect(E.invalidCharacter("\u{0}", at: loc(1, 1)).message == "invalid control character U+0000; rule files are plain text")
        #expect(E.invalidCharacter("\u{FFFD}", at: loc(1, 1)).message == "invalid character U+FFFD (the file is not valid UTF-8 text here)")
        #expect(E.invalidCharacter(";", at: loc(1, 1)).message == "unexpected character ';' (U+003B)")
    }

    @Test func unterminatedString() {
        let text = "rule a \"no end\nwhen always then note \"x\"\nrule b when always then note \"open"
        #expect(RP.errors(text) == [
            .unterminatedString(at: loc(1, 8)),
            .unterminatedString(at: loc(3, 30)),
        ])
        #expect(E.unterminatedString(at: loc(1, 1)).message == "unterminated string: add the closing '\"' before the end of the line")
    }

    @Test func invalidEscape() {
        let file = RP.parse("rule a when always then note \"line\\nbreak\"\nrule b when always then note \"ok \\\\ \\\"\"")
        #expect(file.errors == [.invalidEscape("\\n", at: loc(1, 35))])
        #expect(file.rules.map(\.name) == ["b"])
        #expect(file.errors.first?.message == "invalid escape '\\n' in a string: only \\\" and \\\\ are allowed")
    }

    @Test func unknownComparison() {
        #expect(RP.errors("rule a when age == 5 then note \"x\"") == [.unknownComparison("==", at: loc(1, 17))])
        #expect(RP.errors("rule a when age => 5 then note \"x\"").first?.message == "unknown comparison '=>': use <, <=, >, >=, = or !=")
    }

    // MARK: - Numbers

    @Test func invalidNumbers() {
        let text = """
        rule a when lab x < 1e999 ug/L then note "x"
        rule b when age > nan then note "x"
        rule c when age > 2.5mg then note "x"
        rule d when age > 1. then note "x"
        rule e when age > \(String(repeating: "9", count: 400)) then note "x"
        rule f when age > 1e+5 then note "x"
        rule g when always then target zinc weight .5
        """
        #expect(RP.errors(text) == [
            .invalidNumber("1e999", at: loc(1, 21)),
            .invalidNumber("nan", at: loc(2, 19)),
            .invalidNumber("2.5mg", at: loc(3, 19)),
            .invalidNumber("1.", at: loc(4, 19)),
            .invalidNumber(String(repeating: "9", count: 400), at: loc(5, 19)),
            .invalidNumber("1e+5", at: loc(6, 19)),
            .invalidNumber(".5", at: loc(7, 44)),
        ])
        #expect(RP.parse(text).rules == [])
        #expect(E.invalidNumber("1e999", at: loc(1, 1)).message
                == "'1e999' is not a valid number: write digits with an optional decimal part, such as 30 or 2.5")
    }

    @Test func negativeNumbers() {
        let text = """
        set weight suspected -1
        rule a when age > -3 then target zinc weight -2
        rule b when lab x < -0.5 ug/L then note "x"
        """
        #expect(RP.errors(text) == [
            .negativeNumber("-1", at: loc(1, 22)),
            .negativeNumber("-3", at: loc(2, 19)),
            .negativeNumber("-2", at: loc(2, 46)),
            .negativeNumber("-0.5", at: loc(3, 21)),
        ])
        #expect(RP.parse(text).settings == [])
        #expect(E.negativeNumber("-1", at: loc(1, 1)).message == "'-1' must not be negative")
    }

    @Test func invalidPriorities() {
        let text = """
        rule a priority 2147483648 when always then note "x"
        rule b priority -2147483649 when always then note "x"
        rule c priority 1.5 when always then note "x"
        rule d priority 1e3 when always then note "x"
        rule e priority high when always then note "x"
        """
        #expect(RP.errors(text) == [
            .invalidInteger("2147483648", at: loc(1, 17)),
            .invalidInteger("-2147483649", at: loc(2, 17)),
            .invalidInteger("1.5", at: loc(3, 17)),
            .invalidInteger("1e3", at: loc(4, 17)),
            .unexpectedToken(found: "'high'", expected: "a whole number after 'priority'", at: loc(5, 17)),
        ])
        #expect(E.invalidInteger("1.5", at: loc(1, 1)).message
                == "'1.5' is not a valid priority: write a whole number from -2147483648 to 2147483647")
    }

    // MARK: - Structure

    @Test func missingWhenThenAndEmptyThen() {
        let text = """
        rule a "s" then note "x"
        rule b when always note "x"
        rule c when always then
        rule d when flagged zinc iron then note "x"
        rule e when always then
        """
        #expect(RP.errors(text) == [
            .missingWhen(rule: "a", found: "'then'", at: loc(1, 12)),
            .missingThen(rule: "b", found: "'note'", at: loc(2, 20)),
            .emptyThen(rule: "c", at: loc(3, 20)),
            .missingThen(rule: "d", found: "'iron'", at: loc(4, 26)),
            .emptyThen(rule: "e", at: loc(5, 20)),
        ])
        #expect(RP.errors(text).map(\.message) == [
            "expected 'when' after the header of rule 'a', found 'then'",
            "expected 'and', 'or' or 'then' after the condition of rule 'b', found 'note'",
            "rule 'c' has no action after 'then'",
            "expected 'and', 'or' or 'then' after the condition of rule 'd', found 'iron'",
            "rule 'e' has no action after 'then'",
        ])
    }

    @Test func missingUnit() {
        let text = "rule a when lab ferritin < 30 then flag iron confirmed\nrule b when (lab x < 1) then note \"x\""
        #expect(RP.errors(text) == [
            .missingUnit(test: "ferritin", found: "'then'", at: loc(1, 31)),
            .missingUnit(test: "x", found: "')'", at: loc(2, 23)),
        ])
        #expect(RP.errors(text).first?.message
                == "expected a unit (such as ug/L or nmol/L) after the value in 'lab ferritin', found 'then'")
    }

    @Test func unexpectedTokens() {
        let text = """
        rule a when always then flag iron maybe
        rule b when always then add vegan kale
        rule c when sex other then note "x"
        rule d when always then prefer a,
        rule e when always then note x
        rule "f" when always then note "x"
        set weight likely 2
        set priority 2
        rule g when (always then note "x"
        rule h when always then target zinc 2
        rule i when age 5 then note "x"
        rule j when always then prefer a, rule
        """
        #expect(RP.errors(text) == [
            .unexpectedToken(found: "'maybe'", expected: "a status (confirmed or suspected) after 'flag iron'", at: loc(1, 35)),
            .unexpectedToken(found: "'vegan'", expected: "'fermented' or 'prebiotic' after 'add'", at: loc(2, 29)),
            .unexpectedToken(found: "'other'", expected: "'female' or 'male' after 'sex'", at: loc(3, 17)),
            .unexpectedToken(found: "'rule'", expected: "a food after ','", at: loc(5, 1)),
            .unexpectedToken(found: "'x'", expected: "a string after 'note'", at: loc(5, 30)),
            .unexpectedToken(found: "the string \"f\"", expected: "a rule name after 'rule'", at: loc(6, 6)),
            .unexpectedToken(found: "'likely'", expected: "a status (confirmed or suspected) after 'set weight'", at: loc(7, 12)),
            .unexpectedToken(found: "'priority'", expected: "'weight' after 'set'", at: loc(8, 5)),
            .unexpectedToken(found: "'then'", expected: "'and', 'or' or ')'", at: loc(9, 21)),
            .unexpectedToken(found: "'2'", expected: "'weight', 'times' or 'amount' after 'target zinc'", at: loc(10, 37)),
            .unexpectedToken(found: "'5'", expected: "a comparison (<, <=, >, >=, = or !=) after 'age'", at: loc(11, 17)),
            .unexpectedToken(found: "'rule'", expected: "a food after ','", at: loc(12, 35)),
            // The `rule` that ended the list starts a statement of its own.
            .unexpectedToken(found: "the end of the file", expected: "a rule name after 'rule'", at: loc(12, 39)),
        ])
        #expect(RP.errors(text).first?.message
                == "expected a status (confirmed or suspected) after 'flag iron', found 'maybe'")
        #expect(RP.errors("rule a when always then note").first?.message
                == "expected a string after 'note', found the end of the file")
    }

    @Test func misplacedKeywordsAreUnexpectedTokens() {
        #expect(RP.errors("when always") == [
            .unexpectedToken(found: "'when'", expected: "'rule' or 'set'", at: loc(1, 1)),
        ])
        #expect(RP.errors("rule a when then note \"x\"") == [
            .unexpectedToken(found: "'then'", expected: RuleFileParser.conditionStarts, at: loc(1, 13)),
        ])
        #expect(RP.errors("rule a when always then when") == [
            .unexpectedToken(found: "'when'", expected: RuleFileParser.actionKeywords, at: loc(1, 25)),
        ])
        #expect(RP.errors("rule a when always then note \"x\" \"y\"") == [
            .unexpectedToken(found: "the string \"y\"", expected: RuleFileParser.actionKeywords, at: loc(1, 34)),
        ])
    }

    @Test func unknownKeywords() {
        // Recovery skips to the next `rule`, so a misspelt `rule` hides the statement it starts.
        #expect(RP.errors("rle b when always then note \"x\"\nrule b when then") == [
            .unknownKeyword("rle", expected: "'rule' or 'set'", at: loc(1, 1)),
            .unexpectedToken(found: "'then'", expected: RuleFileParser.conditionStarts, at: loc(2, 13)),
        ])
        #expect(RP.errors("rle b").first?.message == "expected 'rule' or 'set', found 'rle' (did you mean 'rule'?)")
        let text = """
        Rule a when always then note "x"
        rule c when flaged zinc then note "x"
        rule d when always then prefr beef
        rule e when always then prefer beef lamb
        rule f when always then note "x" banana
        """
        let errors = RP.errors(text)
        #expect(errors == [
            .unknownKeyword("Rule", expected: "'rule' or 'set'", at: loc(1, 1)),
            .unknownKeyword("flaged", expected: RuleFileParser.conditionStarts, at: loc(2, 13)),
            .unknownKeyword("prefr", expected: RuleFileParser.actionKeywords, at: loc(3, 25)),
            .unknownKeyword("lamb", expected: "',' or " + RuleFileParser.actionKeywords, at: loc(4, 37)),
            .unknownKeyword("banana", expected: RuleFileParser.actionKeywords, at: loc(5, 34)),
        ])
        #expect(errors.map(\.message) == [
            "expected 'rule' or 'set', found 'Rule' (keywords are lowercase: did you mean 'rule'?)",
            "expected \(RuleFileParser.conditionStarts), found 'flaged' (did you mean 'flagged'?)",
            "expected \(RuleFileParser.actionKeywords), found 'prefr' (did you mean 'prefer'?)",
            "expected ',' or \(RuleFileParser.actionKeywords), found 'lamb'",
            "expected \(RuleFileParser.actionKeywords), found 'banana'",
        ])
    }

    @Test func duplicateRules() {
        let text = "rule a when always then note \"x\"\nrule b when always then note \"y\"\n  rule a when sex male then note \"z\""
        let file = RP.parse(text)
        #expect(file.errors == [.duplicateRule(name: "a", at: loc(3, 8), first: loc(1, 6))])
        #expect(file.rules.map(\.name) == ["a", "b"])
        #expect(file.rules.first?.condition == .always)
        #expect(file.errors.first?.message == "duplicate rule name 'a' (first defined at line 1, column 6)")
        // Names are case-sensitive: `A` is another rule.
        #expect(RP.errors("rule a when always then note \"x\"\nrule A when always then note \"x\"") == [])
    }

    @Test func reservedWordsAreNotNames() {
        #expect(RP.errors("rule set when always then note \"x\"") == [
            .unexpectedToken(found: "'set'", expected: "a rule name after 'rule'", at: loc(1, 6)),
            .unexpectedToken(found: "'when'", expected: "'weight' after 'set'", at: loc(1, 10)),
        ])
    }

    // MARK: - Nesting bound

    @Test func nestingTooDeep() {
        let limit = RuleParser.maximumNesting
        let parens = String(repeating: "(", count: limit + 1) + "always" + String(repeating: ")", count: limit + 1)
        #expect(RP.errors("rule a when \(parens) then note \"x\"") == [.nestingTooDeep(limit: limit, at: loc(1, 13 + limit))])
        let nots = String(repeating: "not ", count: limit + 1) + "always"
        #expect(RP.errors("rule a when \(nots) then note \"x\"") == [.nestingTooDeep(limit: limit, at: loc(1, 13 + 4 * limit))])
        #expect(E.nestingTooDeep(limit: 64, at: loc(1, 1)).message
                == "condition nested too deeply: at most 64 levels of parentheses and 'not'")
    }

    @Test func hundredThousandNestedParensDoNotOverflow() {
        let count = 100_000
        let text = "rule a when " + String(repeating: "(", count: count) + "always" + String(repeating: ")", count: count)
            + " then note \"x\"\nrule b when always then note \"y\""
        let file = RP.parse(text)
        #expect(file.errors == [.nestingTooDeep(limit: RuleParser.maximumNesting, at: loc(1, 13 + RuleParser.maximumNesting))])
        #expect(file.rules.map(\.name) == ["b"])
        let nots = "rule a when " + String(repeating: "not ", count: count) + "always then note \"x\""
        #expect(RP.errors(nots) == [.nestingTooDeep(limit: RuleParser.maximumNesting, at: loc(1, 13 + 4 * RuleParser.maximumNesting))])
    }

    // MARK: - Recovery

    @Test func recoveryReportsEveryBrokenStatementAndKeepsTheGoodOnes() {
        let text = """
        # A file with one error per statement, and good statements between them.
        rule good-1 when always then note "ok"
        rule broken-1 when flagged then note "x"
        set weight confirmed 3
        rule broken-2 "s" priority 5 when lab ferritin < 30 ug/L then flag iron sometimes
          prefer a, b
        rule good-2 when not (sex male or age < 19) then prefer a
        set weight maybe 1
        rule broken-3 when always then note "unterminated
          flag iron confirmed
        rule good-3 when always then note "last" # trailing
        """
        let file = RP.parse(text)
        #expect(file.errors == [
            .unexpectedToken(found: "'then'", expected: "a nutrient after 'flagged'", at: loc(3, 28)),
            .unexpectedToken(found: "'sometimes'", expected: "a status (confirmed or suspected) after 'flag iron'", at: loc(5, 73)),
            .unexpectedToken(found: "'maybe'", expected: "a status (confirmed or suspected) after 'set weight'", at: loc(8, 12)),
            .unterminatedString(at: loc(9, 37)),
        ])
        #expect(file.rules.map(\.name) == ["good-1", "good-2", "good-3"])
        #expect(file.settings == [WeightSetting(status: .confirmed, weight: 3, location: loc(4, 1))])
    }

    @Test func lexicalErrorsWhileSkippingAreStillReported() {
        let text = "rule a when flagged then note \"x\" ; prefer \u{0}\nrule b when always then note \"y\""
        #expect(RP.errors(text) == [
            .unexpectedToken(found: "'then'", expected: "a nutrient after 'flagged'", at: loc(1, 21)),
            .invalidCharacter(";", at: loc(1, 35)),
            .invalidCharacter("\u{0}", at: loc(1, 44)),
        ])
        #expect(RP.parse(text).rules.map(\.name) == ["b"])
    }

    @Test func errorsStopAfterTheLimit() {
        let text = String(repeating: "rule a when then\n", count: 150)
        let errors = RP.errors(text)
        #expect(errors.count == RuleParser.maximumErrors + 1)
        // Line 1 gives one error; every later line a duplicate name and a misplaced `then`.
        #expect(errors.last == .tooManyErrors(limit: RuleParser.maximumErrors, at: loc(51, 13)))
        #expect(errors.last?.message == "too many errors (100); stopping here")
    }

    @Test func garbageNeverTraps() {
        let inputs = [
            "\u{0}", "\"", "\\", "rule", "rule a", "rule a when", "rule a when (", "rule a when lab",
            "rule a when lab x <", "rule a when lab x < 3", "rule a when age <", "(((((", ")))))", "#",
            "rule a when always then add", "rule a when always then target", "set", "set weight",
            "set weight confirmed", "-", "-5", ".", "\r", "\r\n\r\n", "\u{FEFF}", "\u{FFFD}\u{FFFD}", "<><>!=!",
            "rule a when always then prefer a,,b", String(repeating: "\u{0}", count: 10_000),
        ]
        for input in inputs {
            let file = RP.parse(input)
            #expect(file.rules.isEmpty, "\(input.debugDescription)")
            for error in file.errors {
                #expect(!error.message.isEmpty)
                #expect(error.location.line >= 1 && error.location.column >= 1)
            }
        }
    }

    // MARK: - Diagnostics

    @Test func diagnosticsCarryTheSourceLine() {
        let text = "rule a\r\n  when always\r\n  then flag iron maybe\r\n"
        let file = RP.parse(text)
        let diagnostics = RuleParser.diagnostics(for: file, text: text)
        #expect(diagnostics == [
            Diagnostic(.error, "expected a status (confirmed or suspected) after 'flag iron', found 'maybe'",
                       at: loc(3, 18), sourceLine: "  then flag iron maybe"),
        ])
        #expect(diagnostics.first?.rendered == """
        t.rules:3:18: error: expected a status (confirmed or suspected) after 'flag iron', found 'maybe'
          then flag iron maybe
                         ^
        """)
    }

    @Test func sourceTextSplitsLinesLikeTheCursor() {
        #expect(SourceText("").lines == [""])
        #expect(SourceText("a\nb\r\nc\rd\n").lines == ["a", "b", "c", "d", ""])
        #expect(SourceText("\u{FEFF}x").line(1) == "x")
        #expect(SourceText("x").line(2) == nil)
        #expect(SourceText("x").line(0) == nil)
    }
}
