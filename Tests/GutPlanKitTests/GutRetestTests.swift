import Foundation
import Testing
@testable import GutPlanKit

/// After the week: a retest reminder for each confirmed deficiency (`Rules/retests.csv`), in
/// every output format; none for suspected flags.
@Suite struct GutRetestTests {
    static let gutplan: GutPlan? = try? GutPlan.load(rules: PackageRules.path)

    @Test func confirmedFlagsOnlyGetRetests() throws {
        let gutplan = try #require(Self.gutplan)
        let profile = Profile(diet: .omnivore, confirmed: ["iron", "vitamin-d"], suspected: ["zinc"])
        let plan = try gutplan.plan(profile).plan
        // Knowledge-base nutrient order, one row each here.
        let expected = gutplan.knowledge.nutrients.map(\.id).filter { ["iron", "vitamin-d"].contains($0) }
        #expect(plan.retests.map(\.nutrient) == expected)
        let iron = try #require(plan.retests.first { $0.nutrient == "iron" })
        #expect(iron.test.contains("ferritin"))
        #expect(iron.after == "after 8-12 weeks")
        #expect(iron.date == nil)
        #expect(iron.source.contains("Snook"))
        let vitaminD = try #require(plan.retests.first { $0.nutrient == "vitamin-d" })
        #expect(vitaminD.test.contains("25(OH)D"))
        #expect(vitaminD.after == "after 12 weeks")
        #expect(!plan.retests.contains { $0.nutrient == "zinc" })

        // Every format shows them.
        #expect(plan.text().contains("After the week: when to retest"))
        #expect(plan.text().contains("Iron: ask for serum ferritin"))
        #expect(plan.markdown().contains("## After the week: when to retest"))
        let json = try #require(try? JSONParser.parse(plan.json()))
        guard case .object(let members) = json, let retests = members.first(where: { $0.key == "retests" })?.value,
              case .array(let list) = retests else {
            Issue.record("no retests array in the JSON")
            return
        }
        #expect(list.count == plan.retests.count)
        // The CSV stays one row per planned item: no retest rows.
        #expect(!plan.csv().contains(",retest,"))
    }

    @Test func suspectedFlagsGetNoRetests() throws {
        let gutplan = try #require(Self.gutplan)
        let plan = try gutplan.plan(Profile(diet: .vegetarian, suspected: ["iron", "vitamin-b12"])).plan
        #expect(plan.retests.isEmpty)
        #expect(!plan.text().contains("After the week"))
        #expect(plan.json().contains("\"retests\": []"))
    }

    /// Every confirmable nutrient with a blood test has a row, and every row cites a source.
    @Test func packageTableCoversTheDeficienciesWithATest() throws {
        let gutplan = try #require(Self.gutplan)
        let covered = Set(gutplan.knowledge.retests.map(\.nutrient))
        #expect(covered.isSuperset(of: ["iron", "vitamin-d", "vitamin-b12", "folate", "zinc", "magnesium"]))
        #expect(gutplan.knowledge.retests.allSatisfy { !$0.source.isEmpty && $0.weeks.lowerBound >= 1 })
    }

    @Test func badRowsAreReported() throws {
        let text = """
        nutrient,test,after_weeks_min,after_weeks_max,source
        iron,serum ferritin,12,8,a source
        unobtainium,a test,4,8,a source
        zinc,plasma zinc,2.5,8,a source
        folate,,4,8,a source
        magnesium,serum magnesium,4,8,
        vitamin-d,25(OH)D,12,12,a source

        """
        let read = CSVTable.read(Data(text.utf8), path: "retests.csv", columns: .exactly(RetestGuidance.csvColumns))
        let table = try #require(read.table)
        var diagnostics: [Diagnostic] = []
        let nutrients = try #require(Self.gutplan).knowledge.nutrients
        let rows = RetestGuidance.load(table, nutrients: nutrients, into: &diagnostics)
        #expect(rows.map(\.nutrient) == ["vitamin-d"])
        let messages = diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("after_weeks_max 8 is before after_weeks_min 12") })
        #expect(messages.contains { $0.contains("unknown nutrient 'unobtainium'") })
        #expect(messages.contains { $0.contains("not a whole number of weeks") })
        #expect(messages.contains { $0.contains("test is empty") })
        #expect(messages.contains { $0.contains("source is empty") })
    }

    @Test func badRampRowsAreReported() throws {
        let text = """
        from_day,to_day,servings,source
        1,2,0.25,s
        2,3,0.5,s
        4,3,0.5,s
        5,8,1,s
        5,7,1.5,s
        6,7,1,s

        """
        let read = CSVTable.read(Data(text.utf8), path: "ramp.csv", columns: .exactly(RampStep.csvColumns))
        let table = try #require(read.table)
        var diagnostics: [Diagnostic] = []
        let steps = RampStep.load(table, into: &diagnostics)
        #expect(steps.map(\.days) == [1...2, 6...7])
        let messages = diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("overlap") })
        #expect(messages.contains { $0.contains("to_day 3 is before from_day 4") })
        #expect(messages.contains { $0.contains("not a day from 1 to 7") })
        #expect(messages.contains { $0.contains("more than one serving") })
    }
}
