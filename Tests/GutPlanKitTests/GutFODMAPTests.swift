import Foundation
import Testing
@testable import GutPlanKit

/// The low-FODMAP elimination phase through the facade with the package rules: every food of
/// every planned item is low-FODMAP at its amount, the plan says how long the phase lasts, and
/// a slot the catalogue cannot fill is named.
@Suite struct GutFODMAPTests {
    static let gutplan: GutPlan? = try? GutPlan.load(rules: PackageRules.path)

    static func profile(_ diet: Diet, sex: Sex = .female, symptoms: Set<String> = []) -> Profile {
        var profile = Profile(sex: sex, age: 35, diet: diet, symptoms: symptoms)
        profile.lowFODMAP = true
        return profile
    }

    /// Every portion of every planned item that is not low-FODMAP at its amount, as text.
    static func notLow(_ plan: MealPlan, knowledge: KnowledgeBase) -> [String] {
        var problems: [String] = []
        for day in plan.days {
            for item in day.items where item.kind != .stress {
                for portion in item.foods {
                    guard let food = knowledge.food(id: portion.food) else {
                        problems.append("day \(day.number) \(item.id): unknown food \(portion.food)")
                        continue
                    }
                    if !food.isLowFODMAP(servings: portion.servings) {
                        problems.append("day \(day.number) \(item.id): \(food.id) × \(portion.servings) is \(food.fodmap.rawValue)")
                    }
                }
            }
        }
        return problems
    }

    @Test(arguments: [Diet.omnivore, .pescatarian, .vegetarian])
    func lowFODMAPWeekIsLowFoodByFood(diet: Diet) throws {
        let gutplan = try #require(Self.gutplan)
        // The heaviest low-FODMAP day of today's catalogue holds about 2150 kcal, below the male
        // 2400-3000 kcal default band, so the man is planned at 1800-2400 kcal (see docs/GUT.md).
        for sex in [Sex.female, .male] {
            var profile = Self.profile(diet, sex: sex)
            if sex == .male { profile.energy = 1800...2400 }
            let outcome = try gutplan.plan(profile)
            #expect(Self.notLow(outcome.plan, knowledge: gutplan.knowledge) == [], "\(diet) \(sex)")
            // Every slot is filled every day, additions included.
            for day in outcome.plan.days {
                let slots = Set(day.items.map(\.slot))
                #expect(slots.isSuperset(of: Slot.planned), "\(diet) day \(day.number): \(slots)")
            }
            // Fermented additions carry no lactose.
            let fermented = outcome.plan.days.flatMap(\.items).filter { $0.kind == .fermented }
            for item in fermented {
                for portion in item.foods {
                    let food = try #require(gutplan.knowledge.food(id: portion.food))
                    #expect(!food.fodmapGroups.contains(.lactose) && food.fodmap == .low, "\(item.id)")
                }
            }
            // The problem itself holds only low-FODMAP items, so a MILP cannot pick another.
            let foods = Dictionary(uniqueKeysWithValues: gutplan.knowledge.foods.map { ($0.id, $0) })
            let builder = ProblemBuilder(knowledge: gutplan.knowledge, profile: outcome.plan.profile,
                                         assessment: outcome.assessment)
            for entry in builder.entries {
                for portion in entry.portions {
                    #expect(foods[portion.food]?.isLowFODMAP(servings: portion.servings) == true, "\(entry.id)")
                }
            }
            #expect(outcome.plan.notes.contains { $0.contains("2-6 weeks") && $0.contains("reintroduce") && $0.contains("dietitian") })
        }
    }

    /// The vegan catalogue has one low-FODMAP fermented food (tempeh, at most 4 days a week):
    /// planning stops before solving and names the slot.
    @Test func veganLowFODMAPNamesTheFermentedSlot() throws {
        let gutplan = try #require(Self.gutplan)
        do {
            let outcome = try gutplan.plan(Self.profile(.vegan))
            // If the catalogue grows enough, the week must still be low food by food.
            #expect(Self.notLow(outcome.plan, knowledge: gutplan.knowledge) == [])
        } catch {
            guard case .noPlan(let message) = error else {
                Issue.record("expected noPlan, got \(error)")
                return
            }
            #expect(message.contains("low-FODMAP"))
            #expect(message.contains("fermented slot"))
            #expect(message.contains("Tempeh"))
        }
    }

    /// Without the flag nothing is filtered: high-FODMAP meals stay in the catalogue.
    @Test func withoutTheFlagHighFODMAPMealsStay() throws {
        let gutplan = try #require(Self.gutplan)
        let profile = Profile(diet: .omnivore)
        let assessment = try gutplan.assess(profile)
        let builder = ProblemBuilder(knowledge: gutplan.knowledge, profile: profile, assessment: assessment)
        let foods = Dictionary(uniqueKeysWithValues: gutplan.knowledge.foods.map { ($0.id, $0) })
        #expect(builder.entries.contains { entry in
            entry.portions.contains { foods[$0.food]?.isLowFODMAP(servings: $0.servings) == false }
        })
        #expect(builder.fodmapProblems() == [])
        #expect(!assessment.notes.contains { $0.contains("Low-FODMAP elimination phase") })
    }

    /// The slot check names each meal slot of an empty catalogue, and passes the full one.
    @Test func slotCheckNamesEverySlotOfAnEmptyCatalogue() throws {
        let gutplan = try #require(Self.gutplan)
        var knowledge = gutplan.knowledge
        knowledge.meals = []
        var profile = Profile(diet: .omnivore)
        profile.lowFODMAP = true
        let assessment = try GutPlan(knowledge: knowledge).assess(profile)
        var builder = ProblemBuilder(knowledge: knowledge, profile: profile, assessment: assessment)
        let problems = builder.fodmapProblems()
        for slot in Slot.meals {
            #expect(problems.contains { $0.contains("the \(slot.rawValue) slot") && $0.contains("no \(slot.rawValue) meal") })
        }
        // With the full catalogue every slot of an omnivore can be filled.
        builder = ProblemBuilder(knowledge: gutplan.knowledge, profile: profile,
                                 assessment: try gutplan.assess(profile))
        #expect(builder.fodmapProblems().isEmpty)
    }

    /// How many low-FODMAP meals each diet has per slot (the issue asks for 8, and 6 for vegan);
    /// the counts are reported in docs/GUT.md.
    @Test func lowFODMAPMealsPerDietAndSlot() throws {
        let gutplan = try #require(Self.gutplan)
        for diet in Diet.allCases {
            var profile = Profile(diet: diet)
            profile.lowFODMAP = true
            let builder = ProblemBuilder(knowledge: gutplan.knowledge, profile: profile, assessment: Assessment())
            for slot in Slot.meals {
                let count = builder.entries.filter { $0.kind == .meal && $0.slots.contains(slot) }.count
                #expect(count >= (diet == .vegan ? 6 : 8), "\(diet) \(slot): \(count)")
            }
        }
    }
}
