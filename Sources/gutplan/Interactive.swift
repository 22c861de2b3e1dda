import GutPlanKit

/// Asks for the profile one question at a time (prompts on standard error, answers from standard
/// input, one a line), in this order: confirmed deficiencies, suspected deficiencies, sex, age,
/// diet, exclusions. Options given on the command line become the defaults; an empty answer keeps
/// the default. Nutrient and exclusion answers are checked against the loaded knowledge base, so
/// a misspelt name is asked again with a suggestion instead of failing after all six questions.
enum Interactive {
    static func ask(starting request: PlanRequest, gutplan: GutPlan, context: CommandContext) throws(GutPlanError) -> PlanRequest {
        // Without a terminal nobody sees the answers typed: echo each one after its prompt, so the
        // questions and answers read as a transcript instead of running together on one line.
        let readLine: () -> String? = context.stdinIsTerminal ? context.readLine : {
            let line = context.readLine()
            if let line { context.writeError(line + "\n") }
            return line
        }
        let prompter = Prompter(readLine: readLine, output: context.writeError)
        var request = request
        context.writeError("Answer each question and press Return; an empty answer keeps the value in brackets.\n"
            + "Nutrients by name or alias (vitamin D, b12, zinc); 'gutplan nutrients' lists them.\n")
        func shown(_ list: [String]) -> String { list.isEmpty ? "none" : list.joined(separator: ",") }

        /// A comma list of nutrient names, each one the knowledge base can flag.
        func nutrients(_ text: String) throws(Prompter.Rejection) -> [String] {
            let names = try Validate.list(text)
            for name in names {
                if let problem = gutplan.problem(flagging: name) { throw Prompter.Rejection(problem) }
            }
            return names
        }

        request.confirmed = try prompter.ask("Lab-confirmed deficiencies (comma-separated)", shownDefault: shown(request.confirmed),
                                             defaultValue: request.confirmed, parse: nutrients)
        let confirmed = request.confirmed
        func suspected(_ text: String) throws(Prompter.Rejection) -> [String] {
            PlanRequest.withoutConfirmed(try nutrients(text), confirmed: confirmed)
        }
        let suspectedDefault = PlanRequest.withoutConfirmed(request.suspected, confirmed: confirmed)
        while true {
            request.suspected = try prompter.ask("Suspected deficiencies (comma-separated)", shownDefault: shown(suspectedDefault),
                                                 defaultValue: suspectedDefault, parse: suspected)
            if request.flagsSomething { break }
            // With nothing flagged there is nothing to plan for: ask again (end of input stops).
            context.writeError("  nothing is flagged yet: name at least one deficiency here (for example: vitamin D, b12, zinc)\n")
        }
        request.sex = try prompter.ask("Sex (female or male)", shownDefault: request.sex.rawValue,
                                       defaultValue: request.sex, parse: Validate.sex)
        request.age = try prompter.ask("Age in years", shownDefault: String(request.age),
                                       defaultValue: request.age, parse: Validate.age)
        request.diet = try prompter.ask("Diet (omnivore, pescatarian, vegetarian or vegan)", shownDefault: request.diet.rawValue,
                                        defaultValue: request.diet, parse: Validate.diet)
        request.exclude = try prompter.ask("Foods or food tags to leave out, e.g. dairy,gluten (comma-separated)",
                                           shownDefault: shown(request.exclude), defaultValue: request.exclude) {
            (text: String) throws(Prompter.Rejection) -> [String] in
            let names = try Validate.list(text)
            for name in names {
                if let problem = gutplan.problem(excluding: name) { throw Prompter.Rejection(problem) }
            }
            return names
        }
        return request
    }
}
