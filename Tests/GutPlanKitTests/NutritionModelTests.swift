import Testing
@testable import GutPlanKit

/// Issue 9's nutrition model on the shipped rules: targets by diet and flag, supplements, energy
/// bands and absorption factors, each against numbers worked out by hand from the cited sources.
@Suite struct NutritionModelTests {
    static let gutplan: GutPlan? = try? GutPlan.load(rules: PackageRules.path)

    func loaded() throws -> GutPlan { try #require(Self.gutplan) }

    /// The problem built for a profile, after the rules ran (no planning).
    func builder(_ profile: Profile) throws -> ProblemBuilder {
        let gutplan = try loaded()
        var profile = profile
        profile.energy = profile.energy ?? gutplan.knowledge.energyBand(sex: profile.sex, age: profile.age, activity: profile.activity)
        return ProblemBuilder(knowledge: gutplan.knowledge, profile: profile, assessment: try gutplan.assess(profile))
    }

    func target(_ id: String, _ profile: Profile) throws -> Double? {
        try builder(profile).problem().nutrients.first { $0.id == id }?.target
    }

    // MARK: Targets

    @Test func vegetarianIronIsOnePointEightTimesTheRDA() throws {
        // NIH ODS: RDA 18 mg for women 19-50; vegetarians 1.8 times: 32.4 mg.
        #expect(try target("iron", Profile(diet: .vegetarian, suspected: ["iron"])) == 18 * 1.8)
        #expect(try target("iron", Profile(diet: .vegan, suspected: ["iron"])) == 18 * 1.8)
        #expect(try target("iron", Profile(diet: .omnivore, suspected: ["iron"])) == 18)
        #expect(try target("iron", Profile(diet: .pescatarian, suspected: ["iron"])) == 18)
    }

    @Test func plantBasedZincIsOnePointFiveTimes() throws {
        #expect(try target("zinc", Profile(diet: .vegan, suspected: ["zinc"])) == 8 * 1.5)
        #expect(try target("zinc", Profile(sex: .male, diet: .vegetarian, suspected: ["zinc"])) == 11 * 1.5)
        #expect(try target("zinc", Profile(diet: .omnivore, suspected: ["zinc"])) == 8)
    }

    @Test func confirmedAimsHigherThanSuspected() throws {
        #expect(try target("vitamin-d", Profile(confirmed: ["vitamin-d"])) == 15 * 1.5)
        #expect(try target("vitamin-d", Profile(suspected: ["vitamin-d"])) == 15)
        #expect(try target("vitamin-b12", Profile(confirmed: ["vitamin-b12"])) == 2.4 * 2)
        #expect(try target("magnesium", Profile(confirmed: ["magnesium"])) == 320 * 1.25)  // women 31-50
    }

    @Test func targetNeverPassesTheUpperLimit() throws {
        // 18 × 1.8 × 1.5 = 48.6 mg, above the iron UL of 45 mg.
        let builder = try builder(Profile(diet: .vegetarian, confirmed: ["iron"]))
        let derivation = try #require(builder.targets["iron"])
        #expect(derivation.target == 45)
        #expect(derivation.cappedAt == 45)
        #expect(derivation.text(unit: "mg").contains("capped at the limit 45"))
    }

    // MARK: Energy

    @Test func energyBandsFollowTheDietaryGuidelines() throws {
        let kb = try loaded().knowledge
        #expect(kb.energyBand(sex: .female, age: 75, activity: nil) == 1400...2000)
        #expect(kb.energyBand(sex: .female, age: 35, activity: .moderate) == 1800...2200)
        #expect(kb.energyBand(sex: .male, age: 19, activity: .active) == 2800...3200)
        #expect(kb.energyBand(sex: .male, age: 66, activity: .sedentary) == 1800...2200)
        #expect(kb.energyBand(sex: .male, age: 90, activity: nil) == 1800...2400)
    }

    // MARK: Supplements

    @Test func supplementsConvertUnits() throws {
        let gutplan = try loaded()
        let parsed = try gutplan.supplements(["vitamin-d=1000IU", "iron=18mg", "b12 = 0.5 mg", "calcium=0.5g", "folate=400mcg"])
        #expect(parsed["vitamin-d"] == 25)
        #expect(parsed["iron"] == 18)
        #expect(parsed["vitamin-b12"] == 500)
        #expect(parsed["calcium"] == 500)
        #expect(parsed["folate"] == 400)
    }

    @Test func badSupplementsAreUsageErrors() throws {
        let gutplan = try loaded()
        for (entry, expected) in [("vitamn-d=25ug", "did you mean"), ("iron=18", "unknown unit"), ("iron=18mmol", "unknown unit"),
                                  ("iron=18IU", "IU is accepted for vitamin D only"), ("iron", "NAME=AMOUNT"),
                                  ("iron=-3mg", "positive number"), ("b-complex=1mg", "several nutrients"),
                                  ("probiotics=1g", "not taken as a supplement")] {
            #expect {
                _ = try gutplan.supplements([entry])
            } throws: { error in
                guard let error = error as? GutPlanError, case .invalidRequest(let message) = error else { return false }
                return message.contains(expected)
            }
        }
        #expect(throws: GutPlanError.self) { _ = try gutplan.supplements(["iron=18mg", "Iron=10mg"]) }
    }

    @Test func supplementsCountInTheProblemThroughSupplementsCSV() throws {
        let profile = Profile(suspected: ["folate", "vitamin-d"], supplements: ["folate": 400, "vitamin-d": 25])
        let problem = try builder(profile).problem()
        func term(_ id: String) -> PlanningProblem.NutrientTerm? { problem.nutrients.first { $0.id == id } }
        // NIH ODS: 1 ug folic acid = 1.7 ug DFE; the folic-acid UL counts the synthetic form.
        #expect(abs((term("folate")?.supplement ?? 0) - 680) < 1e-9)
        #expect(term("folic-acid")?.supplement == 400)
        #expect(term("vitamin-d")?.supplement == 25)
        #expect(term("iron")?.supplement == 0)
    }

    @Test func magnesiumSupplementAboveItsOwnLimitIsReported() throws {
        let builder = try builder(Profile(suspected: ["magnesium"], supplements: ["magnesium": 400]))
        #expect(builder.supplementProblems().count == 1)
        #expect(builder.supplementProblems().first?.contains("350") == true)
        #expect(try self.builder(Profile(suspected: ["magnesium"], supplements: ["magnesium": 300])).supplementProblems().isEmpty)
    }

    // MARK: Absorption, checked by hand (Monsen et al. 1978; Hallberg et al. 1991)

    func absorption(_ portions: [(String, Double)], diet: Diet) throws -> MealAbsorption {
        let kb = try loaded().knowledge
        let model = try #require(kb.absorption)
        let foods = try portions.map { (try #require(kb.food(id: $0.0)), $0.1) }
        return MealAbsorption(portions: foods, model: model, diet: diet)
    }

    @Test func lentilsAloneAreLowAvailability() throws {
        // 3 mg vitamin C, no meat, 38 mg calcium: non-heme 3% against the vegetarian reference 5%.
        let meal = try absorption([("lentils", 1)], diet: .vegan)
        #expect(abs(meal.ironFactor - 0.6) < 1e-12)
        #expect(meal.ironReason.contains("poorly absorbed"))
        // Against the mixed reference (10% heme at 23%, 90% non-heme at 5%: 0.068 per mg).
        let omnivore = try absorption([("lentils", 1)], diet: .omnivore)
        #expect(abs(omnivore.ironFactor - 0.03 / 0.068) < 1e-12)
    }

    @Test func vitaminCRaisesPlantIron() throws {
        // 70 mg vitamin C from an orange: medium (25-75 mg) → 5%, as the reference: factor 1.
        #expect(abs(try absorption([("lentils", 1), ("orange", 1)], diet: .vegan).ironFactor - 1.0) < 1e-12)
        // With kale (80 mg more) vitamin C passes 75 mg → 8%, but kale, orange and lentils carry
        // 100.5 + 52.4 + 37.6 = 190.5 mg calcium, over 165 mg: 8% × 0.5 against 5%.
        #expect(abs(try absorption([("lentils", 1), ("orange", 1), ("kale", 1)], diet: .vegan).ironFactor - 0.8) < 1e-12)
    }

    @Test func meatBringsHemeIronAndEnhancesTheRest() throws {
        // 85 g sirloin (30-90 g: medium), 40% of its iron heme. Lentils 6.593 mg + beef 1.666 mg.
        let meal = try absorption([("lentils", 1), ("beef-sirloin", 1)], diet: .omnivore)
        let iron = 6.593 + 1.666, heme = 1.666 * 0.4
        let expected = (heme / iron * 0.23 + (1 - heme / iron) * 0.05) / 0.068
        #expect(abs(meal.ironFactor - expected) < 1e-9)
    }

    @Test func calciumHalvesIronAbsorption() throws {
        // A cup of milk has 293 mg calcium, over the 165 mg of Hallberg et al. 1991.
        let meal = try absorption([("lentils", 1), ("milk-fortified", 1)], diet: .vegetarian)
        #expect(abs(meal.ironFactor - 0.6 * 0.5) < 1e-12)
        #expect(meal.ironReason.contains("halves"))
    }

    @Test func spinachCalciumCountsAtItsMeasuredAbsorption() throws {
        // Cooked spinach: 244.8 mg calcium at 0.18 of milk's absorption; milk counts in full.
        let meal = try absorption([("spinach-cooked", 1), ("milk-fortified", 1)], diet: .omnivore)
        #expect(abs(meal.countedCalcium - (244.8 * 0.18 + 292.8)) < 1e-9)
        #expect(meal.eatenCalcium == 244.8 + 292.8)
        #expect(meal.calciumReasons.map(\.food) == ["spinach-cooked"])
    }

    @Test func upperLimitsUseWhatIsEatenNotWhatIsAbsorbed() throws {
        let problem = try builder(Profile(diet: .vegan, suspected: ["iron", "calcium"])).problem()
        let iron = try #require(problem.nutrients.firstIndex { $0.id == "iron" })
        let factored = problem.items.filter { $0.counted != nil }
        #expect(!factored.isEmpty)
        for item in factored {
            // `amounts` is what the UL constrains: the sum of the foods, untouched by any factor.
            #expect(item.amounts[iron] >= 0)
            #expect(item.counted?.count == item.amounts.count)
        }
    }
}
