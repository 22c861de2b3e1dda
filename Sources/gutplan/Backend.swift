import GutPlanKit

/// The seam between the executable and the library facade. Every function here is a
/// placeholder until the lead engineer merges the engine and `GutPlan` facade:
/// replace each body with the facade call named in its TODO.
enum Backend {
    /// The finished plan and the optimisation problem it solved (for `--emit-problem`).
    static func plan(_ request: PlanRequest) throws(GutPlanError) -> (plan: MealPlan, problem: PlanningProblem) {
        // TODO(lead): call GutPlan.plan(profile: request.profile, labs: request.labsPath,
        //             rules: request.rulesPath, seed: request.seed) and return its plan and problem.
        throw GutPlanError.usage("not yet wired")
    }

    /// The rule firings and derived flags as text for `gutplan explain`.
    static func explain(_ request: PlanRequest) throws(GutPlanError) -> String {
        // TODO(lead): call GutPlan.explain(...) (or render its Assessment) and return the text.
        throw GutPlanError.usage("not yet wired")
    }

    /// Loads and checks a rule directory; returns a one-paragraph summary, throws `.badData`
    /// with every problem found.
    static func checkRules(at path: String?) throws(GutPlanError) -> String {
        // TODO(lead): call GutPlan.loadKnowledgeBase(rules: path) and summarise (counts of
        //             nutrients, foods, meals, steps, rules).
        throw GutPlanError.usage("not yet wired")
    }

    /// The knowledge base in a rule directory (for `gutplan nutrients`).
    static func knowledgeBase(at path: String?) throws(GutPlanError) -> KnowledgeBase {
        // TODO(lead): call GutPlan.loadKnowledgeBase(rules: path).
        throw GutPlanError.usage("not yet wired")
    }
}
