import Foundation
import GutPlanKit

/// `gutplan profile new FILE`: asks for every key of a client profile one question at a time
/// (the `plan --interactive` prompter: answers from a terminal or a pipe, echoed when piped),
/// checks each answer with the library's profile reader as it is given, and writes the
/// canonical profile text with the library's atomic writer (new file 0600; a file replaced with
/// `--force` keeps its mode). An existing FILE is refused before any question (exit 73).
enum ProfileNewCommand: Subcommand {
    static let name = "profile new"
    static let summary = "Write a client profile by answering questions (also from a pipe)."
    static let options: [OptionSpec] = [
        OptionSpec("force", help: "Replace FILE if it exists (the file keeps its mode)."),
        OptionSpec("rules", value: "DIR", help: "Rule directory to check the answers against (default: the built-in Rules/)."),
    ]
    static let discussion = """
    Asks, one line each: name, sex, age, activity, diet, foods to leave out
    (food tags, food ids or meal ids), confirmed and suspected deficiencies,
    symptoms, supplements, a lab report (a CSV path relative to the profile's
    folder), start date, meal times, servings, most minutes per meal, and notes
    for the report (one line at a time; an empty line ends them).

    An empty answer keeps the value in brackets; 'none' leaves an optional key
    out. A wrong answer is asked again with the reason and a suggestion. Answers
    may come from a pipe, one a line; then each answer is echoed, and three
    wrong answers to one question, or input that ends early, exit 64.

    FILE must not exist: an existing file is refused with exit 73 before any
    question, unless --force is given. The file is written atomically (a new
    file is 0600) in the format of docs/PROFILES.md; kcal, low-fodmap, weeks,
    seed, ramp and lock are not asked: add them to the file by hand, or give
    them as options when planning.

    Examples:
      gutplan profile new clients/ana.profile
      gutplan profile new ana.profile --force < answers.txt
      gutplan plan --profile clients/ana.profile -o ana.html
    """

    static var entry: HelpCommand.Entry { positionalEntry(usage: "Usage: gutplan profile new FILE [options]") }

    /// Most note lines one run takes (the project's own bound, so `yes | gutplan profile new`
    /// ends).
    static let noteLimit = 100

    /// One question: the profile key it fills, the prompt, and what an empty answer means
    /// (`shownDefault`; `optional` keys are left out of the file then).
    struct Question {
        var key: ProfileKey
        var prompt: String
        var shownDefault: String
        var optional = true
    }

    static let questions: [Question] = [
        Question(key: .name, prompt: "Client's name", shownDefault: "none"),
        Question(key: .sex, prompt: "Sex (female or male)", shownDefault: Sex.female.rawValue, optional: false),
        Question(key: .age, prompt: "Age in years, 19 to 130", shownDefault: "35", optional: false),
        Question(key: .activity, prompt: "Activity (sedentary, moderate or active)", shownDefault: "none"),
        Question(key: .diet, prompt: "Diet (omnivore, pescatarian, vegetarian or vegan)", shownDefault: Diet.omnivore.rawValue,
                 optional: false),
        Question(key: .exclude, prompt: "Food tags, food ids or meal ids to leave out, e.g. gluten, dairy", shownDefault: "none"),
        Question(key: .confirmed, prompt: "Lab-confirmed deficiencies, e.g. iron, vitamin D", shownDefault: "none"),
        Question(key: .suspected, prompt: "Suspected deficiencies, e.g. b12", shownDefault: "none"),
        Question(key: .symptoms, prompt: "Symptoms, e.g. fatigue, bloating", shownDefault: "none"),
        Question(key: .supplements, prompt: "Daily supplements, NAME=AMOUNT UNIT, e.g. vitamin-d=25ug", shownDefault: "none"),
        Question(key: .labs, prompt: "Lab report CSV (test,value,unit), relative to the profile's folder", shownDefault: "none"),
        Question(key: .start, prompt: "Date of day 1, YYYY-MM-DD", shownDefault: "none"),
        Question(key: .mealTimes, prompt: "Meal times, e.g. breakfast=07:00, dinner=19:00",
                 shownDefault: Slot.meals.compactMap { slot in PlanOptions.defaultMealTimes[slot].map { "\(slot.rawValue)=\($0)" } }
                     .joined(separator: ", ")),
        Question(key: .servings, prompt: "People at the table, 1 to 20", shownDefault: "1"),
        Question(key: .maxMinutes, prompt: "Most minutes of prep and cooking: one number, or e.g. breakfast=10, dinner=45",
                 shownDefault: "none"),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) {
        guard arguments.positionals.count == 1, let path = arguments.positionals.first, !path.isEmpty else {
            throw .usage(arguments.positionals.isEmpty ? "missing the file to write: gutplan profile new FILE"
                                                       : "give one profile file, not \(arguments.positionals.count)")
        }
        let force = arguments.has("force")
        // Refused before any question, so nobody answers sixteen questions for nothing.
        try checkFree(path, force: force)
        let target = try OutputTarget.resolve(path)
        try target.checkWritable(shownAs: path)
        let gutplan = try Backend.load(arguments.value("rules"), context: context)

        let lines = try ask(gutplan: gutplan, folder: PrivateFile.folderPath(of: path), context: context)
        let client = try profile(from: lines, path: path, gutplan: gutplan)

        try checkFree(path, force: force)
        let shown = path.clipped(to: 200, keepEnd: true)
        try target.write(client.text, context: context, shownAs: path)
        let keys = Set(client.text.split(separator: "\n").compactMap { $0.split(separator: ":", maxSplits: 1).first }).count
        context.writeError(TerminalText.safe("gutplan: wrote \(shown) (\(keys) keys); plan from it with: gutplan plan --profile \(shown)\n"))
        if client.input.isEmpty && client.labs.isEmpty {
            context.writeError("gutplan: note: nothing is flagged in it (no deficiency, symptom or lab report); "
                + "name one when planning, e.g. --suspected b12\n")
        }
    }

    /// Refuses an existing `path` (a file, folder or link, even a dangling one) unless `force`.
    static func checkFree(_ path: String, force: Bool) throws(CLIError) {
        guard !force, OutputTarget.descriptorPath(path) == nil else { return }
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        throw .cannotWrite("\(path.clipped(to: 200, keepEnd: true)) already exists; give --force to replace it "
            + "(it keeps its mode), or choose another name")
    }

    /// Asks every question and returns the profile lines (`key: value`) of the answers given,
    /// each one already accepted by the library's profile reader.
    static func ask(gutplan: GutPlan, folder: String, context: CommandContext) throws(CLIError) -> [String] {
        let prompter = Interactive.prompter(context: context)
        context.writeError("Answer each question and press Return. An empty answer keeps the value in\n"
            + "brackets; 'none' leaves an optional answer out. Lists are comma-separated;\n"
            + "nutrients by name or alias (vitamin D, b12, zinc; 'gutplan nutrients').\n")
        var lines: [String] = []
        var confirmed: [String] = []
        for question in questions {
            let answer = try prompter.ask(question.prompt, shownDefault: question.shownDefault, defaultValue: String?.none) {
                (text: String) throws(Prompter.Rejection) -> String? in
                if question.optional, question.key != .name, text.lowercased() == "none" { return nil }
                if let problem = problem(question.key, text, gutplan: gutplan, folder: folder) { throw Prompter.Rejection(problem) }
                return text
            }
            guard var value = answer else {
                if !question.optional { lines.append("\(question.key.rawValue): \(question.shownDefault)") }
                continue
            }
            // A nutrient both confirmed and suspected counts as confirmed (as on the command line).
            if question.key == .confirmed { confirmed = (try? Validate.list(value)) ?? [] }
            if question.key == .suspected {
                value = PlanRequest.withoutConfirmed((try? Validate.list(value)) ?? [], confirmed: confirmed).joined(separator: ", ")
                if value.isEmpty { continue }
            }
            lines.append("\(question.key.rawValue): \(value)")
        }
        for number in 1...noteLimit {
            let note = try prompter.ask("Notes for the report, line \(number)", shownDefault: "end",
                                        defaultValue: String?.none) { (text: String) throws(Prompter.Rejection) -> String? in
                if let problem = problem(.notes, text, gutplan: gutplan, folder: folder) { throw Prompter.Rejection(problem) }
                return text
            }
            guard let note else { break }
            lines.append("\(ProfileKey.notes.rawValue): \(note)")
        }
        return lines
    }

    /// Why `text` cannot be the value of `key`: the library's reader's message, and for a lab
    /// report found only from the current folder, where paths are taken from.
    static func problem(_ key: ProfileKey, _ text: String, gutplan: GutPlan, folder: String) -> String? {
        guard let problem = gutplan.problem(profileKey: key, value: text, folder: folder) else { return nil }
        if key == .labs, folder != ".", !text.hasPrefix("/"), FileManager.default.fileExists(atPath: text) {
            let inFolder = folder.hasSuffix("/") ? folder : folder + "/"
            let hint = text.hasPrefix(inFolder) ? "did you mean '\(text.dropFirst(inFolder.count))'?"
                                                : "give the path from there, or an absolute path"
            return problem + " (paths are relative to the profile's folder, \(inFolder.clipped(to: 200, keepEnd: true)): \(hint))"
        }
        return problem
    }

    /// The profile the answers stand for, read back by the library as `plan --profile` reads
    /// the file (labs relative to `path`), and checked to write and read back unchanged.
    static func profile(from lines: [String], path: String, gutplan: GutPlan) throws(CLIError) -> ClientProfile {
        let reading = gutplan.parseProfile(Data((lines.joined(separator: "\n") + "\n").utf8), path: path)
        guard let client = reading.profile else {
            // Each answer passed on its own, so only a file changed meanwhile (the lab report) can fail here.
            throw .library(reading.isMissingInput ? .missingInput(reading.diagnostics.map(\.rendered).joined(separator: "\n"))
                                                  : .badData(reading.diagnostics))
        }
        let again = gutplan.parseProfile(Data(client.text.utf8), path: path).profile
        guard again == client else {
            throw .library(.internalFailure("the profile written for \(path.clipped(to: 200, keepEnd: true)) does not read back the same"))
        }
        return client
    }
}
