import Foundation
import Testing

/// Golden files for the text, Markdown and CSV of one fixed profile, run through the built binary.
/// Each golden file is named after its test: `Golden/<test name>.txt`.
///
/// The planner may change the exact plan (the lead rewrites it); after such a change, regenerate
/// every golden file with one variable and review the diff before committing:
///
///     GUTPLAN_UPDATE_GOLDEN=1 swift test --filter GutPlanCLITests
///
/// The profile has a lab report, flags and a symptom, so the goldens cover conversions, rules,
/// the week view, coverage, notes and the shopping list. Inputs are fixed and output is
/// deterministic (seed 0, no dates, no locale).
@Suite struct GoldenPlanTests {
    static func fixedProfile(_ folder: URL) throws -> [String] {
        let labs = try E2E.labs(["vitamin d,45,nmol/L", "ferritin,22,ug/L"], in: folder)
        return ["plan", "--labs", labs, "--confirmed", "zinc", "--suspected", "b12", "--symptoms", "brain-fog",
                "--sex", "female", "--age", "42", "--diet", "pescatarian", "--exclude", "shellfish", "--seed", "0"]
    }

    @Test func planTextGolden() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let result = try CLIHarness.run(try Self.fixedProfile(folder))
        #expect(result.status == 0, "\(result.stderr)")
        try Golden.check(result.stdout, name: "planTextGolden")
    }

    @Test func planMarkdownGolden() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let result = try CLIHarness.run(try Self.fixedProfile(folder) + ["--format", "markdown"])
        #expect(result.status == 0, "\(result.stderr)")
        try Golden.check(result.stdout, name: "planMarkdownGolden")
    }

    @Test func planCSVGolden() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let result = try CLIHarness.run(try Self.fixedProfile(folder) + ["--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        try Golden.check(result.stdout, name: "planCSVGolden")
    }

    /// A vegan profile without soy or nuts, where the rules cannot cover everything: the JSON pins
    /// the plan, its score and the proven bound.
    @Test func planVeganJSONGolden() throws {
        let result = try CLIHarness.run(["plan", "--confirmed", "b12,iron,zinc,calcium,vitamin-d", "--diet", "vegan",
                                         "--exclude", "soy,nuts", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        try Golden.check(result.stdout, name: "planVeganJSONGolden")
    }

    /// An older man on a vegetarian, gluten-free diet with a narrow energy band and many flags.
    @Test func planOlderManJSONGolden() throws {
        let result = try CLIHarness.run(["plan", "--confirmed", "calcium,vitamin-d,magnesium", "--suspected", "b6,fiber,probiotics",
                                         "--sex", "male", "--age", "72", "--diet", "vegetarian", "--exclude", "gluten",
                                         "--kcal", "2000-2300", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        try Golden.check(result.stdout, name: "planOlderManJSONGolden")
    }
}
