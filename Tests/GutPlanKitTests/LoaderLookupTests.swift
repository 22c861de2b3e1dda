import Testing
@testable import GutPlanKit

@Suite struct LoaderLookupTests {
    @Test func nutrientNames() throws {
        let kb = try #require(Fixture.knowledge())
        #expect(kb.nutrients(named: "zinc") == ["zinc"])
        #expect(kb.nutrients(named: " Vitamin_B12 ") == ["vitamin-b12"])
        #expect(kb.nutrients(named: "VIT D") == ["vitamin-d"])
        #expect(kb.nutrients(named: "B-Complex") == ["vitamin-b12", "folate", "vitamin-b6"])
        #expect(kb.nutrients(named: "b complex") == ["vitamin-b12", "folate", "vitamin-b6"])
        #expect(kb.nutrients(named: "unobtainium").isEmpty)
        #expect(kb.suggestion(forNutrient: "zinx") == "zinc")
        #expect(kb.suggestion(forNutrient: "magnesuim") == "magnesium")
        #expect(kb.suggestion(forNutrient: "qqqqqq") == nil)
    }

    @Test func otherNames() throws {
        let kb = try #require(Fixture.knowledge())
        #expect(kb.symptom(named: "Tired")?.id == "fatigue")
        #expect(kb.suggestion(forSymptom: "bloatin") == "bloating")
        #expect(kb.labTest(named: "25(oh)d")?.id == "25-hydroxyvitamin-d")
        #expect(kb.labTest(named: "Vitamin D")?.id == "25-hydroxyvitamin-d")
        #expect(kb.labTest(named: "B12")?.id == "vitamin-b12")
        #expect(kb.suggestion(forLabTest: "feritin") == "ferritin")
        #expect(kb.suggestion(forFood: "oyster") == "oysters")
    }

    @Test func amounts() throws {
        let kb = try #require(Fixture.knowledge())
        let zinc = try #require(kb.nutrient(id: "zinc"))
        let probiotics = try #require(kb.nutrient(id: "probiotics"))
        let glutamine = try #require(kb.nutrient(id: "glutamine"))
        let yogurt = try #require(kb.food(id: "yogurt"))
        let kale = try #require(kb.food(id: "kale"))
        #expect(kb.amount(of: zinc, in: yogurt) == 1.445)
        #expect(kb.amount(of: probiotics, in: yogurt) == 1)
        #expect(kb.amount(of: probiotics, in: kale) == 0)
        #expect(kb.amount(of: glutamine, in: kale) == nil)
        let bowl = try #require(kb.meal(id: "kale-yogurt-bowl"))  // kale 1, yogurt 0.5, garlic 1
        #expect(abs((kb.amount(of: zinc, in: bowl) ?? 0) - (0.3752 + 0.7225 + 0.1044)) < 1e-9)
        #expect(kb.amount(of: probiotics, in: bowl) == 0.5)
        #expect(kb.amount(of: glutamine, in: bowl) == nil)
        #expect(abs((kb.energy(of: bowl) ?? 0) - (32.83 + 74.7 + 13.41)) < 1e-9)
        #expect(kb.tags(of: bowl) == ["dairy", "fermented", "prebiotic"])
        let ghost = Meal(id: "ghost", name: "Ghost", slots: [.lunch], portions: [.init(food: "nothing", servings: 1)])
        #expect(kb.amount(of: zinc, in: ghost) == nil)
    }
}
