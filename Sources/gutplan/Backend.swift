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

    /// Loads the rules, then completes the request: asks the questions with `--interactive`, or
    /// when nothing is flagged and a person is at the terminal; with nothing flagged and nobody to
    /// ask, a usage error that says how to flag something.
    static func prepare(_ request: PlanRequest, interactive: Bool, command: String,
                        context: CommandContext) throws(GutPlanError) -> (GutPlan, PlanRequest) {
        let gutplan = try load(request.rulesPath)
        if interactive || (!request.flagsSomething && context.stdinIsTerminal) {
            return (gutplan, try Interactive.ask(starting: request, gutplan: gutplan, context: context))
        }
        guard request.flagsSomething else { throw GutPlanError.usage(nothingFlagged(command)) }
        return (gutplan, request)
    }

    static func nothingFlagged(_ command: String) -> String {
        """
        nothing is flagged, so there is nothing to plan for. Flag at least one of:
          --confirmed LIST   lab-confirmed deficiencies, e.g. --confirmed "vitamin D,zinc"
          --suspected LIST   suspected deficiencies, e.g. --suspected b12
          --labs FILE        a lab report (CSV: test,value,unit)
          --symptoms LIST    symptoms, e.g. --symptoms fatigue,brain-fog
        or run 'gutplan \(command) --interactive' to be asked. Example:
          gutplan \(command) --confirmed "vitamin D,zinc" --suspected b12
        """
    }

    /// Plans for the request; `beforeSolving` receives the optimisation problem first (for
    /// `--emit-problem`, written even when no plan is possible).
    static func outcome(_ gutplan: GutPlan, _ request: PlanRequest,
                        beforeSolving: (PlanningProblem) throws(GutPlanError) -> Void = { _ in })
        throws(GutPlanError) -> GutPlan.Outcome {
        let profile = try gutplan.resolve(input(request))
        return try gutplan.plan(profile, seed: request.seed ?? 0, beforeSolving: beforeSolving)
    }

    /// The chain behind every flag and choice, as `gutplan explain` prints it.
    static func explain(_ gutplan: GutPlan, _ request: PlanRequest, width: Int) throws(GutPlanError) -> String {
        let outcome = try outcome(gutplan, request)
        return Explanation(knowledge: gutplan.knowledge, assessment: outcome.assessment, plan: outcome.plan).text(width: width)
    }

    /// Loads and checks a rule directory. Errors throw `.badData` with every problem found;
    /// on success the summary lists the counts, then any warnings.
    static func checkRules(at path: String?) throws(GutPlanError) -> String {
        let directory = rulesDirectory(path)
        let gutplan = try GutPlan.load(rules: directory)
        let knowledge = gutplan.knowledge
        let warnings = gutplan.warnings
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
