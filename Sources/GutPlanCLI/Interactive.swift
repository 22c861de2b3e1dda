import GutPlanKit

/// Asks for the profile one question at a time (prompts on standard error, answers from standard
/// input, one a line), in this order: confirmed deficiencies, suspected deficiencies, sex, age,
/// diet, exclusions. Options given on the command line become the defaults; an empty answer keeps
/// the default. Nutrient and exclusion answers are checked against the loaded knowledge base, so
/// a misspelt name is asked again with a suggestion instead of failing after all six questions.
/// When standard input is not a terminal, each question takes at most
/// `Prompter.defaultAttemptLimit` rejected answers.
enum Interactive {
    /// Longest echo of an answer read from a non-terminal.
    static let echoLimit = 200

    /// The prompter of every interactive command: prompts on standard error, answers from
    /// standard input. Without a terminal nobody sees the answers typed, so each one is echoed
    /// (clipped, printable) after its prompt and the questions and answers read as a
    /// transcript; each question then takes at most `Prompter.defaultAttemptLimit` rejections.
    static func prompter(context: CommandContext) -> Prompter {
        let readLine: () -> InputLine = context.stdinIsTerminal ? context.readLine : {
            let line = context.readLine()
            switch line {
            case .text(let text): context.writeError(TerminalText.safe(text.clipped(to: echoLimit)) + "\n")
            case .tooLong, .unterminated: context.writeError("(an answer longer than \(LineReader.lineLimit) bytes)\n")
            case .end: break
            }
            return line
        }
        return Prompter(readLine: readLine, output: context.writeError,
                        attemptLimit: context.stdinIsTerminal ? nil : Prompter.defaultAttemptLimit)
    }

    static func ask(starting request: PlanRequest, gutplan: GutPlan, context: CommandContext) throws(CLIError) -> PlanRequest {
        let prompter = prompter(context: context)
        var input = request.input
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

        input.confirmed = try prompter.ask("Lab-confirmed deficiencies (comma-separated)", shownDefault: shown(input.confirmed),
                                           defaultValue: input.confirmed, parse: nutrients)
        let confirmed = input.confirmed
        let flaggedElsewhere = !confirmed.isEmpty || !input.symptoms.isEmpty || input.labs != nil
        let suspectedDefault = PlanRequest.withoutConfirmed(input.suspected, confirmed: confirmed)
        input.suspected = try prompter.ask(
            "Suspected deficiencies (comma-separated)", shownDefault: shown(suspectedDefault), defaultValue: suspectedDefault,
            parse: { (text: String) throws(Prompter.Rejection) -> [String] in
                PlanRequest.withoutConfirmed(try nutrients(text), confirmed: confirmed)
            },
            check: { (names: [String]) throws(Prompter.Rejection) in
                // With nothing flagged there is nothing to plan for.
                guard flaggedElsewhere || !names.isEmpty else {
                    throw Prompter.Rejection("nothing is flagged yet: name at least one deficiency here (for example: vitamin D, b12, zinc)")
                }
            })
        input.sex = try prompter.ask("Sex (female or male)", shownDefault: input.sex.rawValue,
                                     defaultValue: input.sex, parse: Validate.sex)
        input.age = try prompter.ask("Age in years", shownDefault: String(input.age),
                                     defaultValue: input.age, parse: Validate.age)
        input.diet = try prompter.ask("Diet (omnivore, pescatarian, vegetarian or vegan)", shownDefault: input.diet.rawValue,
                                      defaultValue: input.diet, parse: Validate.diet)
        input.exclude = try prompter.ask("Foods or food tags to leave out, e.g. dairy,gluten (comma-separated)",
                                         shownDefault: shown(input.exclude), defaultValue: input.exclude) {
            (text: String) throws(Prompter.Rejection) -> [String] in
            let names = try Validate.list(text)
            for name in names {
                if let problem = gutplan.problem(excluding: name) { throw Prompter.Rejection(problem) }
            }
            return names
        }
        var completed = request
        completed.input = input
        return completed
    }
}
