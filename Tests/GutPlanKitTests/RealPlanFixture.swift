@testable import GutPlanKit

/// One real plan from the shipped rules through the facade, planned once and shared by the
/// calendar and report tests (planning a week takes a while in a debug build).
enum RealPlanFixture {
    struct Planned: Sendable {
        var gutplan: GutPlan
        var outcome: GutPlan.Outcome
    }

    static let profile = Profile(sex: .female, age: 40, diet: .vegetarian, confirmed: ["iron"], suspected: ["vitamin-b12"],
                                 labs: [LabResult(test: "ferritin", value: 12, unit: "ng/mL")], symptoms: ["bloating"],
                                 supplements: ["vitamin-b12": 25])

    static let planned: Result<Planned, GutPlanError> = {
        do throws(GutPlanError) {
            let gutplan = try GutPlan.load(rules: PackageRules.path)
            return .success(Planned(gutplan: gutplan, outcome: try gutplan.plan(profile, options: PlanOptions(start: "2026-12-07"))))
        } catch {
            return .failure(error)
        }
    }()

    /// The plan dated from Monday 7 December 2026.
    static func dated() throws -> MealPlan {
        try planned.get().outcome.plan.dated(start: "2026-12-07")
    }
}
