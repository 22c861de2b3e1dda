import Foundation
import Testing
@testable import GutPlanKit

/// The shipped `Rules/nutrients.csv` holds the NIH ODS / NASEM values of the foundation issue,
/// and lookup picks them by sex and age band.
@Suite struct ReferenceIntakeTests {
    static let knowledge: KnowledgeBase? = KnowledgeBase.load(directory: PackageRules.path).knowledge

    /// id → (female 19–30, 31–50, 51–70, 71+, male 19–30, 31–50, 51–70, 71+), from the table.
    static let targets: [(String, [Double])] = [
        ("vitamin-a", [700, 700, 700, 700, 900, 900, 900, 900]),
        ("vitamin-d", [15, 15, 15, 20, 15, 15, 15, 20]),
        ("vitamin-b12", [2.4, 2.4, 2.4, 2.4, 2.4, 2.4, 2.4, 2.4]),
        ("folate", [400, 400, 400, 400, 400, 400, 400, 400]),
        ("vitamin-b6", [1.3, 1.3, 1.5, 1.5, 1.3, 1.3, 1.7, 1.7]),
        ("vitamin-c", [75, 75, 75, 75, 90, 90, 90, 90]),
        ("zinc", [8, 8, 8, 8, 11, 11, 11, 11]),
        ("magnesium", [310, 320, 320, 320, 400, 420, 420, 420]),
        ("iron", [18, 18, 8, 8, 8, 8, 8, 8]),
        ("calcium", [1000, 1000, 1200, 1200, 1000, 1000, 1000, 1200]),
        ("fiber", [25, 25, 21, 21, 38, 38, 30, 30]),
    ]

    /// id → UL per band 19–30, 31–50, 51–70, 71+ (nil: none).
    static let limits: [(String, [Double?])] = [
        ("vitamin-a", [nil, nil, nil, nil]),
        ("retinol", [3000, 3000, 3000, 3000]),
        ("vitamin-d", [100, 100, 100, 100]),
        ("vitamin-b12", [nil, nil, nil, nil]),
        ("folate", [nil, nil, nil, nil]),
        ("folic-acid", [1000, 1000, 1000, 1000]),
        ("vitamin-b6", [100, 100, 100, 100]),
        ("vitamin-c", [2000, 2000, 2000, 2000]),
        ("zinc", [40, 40, 40, 40]),
        ("magnesium", [nil, nil, nil, nil]),
        ("iron", [45, 45, 45, 45]),
        ("calcium", [2500, 2500, 2000, 2000]),
        ("fiber", [nil, nil, nil, nil]),
    ]

    @Test func targetsBySexAndAge() throws {
        let knowledge = try #require(Self.knowledge)
        let ages = [25, 40, 60, 80]
        for (id, values) in Self.targets {
            let nutrient = try #require(knowledge.nutrient(id: id))
            for (index, age) in ages.enumerated() {
                let band = try #require(AgeBand(age: age))
                #expect(nutrient.target(sex: .female, band: band) == values[index], "\(id) female \(age)")
                #expect(nutrient.target(sex: .male, band: band) == values[index + 4], "\(id) male \(age)")
            }
        }
    }

    @Test func upperLimitsByAge() throws {
        let knowledge = try #require(Self.knowledge)
        for (id, values) in Self.limits {
            let nutrient = try #require(knowledge.nutrient(id: id))
            for (index, band) in AgeBand.allCases.enumerated() {
                #expect(nutrient.upperLimit(band: band) == values[index], "\(id) \(band.rawValue)")
            }
        }
    }

    @Test func projectTargetsAreMarkedAsNotReferenceIntakes() throws {
        let knowledge = try #require(Self.knowledge)
        for id in ["glutamine", "probiotics", "prebiotics"] {
            let nutrient = try #require(knowledge.nutrient(id: id))
            #expect(!nutrient.isReferenceIntake)
            #expect(nutrient.target(sex: .female, band: .from31to50) ?? 0 > 0)
        }
        #expect(knowledge.nutrient(id: "zinc")?.isReferenceIntake == true)
    }

    @Test func bandBoundaries() {
        #expect(AgeBand(age: 18) == nil)
        #expect(AgeBand(age: 19) == .from19to30)
        #expect(AgeBand(age: 30) == .from19to30)
        #expect(AgeBand(age: 31) == .from31to50)
        #expect(AgeBand(age: 50) == .from31to50)
        #expect(AgeBand(age: 51) == .from51to70)
        #expect(AgeBand(age: 70) == .from51to70)
        #expect(AgeBand(age: 71) == .from71)
        #expect(AgeBand(age: 120) == .from71)
    }
}
