import Testing
@testable import GutPlanKit

/// Defect 2 (issue 8) and issue 10 §3 "One threshold in every unit": a lab value is compared in
/// the rule's unit, equal within `Comparison.unitTolerance`, so a value exactly on a threshold
/// gives the same answer in every unit (B12 0.2 ng/mL was confirmed while 200 pg/mL was
/// suspected; folate 6800 pmol/L confirmed while 6.8 nmol/L suspected).
@Suite struct LabThresholdSweepTests {
    /// Every spelling of a concentration unit `LabUnit` reads; each test accepts some of them.
    static let units: [String] = {
        var units: [String] = []
        for volume in ["L", "dL", "mL"] {
            for amount in ["g", "mg", "ug", "µg", "μg", "mcg", "ng", "pg", "mol", "mmol", "umol", "µmol", "nmol", "pmol", "Eq", "mEq"] {
                units.append("\(amount)/\(volume)")
            }
        }
        return units + ["%"]
    }()

    static func knowledge() throws -> KnowledgeBase {
        try #require(KnowledgeBase.load(directory: PackageRules.path).knowledge)
    }

    /// Every lab comparison in the real rules: (rule, test, comparison, threshold, unit).
    static func thresholds(_ kb: KnowledgeBase) -> [(rule: String, test: LabTest, comparison: Comparison, value: Double, unit: String)] {
        var found: [(rule: String, test: LabTest, comparison: Comparison, value: Double, unit: String)] = []
        for rule in kb.rules {
            rule.condition.forEachAtom { atom, _ in
                if case .lab(let test, let comparison, let value, let unit) = atom, let lab = kb.labTest(named: test.name) {
                    found.append((rule.name, lab, comparison, value, unit.name))
                }
            }
        }
        return found
    }

    @Test func everyThresholdOfEveryLabRuleInEveryAcceptedUnit() throws {
        let kb = try Self.knowledge()
        let thresholds = Self.thresholds(kb)
        #expect(thresholds.count >= 20)
        var checked = 0
        for threshold in thresholds {
            let atom = Condition.lab(test: Reference(threshold.test.id, at: SourceLocation(path: "", line: 1, column: 1)),
                                     comparison: threshold.comparison, value: threshold.value,
                                     unit: Reference(threshold.unit, at: SourceLocation(path: "", line: 1, column: 1)))
            let accepted = Self.units.filter { threshold.test.accepts(unit: $0) }
            #expect(accepted.count >= (threshold.unit == "%" ? 1 : 9), "\(threshold.test.id)")
            // On the threshold, and a millionth below and above it.
            for factor in [1 - 1e-6, 1.0, 1 + 1e-6] {
                let inRuleUnit = threshold.value * factor
                let expected = threshold.comparison.holds(inRuleUnit, threshold.value)
                for unit in accepted {
                    let value = try #require(threshold.test.convert(inRuleUnit, from: threshold.unit, to: unit))
                    let profile = Profile(labs: [LabResult(test: threshold.test.id, value: value, unit: unit)])
                    let state = RuleEngine.State(knowledge: kb, profile: profile)
                    #expect((state.match(atom) != nil) == expected,
                            "\(threshold.rule): \(threshold.test.id) \(value) \(unit) against \(threshold.comparison.rawValue) \(threshold.value) \(threshold.unit)")
                    checked += 1
                }
            }
        }
        #expect(checked > 500)
    }

    /// The flags the real rules derive from one lab value on a threshold are the same whichever
    /// unit it is written in, for women and men.
    @Test func flagsOnEveryThresholdAreTheSameInEveryUnit() throws {
        let kb = try Self.knowledge()
        let engine = RuleEngine(knowledge: kb)
        for threshold in Self.thresholds(kb) {
            for sex in Sex.allCases {
                func flags(_ value: Double, _ unit: String) throws -> [String: FlagStatus] {
                    let profile = Profile(sex: sex, labs: [LabResult(test: threshold.test.id, value: value, unit: unit)])
                    return try engine.run(profile).flags.mapValues(\.status)
                }
                let reference = try flags(threshold.value, threshold.unit)
                for unit in Self.units where threshold.test.accepts(unit: unit) {
                    let value = try #require(threshold.test.convert(threshold.value, from: threshold.unit, to: unit))
                    #expect(try flags(value, unit) == reference, "\(threshold.rule) \(sex): \(value) \(unit)")
                }
            }
        }
    }

    @Test func theReportedCases() throws {
        let engine = RuleEngine(knowledge: try Self.knowledge())
        func flag(_ test: String, _ value: Double, _ unit: String, _ nutrient: String) throws -> FlagStatus? {
            try engine.run(Profile(labs: [LabResult(test: test, value: value, unit: unit)])).flags[nutrient]?.status
        }
        #expect(try flag("vitamin-b12", 200, "pg/mL", "vitamin-b12") == .suspected)
        #expect(try flag("vitamin-b12", 0.2, "ng/mL", "vitamin-b12") == .suspected)
        #expect(try flag("folate", 6.8, "nmol/L", "folate") == .suspected)
        #expect(try flag("folate", 6800, "pmol/L", "folate") == .suspected)
        #expect(try flag("folate", 6799, "pmol/L", "folate") == .confirmed)
    }

    @Test func toleranceIsRelative() {
        #expect(!Comparison.less.holds(199.99999999999997, 200, relativeTolerance: Comparison.unitTolerance))
        #expect(Comparison.greaterOrEqual.holds(199.99999999999997, 200, relativeTolerance: Comparison.unitTolerance))
        #expect(Comparison.less.holds(199.9999, 200, relativeTolerance: Comparison.unitTolerance))
        #expect(Comparison.equal.holds(1e-12, 1.0000000000001e-12, relativeTolerance: Comparison.unitTolerance))
        #expect(Comparison.notEqual.holds(0, 1e-300, relativeTolerance: Comparison.unitTolerance))
        #expect(Comparison.lessOrEqual.holds(0, 0, relativeTolerance: Comparison.unitTolerance))
    }
}
