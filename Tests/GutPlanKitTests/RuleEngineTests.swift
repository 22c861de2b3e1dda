import Testing
@testable import GutPlanKit

/// Builds small knowledge bases with rules written as AST values, so the engine is tested alone.
private enum Make {
    static let here = SourceLocation(path: "test.rules", line: 1, column: 1)
    static func ref(_ name: String) -> Reference { Reference(name, at: here) }
    static func rule(_ name: String, priority: Int = 0, when condition: Condition, then actions: [Action]) -> Rule {
        Rule(name: name, summary: "", priority: priority, condition: condition, actions: actions, location: here)
    }
    static func flagged(_ id: String, _ status: FlagStatus? = nil) -> Condition { .flagged(nutrient: ref(id), status: status) }
    static func flag(_ id: String, _ status: FlagStatus) -> Action { .flag(nutrient: ref(id), status: status) }
    static func knowledge(_ rules: [Rule], labs: [LabTest] = []) -> KnowledgeBase {
        KnowledgeBase(nutrients: [], foods: [], meals: [], steps: [], symptoms: [], labTests: labs, rules: rules)
    }
}

@Suite struct RuleEngineTests {
    @Test func inputFlagsAndDefaultWeights() throws {
        let engine = RuleEngine(knowledge: Make.knowledge([]))
        let result = try engine.run(Profile(confirmed: ["zinc", "iron"], suspected: ["iron", "vitamin-d"]))
        #expect(result.flags["zinc"]?.status == .confirmed)
        #expect(result.flags["iron"]?.status == .confirmed, "confirmed and suspected counts as confirmed")
        #expect(result.flags["vitamin-d"]?.status == .suspected)
        #expect(result.weights == ["zinc": 2, "iron": 2, "vitamin-d": 1])
        #expect(result.flags["zinc"]?.provenance == .input)
    }

    @Test func chainingFromSymptomToFoods() throws {
        let rules = [
            Make.rule("zinc-foods", when: Make.flagged("zinc"), then: [.prefer([Make.ref("oysters")]),
                                                                     .add(.prebiotic, [Make.ref("garlic")]),
                                                                     .step([Make.ref("yoga")]), .note("Zinc note")]),
            Make.rule("skin", priority: 50, when: .symptom(Make.ref("skin-issues")),
                      then: [Make.flag("zinc", .suspected)]),
        ]
        let result = try RuleEngine(knowledge: Make.knowledge(rules)).run(Profile(symptoms: ["skin-issues"]))
        #expect(result.firings.map(\.rule) == ["skin", "zinc-foods"])
        #expect(result.flags["zinc"] == Assessment.Flag(
            status: .suspected, provenance: .rule(name: "skin", because: [.symptom("skin-issues")])))
        #expect(result.firings[1].because == [.flag(nutrient: "zinc", status: .suspected)])
        #expect(result.preferred == ["oysters": ["zinc-foods"]])
        #expect(result.additions[.prebiotic]?.map(\.food) == ["garlic"])
        #expect(result.steps.map(\.step) == ["yoga"])
        #expect(result.notes == ["Zinc note"])
    }

    @Test func priorityOrdersFiringAndTiesKeepFileOrder() throws {
        let rules = [
            Make.rule("low", priority: 1, when: .always, then: [.note("low")]),
            Make.rule("high", priority: 9, when: .always, then: [.note("high")]),
            Make.rule("low-too", priority: 1, when: .always, then: [.note("low-too")]),
        ]
        let result = try RuleEngine(knowledge: Make.knowledge(rules)).run(Profile())
        #expect(result.notes == ["high", "low", "low-too"])
    }

    @Test func higherPriorityRuleFiresAsSoonAsItsConditionBecomesTrue() throws {
        let rules = [
            Make.rule("flags-iron", priority: 1, when: .always, then: [Make.flag("iron", .suspected)]),
            Make.rule("after-iron", priority: 5, when: Make.flagged("iron"), then: [.note("iron")]),
            Make.rule("last", priority: 0, when: .always, then: [.note("last")]),
        ]
        let result = try RuleEngine(knowledge: Make.knowledge(rules)).run(Profile())
        #expect(result.firings.map(\.rule) == ["flags-iron", "after-iron", "last"])
    }

    @Test func confirmedIsNeverDowngraded() throws {
        let rules = [Make.rule("weak", when: .always, then: [Make.flag("vitamin-d", .suspected)])]
        let result = try RuleEngine(knowledge: Make.knowledge(rules)).run(Profile(confirmed: ["vitamin-d"]))
        #expect(result.flags["vitamin-d"]?.status == .confirmed)
        #expect(result.flags["vitamin-d"]?.provenance == .input)
        #expect(result.weights["vitamin-d"] == 2)
    }

    @Test func suspectedIsUpgradedAndFiresConfirmedRules() throws {
        let rules = [
            Make.rule("lab", priority: 100, when: .always, then: [Make.flag("iron", .confirmed)]),
            Make.rule("only-confirmed", when: Make.flagged("iron", .confirmed), then: [.note("confirmed iron")]),
        ]
        let result = try RuleEngine(knowledge: Make.knowledge(rules)).run(Profile(suspected: ["iron"]))
        #expect(result.flags["iron"]?.status == .confirmed)
        #expect(result.notes == ["confirmed iron"])
        #expect(result.weights["iron"] == 2)
    }

    @Test func eachRuleFiresOnceSoMutualRulesTerminate() throws {
        let rules = [
            Make.rule("a", when: Make.flagged("zinc"), then: [Make.flag("iron", .suspected)]),
            Make.rule("b", when: Make.flagged("iron"), then: [Make.flag("zinc", .suspected)]),
        ]
        let result = try RuleEngine(knowledge: Make.knowledge(rules)).run(Profile(suspected: ["zinc"]))
        #expect(result.firings.map(\.rule) == ["a", "b"])
        #expect(Set(result.flags.keys) == ["zinc", "iron"])
    }

    @Test func longChainStopsAtTheDepthBoundNamingTheChain() {
        let ids = (0...6).map { "n\($0)" }
        let rules = (0..<6).map { Make.rule("r\($0)", when: Make.flagged(ids[$0]), then: [Make.flag(ids[$0 + 1], .suspected)]) }
        let engine = RuleEngine(knowledge: Make.knowledge(rules), maxDepth: 4)
        #expect(throws: EngineError.chainTooDeep(depth: 4, chain: ["r0", "r1", "r2", "r3", "r4"], location: Make.here)) {
            try engine.run(Profile(suspected: ["n0"]))
        }
        #expect(throws: Never.self) { try RuleEngine(knowledge: Make.knowledge(rules), maxDepth: 6).run(Profile(suspected: ["n0"])) }
    }

    @Test func runawayBoundStopsWithAClearError() {
        let rules = (0..<10).map { Make.rule("r\($0)", when: .always, then: [.note("\($0)")]) }
        let engine = RuleEngine(knowledge: Make.knowledge(rules), maxFirings: 5)
        #expect(throws: EngineError.runaway(firings: 6, lastRule: "r5", location: Make.here)) { try engine.run(Profile()) }
    }

    @Test func booleanConditionsAndProfileFacts() throws {
        let vegan = Condition.diet(Make.ref("vegan"))
        let rules = [
            Make.rule("and", when: .and([vegan, .sex(.female)]), then: [.note("and")]),
            Make.rule("or", when: .or([.sex(.male), .age(.greaterOrEqual, 51)]), then: [.note("or")]),
            Make.rule("not", when: .not(Make.flagged("zinc")), then: [.note("not")]),
            Make.rule("age", when: .age(.less, 51), then: [.note("age")]),
        ]
        let result = try RuleEngine(knowledge: Make.knowledge(rules)).run(Profile(sex: .female, age: 60, diet: .vegan))
        #expect(result.notes == ["and", "or", "not"])
        #expect(result.firings.first?.because == [.diet(.vegan), .sex(.female)])
    }

    @Test func labConditionReadsTheEnteredValue() throws {
        let ferritin = LabTest(id: "ferritin", name: "Ferritin", aliases: [], unit: "ug/L", molarMass: nil, valence: nil)
        let rules = [Make.rule("low-ferritin", when: .lab(test: Make.ref("ferritin"), comparison: .less, value: 30,
                                                          unit: Make.ref("ug/L")),
                               then: [Make.flag("iron", .confirmed)])]
        let engine = RuleEngine(knowledge: Make.knowledge(rules, labs: [ferritin]))
        let low = try engine.run(Profile(labs: [LabResult(test: "ferritin", value: 22, unit: "ug/L")]))
        #expect(low.flags["iron"]?.provenance == .rule(name: "low-ferritin",
                                                       because: [.lab(test: "ferritin", value: 22, unit: "ug/L")]))
        let normal = try engine.run(Profile(labs: [LabResult(test: "ferritin", value: 80, unit: "ug/L")]))
        #expect(normal.flags.isEmpty)
        #expect(try engine.run(Profile()).flags.isEmpty, "a lab not entered makes the condition false")
    }

    @Test func targetRaisesWeightAndAvoidCollects() throws {
        let rules = [Make.rule("t", when: .always, then: [.target(nutrient: Make.ref("fiber"), weight: 3),
                                                           .target(nutrient: Make.ref("zinc"), weight: 1),
                                                           .avoid([Make.ref("liver")])])]
        let result = try RuleEngine(knowledge: Make.knowledge(rules)).run(Profile(confirmed: ["zinc"]))
        #expect(result.weights == ["fiber": 3, "zinc": 2])
        #expect(result.avoid == ["liver"])
    }
}
