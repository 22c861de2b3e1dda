import Foundation
import GutPlanKit

/// The seam between the executable and the library facade: locate the rules, load them once,
/// resolve what the person typed, and call `GutPlan`.
enum Backend {
    /// The rule directory to use: `--rules`, `$GUTPLAN_RULES`, `./Rules`, the package's `Rules/`.
    static func rulesDirectory(_ explicit: String?) -> String {
        RulesLocator.locate(explicit: explicit, environment: ProcessInfo.processInfo.environment).path
    }

    static func load(_ rulesPath: String?) throws(GutPlanError) -> GutPlan {
        try GutPlan.load(rules: rulesDirectory(rulesPath))
    }

    static func input(_ request: PlanRequest) -> ProfileInput {
        ProfileInput(confirmed: request.confirmed, suspected: request.suspected, symptoms: request.symptoms,
                     labsPath: request.labsPath, sex: request.sex, age: request.age, diet: request.diet,
                     exclude: request.exclude, energy: request.energy)
    }

    static func outcome(_ request: PlanRequest,
                        beforeSolving: (PlanningProblem) throws(GutPlanError) -> Void = { _ in })
        throws(GutPlanError) -> (GutPlan, GutPlan.Outcome) {
        let gutplan = try load(request.rulesPath)
        let profile = try gutplan.resolve(input(request))
        return (gutplan, try gutplan.plan(profile, seed: request.seed ?? 0, beforeSolving: beforeSolving))
    }

    /// The finished plan; `beforeSolving` receives the optimisation problem first (for
    /// `--emit-problem`, written even when no plan is possible).
    static func plan(_ request: PlanRequest,
                     beforeSolving: (PlanningProblem) throws(GutPlanError) -> Void) throws(GutPlanError) -> MealPlan {
        try outcome(request, beforeSolving: beforeSolving).1.plan
    }

    /// The chain behind every flag and choice, as `gutplan explain` prints it.
    static func explain(_ request: PlanRequest) throws(GutPlanError) -> String {
        let (gutplan, outcome) = try outcome(request)
        return Explanation(knowledge: gutplan.knowledge, assessment: outcome.assessment, plan: outcome.plan).text()
    }

    /// Loads and checks a rule directory. Errors throw `.badData` with every problem found;
    /// on success the summary lists the counts, then any warnings.
    static func checkRules(at path: String?) throws(GutPlanError) -> String {
        let directory = rulesDirectory(path)
        let gutplan = try GutPlan.load(rules: directory)
        let knowledge = gutplan.knowledge
        let warnings = RuleChecker.check(knowledge).filter { $0.severity == .warning }
        var lines = warnings.map(\.rendered)
        lines.append("\(directory): ok — \(knowledge.nutrients.count) nutrients, \(knowledge.foods.count) foods, "
            + "\(knowledge.meals.count) meals, \(knowledge.steps.count) stress steps, \(knowledge.symptoms.count) symptoms, "
            + "\(knowledge.labTests.count) lab tests, \(knowledge.rules.count) rules"
            + (warnings.isEmpty ? "" : ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"))
        return lines.joined(separator: "\n")
    }

    /// The knowledge base in a rule directory (for `gutplan nutrients`).
    static func knowledgeBase(at path: String?) throws(GutPlanError) -> KnowledgeBase {
        try load(path).knowledge
    }
}
