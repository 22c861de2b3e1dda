import Testing
@testable import GutPlanKit

@Suite struct RuleCheckerTests {
    func at(_ line: Int, _ column: Int) -> GutPlanKit.SourceLocation { SourceLocation(path: "t.rules", line: line, column: column) }
    func ref(_ name: String, _ line: Int = 1, _ column: Int = 1) -> Reference { Reference(name, at: at(line, column)) }

    func rule(_ name: String, line: Int, priority: Int = 0, when condition: Condition, then actions: [Action]) -> Rule {
        Rule(name: name, summary: "", priority: priority, condition: condition, actions: actions, location: at(line, 1))
    }

    func check(_ rules: [Rule]) throws -> [Diagnostic] {
        var kb = try #require(Fixture.knowledge())
        kb.rules = rules
        return RuleChecker.check(kb)
    }

    func errors(_ rules: [Rule]) throws -> [String] {
        try check(rules).filter { $0.severity == .error }.map(\.description)
    }

    func warnings(_ rules: [Rule]) throws -> [String] {
        try check(rules).filter { $0.severity == .warning && $0.location != nil }.map(\.description)
    }

    @Test func unknownReferencesAreErrorsAtTheReference() throws {
        let rules = [
            rule("a", line: 1, when: .flagged(nutrient: ref("zink", 2, 15), status: nil),
                 then: [.prefer([ref("oysters", 3, 10), ref("oyster", 3, 19)]), .step([ref("box-breath", 4, 8)])]),
            rule("b", line: 5, when: .and([.symptom(ref("fatigue", 6, 16)), .diet(ref("keto", 6, 33))]),
                 then: [.flag(nutrient: ref("iron", 7, 8), status: .suspected), .avoid([ref("glutten", 8, 9), ref("dairy", 8, 18), ref("kale", 8, 25)])]),
            rule("c", line: 9, when: .lab(test: ref("ferritin", 10, 12), comparison: .less, value: 30, unit: ref("mmol/L", 10, 26)),
                 then: [.flag(nutrient: ref("iron", 11, 8), status: .confirmed), .add(.fermented, [ref("kale", 11, 27), ref("yogurt", 11, 33)])]),
            rule("d", line: 12, when: .or([.lab(test: ref("ferritn", 13, 12), comparison: .less, value: 30, unit: ref("ng/mL", 13, 25)),
                                          .symptom(ref("bloting", 13, 39))]),
                 then: [.target(nutrient: ref("iron", 14, 10), weight: 0), .add(.prebiotic, [ref("garlik", 14, 30)])]),
            rule("e", line: 15, when: .lab(test: ref("zinc", 16, 12), comparison: .less, value: 60, unit: ref("furlongs", 16, 22)),
                 then: [.note("x")]),
        ]
        let found = try errors(rules)
        #expect(found == [
            "t.rules:2:15: error: unknown nutrient 'zink' (did you mean 'zinc'?)",
            "t.rules:3:19: error: unknown food 'oyster' (did you mean 'oysters'?)",
            "t.rules:4:8: error: unknown step 'box-breath' (did you mean 'box-breathing'?)",
            "t.rules:6:33: error: unknown diet 'keto'",
            "t.rules:8:9: error: unknown food or tag 'glutten' (did you mean 'gluten'?)",
            "t.rules:10:26: error: unit 'mmol/L' does not apply to ferritin (use ng/mL or ug/L)",
            "t.rules:11:27: error: food 'kale' is not tagged fermented, so it cannot be a fermented addition",
            "t.rules:13:12: error: unknown lab test 'ferritn' (did you mean 'ferritin'?)",
            "t.rules:13:39: error: unknown symptom 'bloting' (did you mean 'bloating'?)",
            "t.rules:14:10: error: target weight must be greater than 0",
            "t.rules:14:30: error: unknown food 'garlik' (did you mean 'garlic'?)",
            "t.rules:16:22: error: unknown unit 'furlongs' (use ug/dL)",
        ])
    }

    @Test func rulesThatCanNeverFire() throws {
        let zinc = ref("zinc")
        let ferritin = ref("ferritin")
        let never: [Condition] = [
            .and([.sex(.female), .sex(.male)]),
            .not(.always),
            .age(.less, 19),
            .and([.age(.greaterOrEqual, 40), .age(.less, 40)]),
            .age(.equal, 30.5),
            .lab(test: ferritin, comparison: .less, value: 0, unit: ref("ng/mL")),
            .and([.lab(test: ferritin, comparison: .less, value: 30, unit: ref("ug/L")),
                 .lab(test: ferritin, comparison: .greater, value: 40, unit: ref("ng/mL"))]),
            .and([.lab(test: ferritin, comparison: .less, value: 30, unit: ref("ug/L")),
                 .not(.lab(test: ferritin, comparison: .less, value: 40, unit: ref("ng/mL")))]),
            .and([.flagged(nutrient: zinc, status: .confirmed), .flagged(nutrient: zinc, status: .suspected)]),
            .and([.flagged(nutrient: zinc, status: nil), .not(.flagged(nutrient: zinc, status: nil))]),
            .and([.symptom(ref("fatigue")), .not(.symptom(ref("fatigue")))]),
            .and([.diet(ref("vegan")), .diet(ref("omnivore"))]),
            .and([.or([.sex(.female), .age(.less, 10)]), .sex(.male)]),
            .and([.not(.sex(.female)), .not(.sex(.male))]),
        ]
        let possible: [Condition] = [
            .always,
            .and([.age(.greaterOrEqual, 19), .age(.less, 20)]),
            .and([.age(.equal, 30), .not(.age(.notEqual, 30))]),
            .and([.lab(test: ferritin, comparison: .less, value: 30, unit: ref("ug/L")), .not(.lab(test: ferritin, comparison: .less, value: 10, unit: ref("ng/mL")))]),
            .and([.lab(test: ferritin, comparison: .lessOrEqual, value: 30, unit: ref("ug/L")),
                 .lab(test: ferritin, comparison: .greaterOrEqual, value: 30, unit: ref("ng/mL"))]),
            .not(.lab(test: ferritin, comparison: .greaterOrEqual, value: 0, unit: ref("ng/mL"))),  // test not entered
            .and([.flagged(nutrient: zinc, status: nil), .not(.flagged(nutrient: zinc, status: .confirmed))]),
            .or([.sex(.female), .sex(.male)]),
            .lab(test: ferritin, comparison: .greater, value: 125, unit: ref("ug/L")),  // open above: was wrongly "never"
            .and([.not(.diet(ref("vegan"))), .diet(ref("omnivore"))]),
            .and([.lab(test: ref("magnesium"), comparison: .less, value: 1.5, unit: ref("mEq/L")),
                 .lab(test: ref("magnesium"), comparison: .greater, value: 0.7, unit: ref("mmol/L"))]),
        ]
        var rules: [Rule] = []
        for (i, c) in (never + possible).enumerated() {
            rules.append(rule("r\(i)", line: i + 1, when: c, then: [.note("n\(i)")]))
        }
        #expect(try errors(rules) == [])
        #expect(try warnings(rules) == never.indices.map {
            "t.rules:\($0 + 1):1: warning: rule 'r\($0)' can never fire: its condition cannot hold for any adult"
        })
    }

    @Test func shadowedRules() throws {
        let flaggedZinc = Condition.flagged(nutrient: ref("zinc", 2, 13), status: nil)
        let sameElsewhere = Condition.flagged(nutrient: ref("zinc", 6, 13), status: nil)
        let rules = [
            rule("broad", line: 1, when: flaggedZinc, then: [.prefer([ref("oysters"), ref("kale")]), .note("zinc")]),
            rule("narrow", line: 5, when: sameElsewhere, then: [.prefer([ref("kale", 7, 9)])]),
            rule("more", line: 8, when: sameElsewhere, then: [.prefer([ref("kale"), ref("garlic")])]),
            rule("late-but-high", line: 10, priority: 5, when: .symptom(ref("fatigue")), then: [.step([ref("walk")]), .note("rest")]),
            rule("low", line: 3, when: .symptom(ref("fatigue", 9, 9)), then: [.step([ref("walk")])]),
        ]
        #expect(try warnings(rules) == [
            "t.rules:5:1: warning: rule 'narrow' is shadowed by rule 'broad' at t.rules:1:1: same condition, and its actions add nothing",
            "t.rules:3:1: warning: rule 'low' is shadowed by rule 'late-but-high' at t.rules:10:1: same condition, and its actions add nothing",
        ])
    }

    /// The plan path skips the warning-only checks: the same errors in the same order, no warnings.
    @Test func errorsOnlyCheckKeepsEveryErrorAndSkipsWarnings() throws {
        let flaggedZinc = Condition.flagged(nutrient: ref("zinc", 2, 13), status: nil)
        let rules = [
            rule("broad", line: 1, when: flaggedZinc, then: [.prefer([ref("oysters"), ref("kale")]), .note("zinc")]),
            rule("narrow", line: 5, when: flaggedZinc, then: [.prefer([ref("kale", 7, 9)])]),
            rule("bad", line: 8, when: .symptom(ref("bloting", 9, 9)), then: [.flag(nutrient: ref("zink", 10, 8), status: .suspected)]),
            rule("never", line: 11, when: .lab(test: ref("ferritin"), comparison: .less, value: -1, unit: ref("ng/mL")), then: [.note("n")]),
        ]
        var kb = try #require(Fixture.knowledge())
        kb.rules = rules
        let full = RuleChecker.check(kb)
        let errorsOnly = RuleChecker.check(kb, warnings: false)
        #expect(full.contains { $0.severity == .warning })
        #expect(full.filter { $0.severity == .error }.count == 2)
        #expect(errorsOnly.map(\.description) == full.filter { $0.severity == .error }.map(\.description))
    }

    @Test func uncoveredNutrients() throws {
        let rules = [
            rule("zinc", line: 1, when: .or([.flagged(nutrient: ref("zinc"), status: nil), .symptom(ref("fatigue"))]),
                 then: [.prefer([ref("oysters")])]),
            rule("iron", line: 2, when: .flagged(nutrient: ref("iron"), status: .confirmed), then: [.prefer([ref("kale")])]),
            rule("d-note", line: 3, when: .flagged(nutrient: ref("vitamin-d"), status: nil), then: [.note("sun")]),
            rule("c-negated", line: 4, when: .not(.flagged(nutrient: ref("vitamin-c"), status: nil)), then: [.prefer([ref("kale")])]),
        ]
        let uncovered = try check(rules).filter { $0.location == nil }.map(\.message)
        let expected = ["vitamin-a", "vitamin-d", "vitamin-b12", "folate", "vitamin-b6", "vitamin-c", "magnesium", "calcium",
                        "fiber", "probiotics", "prebiotics"]
        #expect(uncovered == expected.map {
            "nutrient '\($0)' has a target but no rule prefers foods for it (no 'prefer' rule on 'flagged \($0)')"
        })
    }

    @Test func hugeConditionsDoNotExplode() throws {
        var c = Condition.sex(.female)
        for i in 0..<40 { c = .and([c, .or([.age(.greater, Double(20 + i)), .sex(.male)])]) }
        var kb = try #require(Fixture.knowledge())
        kb.rules = [rule("big", line: 1, when: c, then: [.note("x")])]
        // Beyond the expansion limit the checker assumes the rule can fire.
        #expect(RuleChecker.check(kb).filter { $0.location != nil }.isEmpty)
    }
}
