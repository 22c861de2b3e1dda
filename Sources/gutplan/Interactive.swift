import GutPlanKit

/// `--interactive`: asks for the profile one question at a time (prompts on standard error,
/// answers from standard input). Options given on the command line become the defaults.
enum Interactive {
    static func ask(starting request: PlanRequest, context: CommandContext) throws(GutPlanError) -> PlanRequest {
        let prompter = Prompter(readLine: context.readLine, output: context.writeError)
        var request = request
        context.writeError("Answer each question; press Return to keep the value in brackets.\n")
        func shown(_ list: [String]) -> String { list.isEmpty ? "none" : list.joined(separator: ",") }
        request.confirmed = try prompter.ask("Lab-confirmed deficiencies (comma-separated)", shownDefault: shown(request.confirmed),
                                             defaultValue: request.confirmed, parse: Validate.list)
        request.suspected = try prompter.ask("Suspected deficiencies (comma-separated)", shownDefault: shown(request.suspected),
                                             defaultValue: request.suspected, parse: Validate.list)
        request.sex = try prompter.ask("Sex (female or male)", shownDefault: request.sex.rawValue,
                                       defaultValue: request.sex, parse: Validate.sex)
        request.age = try prompter.ask("Age in years", shownDefault: String(request.age),
                                       defaultValue: request.age, parse: Validate.age)
        request.diet = try prompter.ask("Diet (omnivore, pescatarian, vegetarian or vegan)", shownDefault: request.diet.rawValue,
                                        defaultValue: request.diet, parse: Validate.diet)
        request.exclude = try prompter.ask("Foods or tags to leave out (comma-separated)", shownDefault: shown(request.exclude),
                                           defaultValue: request.exclude, parse: Validate.list)
        if let both = Set(request.confirmed).intersection(request.suspected).sorted().first {
            throw GutPlanError.usage("'\(both)' is given as both confirmed and suspected")
        }
        return request
    }
}
