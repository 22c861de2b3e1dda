import Foundation
import Testing
@testable import GutPlanKit

/// Larger portions for larger energy needs (`Rules/portions.csv`): the step chosen, the scaled
/// amounts, the unscaled additions, low-FODMAP servings, later weeks and swaps, and the loader.
@Suite struct PortionScaleTests {
    static let gutplan: GutPlan? = try? GutPlan.load(rules: PackageRules.path)

    static func plan(_ input: ProfileInput, options: PlanOptions = PlanOptions()) throws -> (GutPlan, MealPlan) {
        let gutplan = try #require(Self.gutplan)
        var profile = try gutplan.resolve(input)
        profile.lowFODMAP = input.lowFODMAP
        return (gutplan, try gutplan.plan(profile, options: options).plan)
    }

    /// Meal items' servings, per food, against the meal's standard servings in `meals.csv`.
    static func servingRatios(_ plan: MealPlan, knowledge: KnowledgeBase) throws -> [(item: String, food: String, standard: Double, planned: Double)] {
        var result: [(String, String, Double, Double)] = []
        for day in plan.days {
            for item in day.items where item.kind == .meal {
                let meal = try #require(knowledge.meals.first { $0.id == item.id })
                #expect(meal.portions.map(\.food) == item.foods.map(\.food))
                for (standard, planned) in zip(meal.portions, item.foods) {
                    result.append((item.id, standard.food, standard.servings, planned.servings))
                }
            }
        }
        return result
    }

    @Test func standardPortionsWhenATypicalDayReachesTheBand() throws {
        let (gutplan, plan) = try Self.plan(ProfileInput(suspected: ["iron"], sex: .female, age: 35, activity: .sedentary))
        #expect(plan.portionScale == 1)
        #expect(plan.portionSummary.isEmpty)
        #expect(plan.json().contains("\"portion_scale\": 1,"))
        for ratio in try Self.servingRatios(plan, knowledge: gutplan.knowledge) {
            #expect(ratio.planned == ratio.standard, "\(ratio.item) \(ratio.food)")
        }
    }

    /// An active man of 25 (2800-3200 kcal) had no plan with standard portions (the heaviest day
    /// held about 2620 kcal); with the smallest step whose typical day reaches 2800 kcal he has one.
    @Test func anActiveYoungManGetsTheSmallestStepThatReachesHisBand() throws {
        let input = ProfileInput(suspected: ["zinc"], sex: .male, age: 25, activity: .active)
        let (gutplan, plan) = try Self.plan(input)
        let knowledge = gutplan.knowledge
        let steps = knowledge.portionScales.map(\.scale)
        let index = try #require(steps.firstIndex(of: plan.portionScale))
        #expect(plan.portionScale > 1)
        // The step is the smallest whose typical day reaches the band's lower end.
        let profile = plan.profile
        let assessment = try gutplan.assess(profile)
        let energy = try #require(knowledge.nutrient(id: "energy"))
        func typical(_ scale: Double) -> Double {
            ProblemBuilder.typicalDay(ProblemBuilder.allowedEntries(knowledge: knowledge, profile: profile, assessment: assessment,
                                                                   options: PlanOptions(), portionScale: scale),
                                      energy: energy, knowledge: knowledge)
        }
        #expect(typical(plan.portionScale) >= profile.energyBand.lowerBound)
        #expect(typical(steps[index - 1]) < profile.energyBand.lowerBound)
        // Every meal food at the step times its standard servings; additions at most one serving.
        for ratio in try Self.servingRatios(plan, knowledge: knowledge) {
            #expect(abs(ratio.planned - ratio.standard * plan.portionScale) < 1e-9, "\(ratio.item) \(ratio.food)")
        }
        for day in plan.days {
            let kcal = try #require(day.totals["kcal"])
            #expect(profile.energyBand.contains(kcal), "day \(day.number): \(kcal) kcal")
            for item in day.items where item.kind == .fermented || item.kind == .prebiotic {
                #expect(item.foods.allSatisfy { $0.servings <= 1 }, "\(item.id)")
            }
        }
        #expect(plan.portionSummary.hasPrefix(DecimalText.format(plan.portionScale, maxFractionDigits: 2) + " times the standard servings"))
        #expect(plan.text(width: 100, useColor: false).contains("Portions"))
        #expect(plan.markdown().contains("- **Portions:** "))
        #expect(plan.json().contains("\"portion_scale\": \(DecimalText.format(plan.portionScale, maxFractionDigits: 6)),"))
    }

    /// In the low-FODMAP phase a food low-FODMAP only at one serving grows at most to it, so
    /// every planned amount stays low-FODMAP; a man of 30 (2200-3000 kcal) has a week.
    @Test func lowFODMAPPortionsStayLowFODMAP() throws {
        var input = ProfileInput(suspected: ["zinc"], sex: .male, age: 30)
        input.lowFODMAP = true
        let (gutplan, plan) = try Self.plan(input)
        #expect(plan.portionScale > 1)
        #expect(plan.portionSummary.contains("low-FODMAP"))
        var grewLess = 0
        for ratio in try Self.servingRatios(plan, knowledge: gutplan.knowledge) {
            let food = try #require(gutplan.knowledge.food(id: ratio.food))
            #expect(food.isLowFODMAP(servings: ratio.planned), "\(ratio.item) \(ratio.food) at \(ratio.planned)")
            #expect(ratio.planned >= ratio.standard - 1e-12 && ratio.planned <= ratio.standard * plan.portionScale + 1e-12)
            if ratio.planned < ratio.standard * plan.portionScale - 1e-9 { grewLess += 1 }
        }
        #expect(grewLess > 0, "no food was held at its low-FODMAP serving")
    }

    /// Week 2 keeps week 1's step (its catalogue lacks week 1's meals), and a swap keeps the
    /// saved plan's step.
    @Test func laterWeeksAndSwapsKeepTheStep() throws {
        let input = ProfileInput(suspected: ["magnesium"], sex: .male, age: 25, activity: .moderate)
        var options = PlanOptions()
        options.weeks = 2
        let (_, twoWeeks) = try Self.plan(input, options: options)
        let (gutplan, plan) = try Self.plan(input)
        #expect(plan.portionScale > 1 && twoWeeks.portionScale == plan.portionScale)
        let week2 = twoWeeks.days[7...].flatMap(\.items).filter { $0.kind == .meal }
        let ratios = try week2.flatMap { item in
            try zip(#require(gutplan.knowledge.meals.first { $0.id == item.id }).portions, item.foods).map { $1.servings / $0.servings }
        }
        #expect(!ratios.isEmpty && ratios.allSatisfy { abs($0 - plan.portionScale) < 1e-9 })
        let swap = try gutplan.swap(planJSON: plan.json(), path: "plan.json", day: 3, slot: .dinner)
        let knowledge = gutplan.knowledge
        let energy = try #require(knowledge.nutrient(id: "energy"))
        var meals = 0
        for item in swap.problem.items {
            guard let meal = knowledge.meals.first(where: { $0.id == item.id }) else { continue }
            let standard = meal.portions.reduce(0.0) { total, portion in
                total + (knowledge.food(id: portion.food).flatMap { knowledge.amount(of: energy, in: $0) } ?? 0) * portion.servings
            }
            #expect(abs(item.kcal - standard * plan.portionScale) < 1e-6, "\(item.id)")
            meals += 1
        }
        #expect(meals > 0)
    }

    @Test func badStepsAreLocated() {
        let table = """
        scale,source
        1,standard
        0.5,"smaller"
        4,"huge"
        1.5,
        1,again
        """
        Fixture.withMini(["portions.csv": table]) { dir in
            let result = KnowledgeBase.loadResult(directory: dir)
            #expect(result.knowledge == nil)
            #expect(errors(result, in: dir) == [
                "portions.csv:3:1: scale 0.5 is not from 1 to 3",
                "portions.csv:4:1: scale 4 is not from 1 to 3",
                "portions.csv:5:5: source is empty (cite the guidance)",
                "portions.csv:6:1: scale 1 is listed twice",
            ])
        }
    }

    @Test func aSavedPlanWithAnImpossibleStepIsBadData() throws {
        let (gutplan, plan) = try Self.plan(ProfileInput(suspected: ["iron"]))
        let json = plan.json().replacingOccurrences(of: "\"portion_scale\": 1,", with: "\"portion_scale\": 9,")
        #expect(json != plan.json())
        #expect(throws: GutPlanError.self) { try gutplan.swap(planJSON: json, path: "plan.json", day: 1, slot: .lunch) }
    }
}
