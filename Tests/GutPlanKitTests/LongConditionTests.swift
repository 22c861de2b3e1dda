import Testing
@testable import GutPlanKit

/// Defect 1 (issue 8): a long `and`/`or` chain overflowed the stack (25,000 `always` terms joined
/// by `and`, SIGSEGV). Chains parse into flat lists, past `RuleParser.maximumTerms` terms they are
/// a located error, and every walker (checker, engine, explanation) keeps its stack on the heap.
@Suite struct LongConditionTests {
    static let path = "t.rules"

    /// `rule a when ` is 12 columns, so term `k` (1-based, 11 columns each) starts at column
    /// `13 + 11 (k - 1)` and the word after it at 7 columns later.
    @Test(arguments: ["and", "or "])
    func chainPastTheCapIsALocatedError(_ word: String) {
        let chain = Array(repeating: "always", count: 25_000).joined(separator: " \(word) ")
        let file = RuleParser.parse("rule a when \(chain) then note \"x\"\nrule b when always then note \"y\"", path: Self.path)
        let limit = RuleParser.maximumTerms
        let trimmed = word.trimmingCharacters(in: .whitespaces)
        #expect(file.errors == [.tooManyTerms(trimmed, limit: limit,
                                             at: GutPlanKit.SourceLocation(path: Self.path, line: 1, column: 13 + 11 * (limit - 1) + 7))])
        #expect(file.rules.map(\.name) == ["b"])
        #expect(file.errors.first?.message
                == "condition too long: at most 1000 terms joined by '\(trimmed)'; split the rule into several rules")
    }

    @Test func chainAtTheCapIsOneFlatList() {
        let chain = Array(repeating: "always", count: RuleParser.maximumTerms).joined(separator: " and ")
        let file = RuleParser.parse("rule a when \(chain) then note \"x\"", path: Self.path)
        #expect(file.errors.isEmpty)
        #expect(file.rules.first?.condition == .and(Array(repeating: .always, count: RuleParser.maximumTerms)))
    }

    /// 25 groups of 1,000 terms (25,000 atoms, half of them under `not`): loaded, checked, run
    /// and explained without recursion on the condition.
    @Test func twentyFiveThousandAtomsAreWalkedEverywhere() throws {
        let group = (0..<1_000).map { $0 % 2 == 0 ? "not sex male" : "lab ferritin >= \($0 % 7) ug/L" }
            .joined(separator: " and ")
        let groups = Array(repeating: "(\(group))", count: 25).joined(separator: " and ")
        let text = "rule long when \(groups) then flag iron suspected\n"
            + "rule either when " + Array(repeating: "(\(group))", count: 25).joined(separator: " or ") + " then note \"n\"\n"
        let file = RuleParser.parse(text, path: Self.path)
        #expect(file.errors.isEmpty)
        var kb = try #require(Fixture.knowledge())
        kb.rules = file.rules
        #expect(RuleChecker.check(kb).filter { $0.severity == .error }.isEmpty)

        var profile = Profile(sex: .female)
        profile.labs = [LabResult(test: "ferritin", value: 50, unit: "ug/L")]
        let assessment = try RuleEngine(knowledge: kb).run(profile)
        #expect(assessment.firings.map(\.rule) == ["long", "either"])
        #expect(assessment.flags["iron"]?.status == .suspected)
        let explanation = Explanation(knowledge: kb, assessment: assessment, plan: PlanFixture.plan())
        let ferritin = try #require(kb.labTest(named: "ferritin"))
        let bounds = try #require(explanation.labBounds(test: ferritin, rule: "long"))
        #expect(bounds.count == 25 * 500)

        profile.sex = .male
        #expect(try RuleEngine(knowledge: kb).run(profile).firings.isEmpty)
    }

    @Test func checkerStillFindsContradictionsInFlatChains() throws {
        var kb = try #require(Fixture.knowledge())
        let file = RuleParser.parse("rule a when sex male and always and sex female then note \"x\"", path: Self.path)
        kb.rules = file.rules
        #expect(RuleChecker.check(kb).map(\.message).contains("rule 'a' can never fire: its condition cannot hold for any adult"))
    }
}
