import Testing
@testable import GutPlanKit

/// Helpers shared by the rule parser suites.
enum RP {
    static let path = "t.rules"
    static func loc(_ line: Int, _ column: Int) -> GutPlanKit.SourceLocation { GutPlanKit.SourceLocation(path: path, line: line, column: column) }
    static func ref(_ name: String, _ line: Int, _ column: Int) -> Reference { Reference(name, at: loc(line, column)) }
    static func parse(_ text: String) -> RuleFile { RuleParser.parse(text, path: path) }
    /// The condition of the only rule of `rule r when CONDITION then note "x"` (on line 1, condition at column 13).
    static func condition(_ text: String) -> Condition? {
        let file = parse("rule r when \(text) then note \"x\"")
        guard file.errors.isEmpty, file.rules.count == 1 else { return nil }
        return file.rules[0].condition
    }
    static func errors(_ text: String) -> [RuleSyntaxError] { parse(text).errors }
}

@Suite struct RuleParserTests {
    @Test func specExampleParses() {
        let text = """
        # Iron
        rule low-ferritin "Ferritin under 30 ug/L means depleted iron stores"
          priority 10
          when lab ferritin < 30 ug/L
          then flag iron confirmed

        rule zinc-repair "Zinc helps tighten the junctions between gut-lining cells"
          when flagged zinc
          then prefer oysters, beef-ground, pumpkin-seeds
               add prebiotic garlic
               step box-breathing
               note "Zinc and iron compete for absorption: eat them at different meals where you can."
        """
        let file = RP.parse(text)
        #expect(file.errors == [])
        #expect(file.path == RP.path)
        #expect(file.rules == [
            Rule(name: "low-ferritin", summary: "Ferritin under 30 ug/L means depleted iron stores", priority: 10,
                 condition: .lab(test: RP.ref("ferritin", 4, 12), comparison: .less, value: 30, unit: RP.ref("ug/L", 4, 26)),
                 actions: [.flag(nutrient: RP.ref("iron", 5, 13), status: .confirmed)], location: RP.loc(2, 1)),
            Rule(name: "zinc-repair", summary: "Zinc helps tighten the junctions between gut-lining cells", priority: 0,
                 condition: .flagged(nutrient: RP.ref("zinc", 8, 16), status: nil),
                 actions: [
                    .prefer([RP.ref("oysters", 9, 15), RP.ref("beef-ground", 9, 24), RP.ref("pumpkin-seeds", 9, 37)]),
                    .add(.prebiotic, [RP.ref("garlic", 10, 22)]),
                    .step([RP.ref("box-breathing", 11, 13)]),
                    .note("Zinc and iron compete for absorption: eat them at different meals where you can."),
                 ], location: RP.loc(7, 1)),
        ])
    }

    @Test func emptyAndCommentOnlyFiles() {
        #expect(RP.parse("") == RuleFile(path: RP.path, rules: [], settings: [], errors: []))
        #expect(RP.parse("   \n\n\t# only a comment\n# another").errors == [])
        #expect(RP.parse("# no newline at end").rules == [])
    }

    @Test func headerDefaultsAndNegativePriority() {
        let file = RP.parse("rule a when always then note \"x\"\nrule b \"Why\" priority -7 when always then note \"y\"")
        #expect(file.errors == [])
        #expect(file.rules.map(\.summary) == ["", "Why"])
        #expect(file.rules.map(\.priority) == [0, -7])
        #expect(file.rules.map(\.location) == [RP.loc(1, 1), RP.loc(2, 1)])
    }

    @Test func priorityInt32Bounds() {
        let file = RP.parse("rule a priority 2147483647 when always then note \"x\"\nrule b priority -2147483648 when always then note \"x\"")
        #expect(file.errors == [])
        #expect(file.rules.map(\.priority) == [2147483647, -2147483648])
    }

    @Test func settings() {
        let file = RP.parse("set weight confirmed 3\nset weight suspected 0.5 # comment\n")
        #expect(file.errors == [])
        #expect(file.settings == [
            WeightSetting(status: .confirmed, weight: 3, location: RP.loc(1, 1)),
            WeightSetting(status: .suspected, weight: 0.5, location: RP.loc(2, 1)),
        ])
    }

    @Test func everyAtom() {
        #expect(RP.condition("always") == .always)
        #expect(RP.condition("flagged zinc") == .flagged(nutrient: RP.ref("zinc", 1, 21), status: nil))
        #expect(RP.condition("confirmed iron") == .flagged(nutrient: RP.ref("iron", 1, 23), status: .confirmed))
        #expect(RP.condition("suspected vitamin-b12") == .flagged(nutrient: RP.ref("vitamin-b12", 1, 23), status: .suspected))
        #expect(RP.condition("lab vitamin-d >= 75 nmol/L")
                == .lab(test: RP.ref("vitamin-d", 1, 17), comparison: .greaterOrEqual, value: 75, unit: RP.ref("nmol/L", 1, 33)))
        #expect(RP.condition("symptom fatigue") == .symptom(RP.ref("fatigue", 1, 21)))
        #expect(RP.condition("diet vegan") == .diet(RP.ref("vegan", 1, 18)))
        #expect(RP.condition("sex female") == .sex(.female))
        #expect(RP.condition("sex male") == .sex(.male))
        #expect(RP.condition("age >= 51") == .age(.greaterOrEqual, 51))
    }

    @Test func everyComparison() {
        for comparison in Comparison.allCases {
            #expect(RP.condition("age \(comparison.rawValue) 2.5") == .age(comparison, 2.5))
        }
        // No white space needed around a comparison.
        #expect(RP.condition("age>=51") == .age(.greaterOrEqual, 51))
    }

    @Test func labUnits() {
        for unit in ["ug/L", "µg/L", "nmol/L", "mEq/L", "mg/dL", "ng/mL", "%", "μmol/L"] {
            guard case .lab(_, _, let value, let parsed)? = RP.condition("lab x < 1.25 \(unit)") else {
                Issue.record("no lab atom for \(unit)")
                continue
            }
            #expect(value == 1.25)
            #expect(parsed == RP.ref(unit, 1, 26))
        }
        // A unit stops at ')' and ','; the unit of a lab value may stand on the next line.
        #expect(RP.condition("(lab x < 1 ug/L)") == .lab(test: RP.ref("x", 1, 18), comparison: .less, value: 1, unit: RP.ref("ug/L", 1, 24)))
        let file = RP.parse("rule r when lab x < 1\n  µg/L then note \"x\"")
        #expect(file.errors == [])
        #expect(file.rules.first?.condition == .lab(test: RP.ref("x", 1, 17), comparison: .less, value: 1, unit: RP.ref("µg/L", 2, 3)))
    }

    @Test func everyAction() {
        let text = """
        rule r when always then
          flag iron suspected
          target zinc weight 2.5
          prefer oysters
          add fermented kefir, yogurt
          add prebiotic garlic
          step box-breathing, walk
          note "Eat \\"slowly\\" \\\\ calmly"
          avoid gluten, liver
        """
        let file = RP.parse(text)
        #expect(file.errors == [])
        #expect(file.rules.first?.actions == [
            .flag(nutrient: RP.ref("iron", 2, 8), status: .suspected),
            .target(nutrient: RP.ref("zinc", 3, 10), weight: 2.5),
            .prefer([RP.ref("oysters", 4, 10)]),
            .add(.fermented, [RP.ref("kefir", 5, 17), RP.ref("yogurt", 5, 24)]),
            .add(.prebiotic, [RP.ref("garlic", 6, 17)]),
            .step([RP.ref("box-breathing", 7, 8), RP.ref("walk", 7, 23)]),
            .note("Eat \"slowly\" \\ calmly"),
            .avoid([RP.ref("gluten", 9, 9), RP.ref("liver", 9, 17)]),
        ])
    }

    @Test func precedenceNotAndOr() {
        let a = Condition.symptom(RP.ref("a", 1, 21))
        // `not a and b or c` = ((not a) and b) or c
        #expect(RP.condition("symptom a and symptom b or symptom c")
                == .or([.and([a, .symptom(RP.ref("b", 1, 35))]), .symptom(RP.ref("c", 1, 48))]))
        // `a or b and c` = a or (b and c)
        #expect(RP.condition("symptom a or symptom b and symptom c")
                == .or([a, .and([.symptom(RP.ref("b", 1, 34)), .symptom(RP.ref("c", 1, 48))])]))
        // `not a and b` = (not a) and b
        #expect(RP.condition("not always and always") == .and([.not(.always), .always]))
        // `not (a or b)`
        #expect(RP.condition("not (always or always)") == .not(.or([.always, .always])))
        #expect(RP.condition("not not always") == .not(.not(.always)))
        // Parentheses override: a and (b or c)
        #expect(RP.condition("always and (sex male or sex female)") == .and([.always, .or([.sex(.male), .sex(.female)])]))
    }

    @Test func andOrChainsAreFlatLists() {
        #expect(RP.condition("sex male or sex female or always") == .or([.sex(.male), .sex(.female), .always]))
        #expect(RP.condition("sex male and sex female and always") == .and([.sex(.male), .sex(.female), .always]))
        // A parenthesised group stays one term.
        #expect(RP.condition("(always and always) and always") == .and([.and([.always, .always]), .always]))
    }

    @Test func commentsAnywhere() {
        let text = """
        rule r # name
          "summary # not a comment" # comment
          when always # here
          then prefer a, # between list items
                      b
        """
        let file = RP.parse(text)
        #expect(file.errors == [])
        #expect(file.rules.first?.summary == "summary # not a comment")
        #expect(file.rules.first?.actions == [.prefer([RP.ref("a", 4, 15), RP.ref("b", 5, 15)])])
    }

    @Test func unicodeInStringsAndColumnsCountScalars() {
        let file = RP.parse("rule r \"Vitamin B₁₂ — 🥬 café\" when always then note \"µg ✓\" prefer x")
        #expect(file.errors == [])
        #expect(file.rules.first?.summary == "Vitamin B₁₂ — 🥬 café")
        // "Vitamin B₁₂ — 🥬 café" is 20 scalars + 2 quotes, from column 8: `when` at 31, `x` at 67.
        #expect(file.rules.first?.actions.last == .prefer([RP.ref("x", 1, 67)]))
    }

    @Test func crlfAndLoneCRLineEndings() {
        let lf = "rule a\n  when always\n  then note \"x\"\n\nrule b when sex male then prefer y\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let cr = lf.replacingOccurrences(of: "\n", with: "\r")
        let expected = RP.parse(lf)
        #expect(expected.errors == [])
        #expect(expected.rules.count == 2)
        #expect(RP.parse(crlf) == expected)
        #expect(RP.parse(cr) == expected)
        #expect(expected.rules[1].actions == [.prefer([RP.ref("y", 5, 34)])])
    }

    @Test func byteOrderMarkIsSkipped() {
        let file = RP.parse("\u{FEFF}rule a when always then note \"x\"")
        #expect(file.errors == [])
        #expect(file.rules.first?.location == RP.loc(1, 1))
    }

    @Test func namesAreCaseSensitiveAndMayStartWithADigit() {
        let file = RP.parse("rule A when always then prefer 7up, Kale_2\nrule a when always then note \"x\"")
        #expect(file.errors == [])
        #expect(file.rules.map(\.name) == ["A", "a"])
        #expect(file.rules.first?.actions == [.prefer([RP.ref("7up", 1, 32), RP.ref("Kale_2", 1, 37)])])
    }

    @Test func nestingUpToTheLimitIsFine() {
        let depth = RuleParser.maximumNesting
        let parens = String(repeating: "(", count: depth) + "always" + String(repeating: ")", count: depth)
        #expect(RP.condition(parens) == .always)
        var nots = Condition.always
        for _ in 0..<depth { nots = .not(nots) }
        #expect(RP.condition(String(repeating: "not ", count: depth) + "always") == nots)
        // Nesting counts per path, not in total: many sibling groups are fine.
        let siblings = Array(repeating: "(((always)))", count: 200).joined(separator: " and ")
        #expect(RP.condition(siblings) != nil)
    }

    @Test func manyRulesParse() {
        var text = "set weight confirmed 2\n"
        for index in 0..<20_000 {
            text += "rule r\(index) \"Rule \(index)\" priority \(index % 7 - 3)\n  when lab ferritin < \(index).5 ug/L or flagged iron\n  then flag iron suspected\n"
        }
        let file = RP.parse(text)
        #expect(file.errors == [])
        #expect(file.rules.count == 20_000)
        #expect(file.settings.count == 1)
        #expect(file.rules.last?.name == "r19999")
        #expect(file.rules.last?.location == RP.loc(2 + 3 * 19_999, 1))
    }

    @Test func longLineIsFine() {
        let names = (0..<100_000).map { "food-\($0)" }.joined(separator: ", ")
        let file = RP.parse("rule r when always then avoid \(names)")
        #expect(file.errors == [])
        guard case .avoid(let list)? = file.rules.first?.actions.first else {
            Issue.record("no avoid action")
            return
        }
        #expect(list.count == 100_000)
        #expect(list.last?.name == "food-99999")
    }

    @Test func nonReservedKeywordsMayBeNames() {
        let file = RP.parse("rule lab when flagged fermented then avoid fermented, prebiotic, male\nrule x when age >= -0 then target zinc weight 0")
        #expect(file.errors == [])
        // `-0` is zero, not negative, and reads as plain 0.
        guard case .age(_, let years)? = file.rules.last?.condition else {
            Issue.record("no age atom")
            return
        }
        #expect(years == 0 && years.sign == .plus)
        #expect(file.rules.first?.actions == [.avoid([RP.ref("fermented", 1, 44), RP.ref("prebiotic", 1, 55), RP.ref("male", 1, 66)])])
    }

    @Test func everyErrorCarriesItsLocation() {
        let at = RP.loc(7, 9)
        let cases: [RuleSyntaxError] = [
            .invalidCharacter(";", at: at), .unterminatedString(at: at), .invalidEscape("\\n", at: at),
            .invalidNumber("x", at: at), .invalidInteger("x", at: at), .negativeNumber("-1", at: at),
            .unknownComparison("==", at: at), .unknownKeyword("x", expected: "y", at: at),
            .unexpectedToken(found: "x", expected: "y", at: at), .missingWhen(rule: "r", found: "x", at: at),
            .missingThen(rule: "r", found: "x", at: at), .emptyThen(rule: "r", at: at),
            .missingUnit(test: "t", found: "x", at: at), .duplicateRule(name: "r", at: at, first: RP.loc(1, 1)),
            .nestingTooDeep(limit: 64, at: at), .tooManyErrors(limit: 100, at: at),
        ]
        for error in cases {
            #expect(error.location == at)
            #expect(error.diagnostic(sourceLine: "line") == Diagnostic(.error, error.message, at: at, sourceLine: "line"))
        }
    }
}
