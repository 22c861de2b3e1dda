import Foundation
import Testing
@testable import GutPlanKit

/// Gut symptoms with the package rules: FODMAP-sensitive symptoms never raise fibre and add no
/// high-FODMAP prebiotic food; constipation may raise fibre; every gut symptom (or
/// `PlanOptions.ramp`) makes additions start low and go slow over the first week.
@Suite struct GutSymptomRampTests {
    static let gutplan: GutPlan? = try? GutPlan.load(rules: PackageRules.path)

    static let fodmapSymptoms = ["bloating", "gas", "diarrhoea", "diarrhea", "loose stools", "abdominal pain",
                                 "stomach ache", "irregular bowel movements"]

    static func profile(symptoms names: [String], gutplan: GutPlan) throws -> Profile {
        try gutplan.resolve(ProfileInput(symptoms: names))
    }

    @Test(arguments: fodmapSymptoms)
    func fodmapSymptomNeverRaisesFibreNorAddsHighFODMAPPrebiotics(name: String) throws {
        let gutplan = try #require(Self.gutplan)
        let knowledge = gutplan.knowledge
        let profile = try Self.profile(symptoms: [name], gutplan: gutplan)
        let assessment = try gutplan.assess(profile)
        #expect(assessment.flags["fiber"] == nil, "\(name) flags fibre")
        #expect(assessment.weights["fiber"] == nil, "\(name) weights fibre")
        let prebiotic = assessment.additions[.prebiotic] ?? []
        #expect(!prebiotic.isEmpty)
        for added in prebiotic {
            let food = try #require(knowledge.food(id: added.food))
            #expect(food.isLowFODMAP(servings: 1), "\(name): \(food.id) is \(food.fodmap.rawValue)")
        }
        #expect(assessment.notes.contains { $0.contains("--low-fodmap") }, "\(name) does not name the low-FODMAP option")

        let outcome = try gutplan.plan(profile)
        #expect(!outcome.plan.nutrients.contains { $0.id == "fiber" })
        for day in outcome.plan.days {
            for item in day.items where item.kind == .prebiotic {
                for portion in item.foods {
                    let food = try #require(knowledge.food(id: portion.food))
                    #expect(food.isLowFODMAP(servings: portion.servings), "\(name) day \(day.number): \(item.id)")
                }
            }
        }
    }

    /// A flagged nutrient with a FODMAP symptom still gets no high-FODMAP prebiotic additions.
    @Test func flaggedPrebioticsWithBloatingStayLowFODMAP() throws {
        let gutplan = try #require(Self.gutplan)
        var profile = try Self.profile(symptoms: ["bloating"], gutplan: gutplan)
        profile.suspected = ["prebiotics", "fiber"]
        let assessment = try gutplan.assess(profile)
        for added in assessment.additions[.prebiotic] ?? [] {
            #expect(gutplan.knowledge.food(id: added.food)?.isLowFODMAP(servings: 1) == true, "\(added.food)")
        }
    }

    @Test func constipationRaisesFibreGradually() throws {
        let gutplan = try #require(Self.gutplan)
        let profile = try Self.profile(symptoms: ["constipation"], gutplan: gutplan)
        let assessment = try gutplan.assess(profile)
        #expect(assessment.flags["fiber"]?.status == .suspected)
        #expect(assessment.notes.contains { $0.contains("a little at a time") })
        let outcome = try gutplan.plan(profile)
        #expect(outcome.plan.nutrients.contains { $0.id == "fiber" })
        #expect(outcome.plan.notes.contains { $0.hasPrefix("Start low, go slow") })
    }

    /// Ramp items: `food@0.25` on days 1-2, `food@0.5` on days 3-4, the full serving on 5-7;
    /// every variant of one addition shares one weekly cap; caps on foods count the smaller
    /// servings as such.
    @Test(arguments: [true, false])
    func rampItemsCarryTheirDays(byOption: Bool) throws {
        let gutplan = try #require(Self.gutplan)
        let knowledge = gutplan.knowledge
        let profile = try Self.profile(symptoms: byOption ? [] : ["bloating"], gutplan: gutplan)
        let options = PlanOptions(ramp: byOption)
        let outcome = try gutplan.plan(profile, options: options)
        let problem = outcome.problem
        let additions = problem.items.filter { $0.slots.contains(.fermented) || $0.slots.contains(.prebiotic) }
        #expect(!additions.isEmpty)
        for item in additions {
            let parts = item.id.split(separator: "@")
            switch parts.count == 2 ? String(parts[1]) : "" {
            case "0.25": #expect(item.days == [1, 2], "\(item.id)")
            case "0.5": #expect(item.days == [3, 4], "\(item.id)")
            default: #expect(item.days == [5, 6, 7], "\(item.id)")
            }
        }
        for item in problem.items where !additions.contains(where: { $0.id == item.id }) {
            #expect(item.days == nil, "meal \(item.id) is restricted")
        }
        // One shared weekly cap per addition over its variants.
        for base in additions.filter({ !$0.id.contains("@") }) {
            let cap = try #require(problem.foodCaps.first { $0.id == "ramp:\(base.id)" })
            #expect(cap.maxPerWeek == Double(ProblemBuilder.additionMaxPerWeek))
            #expect(Set(cap.amounts.keys) == [base.id, "\(base.id)@0.25", "\(base.id)@0.5"])
            #expect(cap.amounts.values.allSatisfy { $0 == 1 })
        }
        // The single-food cap counts a quarter serving as 0.25.
        if let each = problem.foodCaps.first(where: { $0.id == "each-food:oats" }) {
            #expect(each.amounts["oats@0.25"] == 0.25)
            #expect(each.amounts["oats@0.5"] == 0.5)
        }
        // The week honours the days, the shared caps and the problem's own checks.
        #expect(problem.violations(of: outcome.solution.days) == [])
        for (dayIndex, chosen) in outcome.solution.days.enumerated() {
            for index in chosen {
                let item = problem.items[index]
                if let days = item.days { #expect(days.contains(dayIndex + 1), "\(item.id) on day \(dayIndex + 1)") }
            }
        }
        let planned = outcome.plan.days.flatMap { day in day.items.filter { $0.kind == .fermented || $0.kind == .prebiotic }
            .map { (day.number, $0) } }
        for (day, item) in planned {
            let servings = item.foods.first?.servings ?? 0
            #expect(servings == (day <= 2 ? 0.25 : day <= 4 ? 0.5 : 1), "day \(day) \(item.id)")
        }
        #expect(outcome.plan.notes.contains { $0.hasPrefix("Start low, go slow") && $0.contains("1/4 serving on days 1-2") })
    }

    @Test func noRampWithoutGutSymptomsOrOption() throws {
        let gutplan = try #require(Self.gutplan)
        let profile = try Self.profile(symptoms: ["fatigue"], gutplan: gutplan)
        let outcome = try gutplan.plan(profile)
        #expect(outcome.problem.items.allSatisfy { $0.days == nil && !$0.id.contains("@") })
        #expect(!outcome.problem.foodCaps.contains { $0.id.hasPrefix("ramp:") })
        #expect(!outcome.plan.notes.contains { $0.hasPrefix("Start low, go slow") })
    }
}
