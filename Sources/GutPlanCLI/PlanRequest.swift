import GutPlanKit

/// Everything `plan` and `explain` were asked for, validated: the library's `ProfileInput` (what
/// the person is planning for) plus what only the command line has. A new profile option is one
/// field in `ProfileInput`, read here.
struct PlanRequest: Sendable, Equatable {
    /// Names as typed (aliases are resolved by the library), sex, age, diet, exclusions, energy.
    var input = ProfileInput()
    /// `--rules`; `nil`: `GUTPLAN_RULES`, `./Rules`, then the package's `Rules/`.
    var rulesPath: String?
    var seed: UInt64?
    /// Scheduling and layout: start date, weeks, servings, meal times, time limits, locks, ramp.
    var options = PlanOptions()
    /// `--profile FILE`: a client profile; options given on the command line override it.
    var profilePath: String?
    /// Lab values written inside the profile file.
    var inlineLabs: [LabResult] = []
    /// The client's name from the profile (for the report).
    var clientName: String?
    /// The practitioner's notes from the profile (for the report).
    var clientNotes: [String] = []
    /// The options given on the command line, by long name.
    var given: Set<String> = []

    /// Options shared by `plan` and `explain`.
    static let inputOptions: [OptionSpec] = [
        OptionSpec("confirmed", value: "LIST", help: "Lab-confirmed deficiencies, comma-separated nutrient names (zinc,iron,b12)."),
        OptionSpec("suspected", value: "LIST", help: "Suspected deficiencies, comma-separated."),
        OptionSpec("labs", value: "FILE", help: "A lab report: CSV with the header test,value,unit (one test a line, e.g. ferritin,22,ug/L); rules turn values into flags."),
        OptionSpec("symptoms", value: "LIST", help: "Symptoms, comma-separated (fatigue,brain-fog); rules turn them into suspected flags."),
        OptionSpec("sex", value: "SEX", help: "female or male (selects reference intakes; default female)."),
        OptionSpec("age", value: "N", help: "Age in years, 19 to 130 (default 35)."),
        OptionSpec("diet", value: "DIET", help: "omnivore, pescatarian, vegetarian or vegan (default omnivore)."),
        OptionSpec("exclude", value: "LIST", help: "Food tags or food ids to leave out (dairy,gluten,liver)."),
        OptionSpec("kcal", value: "MIN-MAX", help: "Daily energy band (default: the Dietary Guidelines' estimate for the sex, age and activity)."),
        OptionSpec("activity", value: "LEVEL", help: "sedentary, moderate or active: sets the energy band from the Dietary Guidelines (default: the whole sedentary-to-active range)."),
        OptionSpec("supplements", value: "LIST", help: "Daily supplements, NAME=AMOUNT with ug, mcg, mg, g or (vitamin D) IU: \"vitamin-d=25ug,iron=18mg\". They count in every day's total and limit."),
        OptionSpec("avoid", value: "LIST", help: "Meal ids, food ids or food tags to leave out (salmon-quinoa-broccoli,liver)."),
        OptionSpec("low-fodmap", help: "The low-FODMAP elimination phase: every food low-FODMAP at its serving."),
        OptionSpec("rules", value: "DIR", help: "Rule directory to use instead of the built-in Rules/."),
        OptionSpec("profile", value: "FILE", help: "A client profile (*.profile, see docs/PROFILES.md); options given here override it."),
        OptionSpec("start", value: "DATE", help: "Date of day 1, YYYY-MM-DD: days get dates and real weekday names (needed for --format ics)."),
        OptionSpec("weeks", value: "N", help: "Plan N consecutive weeks, 1 to 12 (default 1); no meal repeats from the week before."),
        OptionSpec("servings", value: "N", help: "People at the table, 1 to 50: scales ingredients and shopping (nutrition stays one person's)."),
        OptionSpec("meal-times", value: "LIST", help: "Calendar times per meal, e.g. \"breakfast=07:00,dinner=19:00\" (defaults: breakfast 07:30, lunch 12:30, snack 15:30, dinner 18:30)."),
        OptionSpec("max-minutes", value: "LIST", help: "Most prep and cook minutes per slot, e.g. \"breakfast=10,lunch=20\"."),
        OptionSpec("lock", value: "LIST", help: "Fix meals in days and slots, e.g. \"2:dinner=trout-quinoa-chard,5:fermented=kefir\"; the rest is re-optimised."),
        OptionSpec("ramp", help: "Start prebiotic and fermented additions small and build up over the first week (automatic with gut symptoms)."),
        OptionSpec("interactive", short: "i", help: "Ask for the profile question by question, one answer a line (also when standard input is not a terminal)."),
    ]

    /// Reads and validates the input options.
    init(_ arguments: ParsedArguments) throws(CLIError) {
        func check<T>(_ option: String, _ parse: (String) throws(Prompter.Rejection) -> T) throws(CLIError) -> T? {
            guard let text = arguments.value(option) else { return nil }
            do { return try parse(text) } catch { throw CLIError.usage("--\(option) \(text.clipped(to: 80)): \(error.message.clipped(to: 400))") }
        }
        input.confirmed = try check("confirmed", Validate.list) ?? []
        input.suspected = try check("suspected", Validate.list) ?? []
        input.symptoms = try check("symptoms", Validate.list) ?? []
        input.exclude = try check("exclude", Validate.list) ?? []
        for name in try check("avoid", Validate.list) ?? [] where !input.exclude.contains(name) { input.exclude.append(name) }
        input.activity = try check("activity", Validate.activity)
        input.supplements = try check("supplements", Validate.list) ?? []
        input.lowFODMAP = arguments.has("low-fodmap")
        options.start = try check("start", Validate.date)
        options.weeks = try check("weeks", { (text: String) throws(Prompter.Rejection) in try Validate.whole(text, "weeks", 1...12) }) ?? 1
        options.servings = try check("servings", { (text: String) throws(Prompter.Rejection) in try Validate.whole(text, "servings", 1...50) }) ?? 1
        if let times = try check("meal-times", Validate.mealTimes) { options.mealTimes.merge(times) { _, new in new } }
        options.maxMinutes = try check("max-minutes", Validate.maxMinutes) ?? [:]
        options.locks = try check("lock", Validate.locks) ?? []
        options.ramp = arguments.has("ramp")
        profilePath = try check("profile", Validate.path)
        given = Set(Self.inputOptions.map(\.name).filter { arguments.has($0) })
        if arguments.has("seed") { given.insert("seed") }
        input.sex = try check("sex", Validate.sex) ?? input.sex
        input.age = try check("age", Validate.age) ?? input.age
        input.diet = try check("diet", Validate.diet) ?? input.diet
        input.energy = try check("kcal", Validate.energy)
        input.labs = try check("labs", Validate.path).map(ProfileInput.LabReport.file)
        seed = try check("seed", Validate.seed)
        rulesPath = try check("rules", Validate.path)
        input.suspected = PlanRequest.withoutConfirmed(input.suspected, confirmed: input.confirmed)
    }

    /// `suspected` without the names also given as confirmed: a nutrient both confirmed and
    /// suspected counts as confirmed. (Aliases of one nutrient, `d` and `vitamin-d`, are merged
    /// the same way by the library when it resolves the names.)
    static func withoutConfirmed(_ suspected: [String], confirmed: [String]) -> [String] {
        let confirmedNames = Set(confirmed.map { $0.lowercased() })
        return suspected.filter { !confirmedNames.contains($0.lowercased()) }
    }

    init() {}

    /// The client profile with every option given on the command line laid over it.
    func merged(over client: ClientProfile) -> PlanRequest {
        var merged = self
        merged.input = client.input
        merged.options = client.options
        merged.inlineLabs = client.labs
        merged.clientName = client.name.isEmpty ? nil : client.name
        merged.clientNotes = client.notes
        func take(_ option: String, _ apply: (inout PlanRequest) -> Void) { if given.contains(option) { apply(&merged) } }
        take("confirmed") { $0.input.confirmed = input.confirmed }
        take("suspected") { $0.input.suspected = input.suspected }
        take("symptoms") { $0.input.symptoms = input.symptoms }
        take("labs") { $0.input.labs = input.labs; $0.inlineLabs = [] }
        take("sex") { $0.input.sex = input.sex }
        take("age") { $0.input.age = input.age }
        take("diet") { $0.input.diet = input.diet }
        take("exclude") { $0.input.exclude = input.exclude }
        take("avoid") { $0.input.exclude = input.exclude }
        take("kcal") { $0.input.energy = input.energy }
        take("activity") { $0.input.activity = input.activity }
        take("supplements") { $0.input.supplements = input.supplements }
        take("low-fodmap") { $0.input.lowFODMAP = input.lowFODMAP }
        take("start") { $0.options.start = options.start }
        take("weeks") { $0.options.weeks = options.weeks }
        take("servings") { $0.options.servings = options.servings }
        take("meal-times") { $0.options.mealTimes = options.mealTimes }
        take("max-minutes") { $0.options.maxMinutes = options.maxMinutes }
        take("lock") { $0.options.locks = options.locks }
        take("ramp") { $0.options.ramp = options.ramp }
        take("seed") { $0.options.seed = options.seed }
        merged.input.suspected = PlanRequest.withoutConfirmed(merged.input.suspected, confirmed: merged.input.confirmed)
        return merged
    }
}

/// Validators shared by options and interactive answers; each throws a `Prompter.Rejection`
/// whose message explains what is expected.
enum Validate {
    /// A comma-separated list: items trimmed, empty items and repeats dropped, order kept.
    /// `none` alone means the empty list.
    static func list(_ text: String) throws(Prompter.Rejection) -> [String] {
        var seen = Set<String>()
        var items: [String] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: true) {
            let item = String(part).trimmedSpaces
            guard !item.isEmpty else { continue }
            guard !item.contains(where: { $0.isNewline }) else { throw Prompter.Rejection("a list item cannot contain a line break") }
            if seen.insert(item.lowercased()).inserted { items.append(item) }
        }
        if items.count == 1, items[0].lowercased() == "none" { return [] }
        return items
    }

    static func activity(_ text: String) throws(Prompter.Rejection) -> Activity {
        try choice(text, "activity", Activity.allCases.map(\.rawValue)).flatMap(Activity.init(rawValue:)) ?? .moderate
    }

    /// `YYYY-MM-DD`, a real date (the library's one date reader).
    static func date(_ text: String) throws(Prompter.Rejection) -> String {
        do { return try PlanOptions.startDate(parsing: text) } catch { throw Prompter.Rejection(error.message) }
    }

    /// A whole number in `range`.
    static func whole(_ text: String, _ what: String, _ range: ClosedRange<Int>) throws(Prompter.Rejection) -> Int {
        guard let value = Int(text.trimmedSpaces), range.contains(value) else {
            throw Prompter.Rejection("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// `SLOT=VALUE` pairs over the meal slots (`PlanOptions.slotPairs(parsing:slots:)`).
    static func slotPairs(_ text: String) throws(Prompter.Rejection) -> [(slot: Slot, value: String)] {
        do { return try PlanOptions.slotPairs(parsing: text, slots: Slot.meals) } catch {
            throw Prompter.Rejection(error.message)
        }
    }

    /// `breakfast=07:30,...`: 24-hour `HH:MM` per meal slot.
    static func mealTimes(_ text: String) throws(Prompter.Rejection) -> [Slot: String] {
        do { return try PlanOptions.mealTimes(parsing: text, over: [:], slots: Slot.meals) } catch {
            throw Prompter.Rejection(error.message)
        }
    }

    /// `breakfast=10,lunch=20`: minutes per meal slot (`PlanOptions.maxMinutesRange`).
    static func maxMinutes(_ text: String) throws(Prompter.Rejection) -> [Slot: Int] {
        var limits: [Slot: Int] = [:]
        for (slot, value) in try slotPairs(text) {
            limits[slot] = try whole(value, "\(slot.rawValue) minutes", PlanOptions.maxMinutesRange)
        }
        return limits
    }

    /// `2:dinner=salmon-quinoa-broccoli,5:fermented=kefir`: day (1-based), slot and item id.
    static func locks(_ text: String) throws(Prompter.Rejection) -> [PlanOptions.Lock] {
        var locks: [PlanOptions.Lock] = []
        for part in try list(text) {
            let sides = part.split(separator: "=", maxSplits: 1).map { String($0).trimmedSpaces }
            let place = sides.first?.split(separator: ":").map { String($0).trimmedSpaces } ?? []
            guard sides.count == 2, place.count == 2, let day = Int(place[0]), day >= 1, !sides[1].isEmpty else {
                throw Prompter.Rejection("'\(part.clipped(to: 60))' is not DAY:SLOT=ITEM, e.g. 2:dinner=salmon-quinoa-broccoli")
            }
            guard let slot = Slot(rawValue: place[1].lowercased()), Slot.planned.contains(slot) else {
                throw Prompter.Rejection("unknown slot '\(place[1].clipped(to: 40))'\(Suggestion.didYouMean(place[1].lowercased(), among: Slot.planned.map(\.rawValue)))")
            }
            locks.append(PlanOptions.Lock(day: day, slot: slot, item: sides[1]))
        }
        return locks
    }

    static func sex(_ text: String) throws(Prompter.Rejection) -> Sex {
        try choice(text, "sex", Sex.allCases.map(\.rawValue)).flatMap(Sex.init(rawValue:)) ?? .female
    }

    static func diet(_ text: String) throws(Prompter.Rejection) -> Diet {
        try choice(text, "diet", Diet.allCases.map(\.rawValue)).flatMap(Diet.init(rawValue:)) ?? .omnivore
    }

    static func format(_ text: String, allowed: [String]) throws(Prompter.Rejection) -> String {
        try choice(text, "format", allowed) ?? allowed[0]
    }

    /// Case-insensitive match among `choices`, or a rejection with a suggestion and the choices.
    static func choice(_ text: String, _ what: String, _ choices: [String]) throws(Prompter.Rejection) -> String? {
        let lowered = text.trimmedSpaces.lowercased()
        if let match = choices.first(where: { $0 == lowered }) { return match }
        let hint = Suggestion.didYouMean(lowered, among: choices)
        throw Prompter.Rejection("unknown \(what)\(hint); choose \(listing(choices))")
    }

    static func age(_ text: String) throws(Prompter.Rejection) -> Int {
        guard let age = Int(text.trimmedSpaces) else { throw Prompter.Rejection("the age must be a whole number of years") }
        guard age >= 19 else { throw Prompter.Rejection("gutplan serves adults (19+)") }
        guard age <= 130 else { throw Prompter.Rejection("the age must be at most 130") }
        return age
    }

    /// `MIN-MAX` in kcal, both positive, MIN < MAX.
    static func energy(_ text: String) throws(Prompter.Rejection) -> ClosedRange<Double> {
        let parts = text.trimmedSpaces.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmedSpaces }
        guard parts.count == 2, let low = Double(parts[0]), let high = Double(parts[1]),
              low.isFinite, high.isFinite, parts.allSatisfy({ $0.allSatisfy { $0.isNumber || $0 == "." } })
        else { throw Prompter.Rejection("expected MIN-MAX in kcal, e.g. 1600-2400") }
        guard low > 0 else { throw Prompter.Rejection("the minimum must be positive") }
        guard low < high else { throw Prompter.Rejection("the minimum must be less than the maximum") }
        guard high <= 10_000 else { throw Prompter.Rejection("the maximum must be at most 10000 kcal") }
        return low...high
    }

    static func seed(_ text: String) throws(Prompter.Rejection) -> UInt64 {
        guard let seed = UInt64(text.trimmedSpaces) else { throw Prompter.Rejection("the seed must be a non-negative integer") }
        return seed
    }

    static func width(_ text: String) throws(Prompter.Rejection) -> Int {
        guard let width = Int(text.trimmedSpaces), (MealPlan.minimumTextWidth...1000).contains(width) else {
            throw Prompter.Rejection("the width must be a whole number from \(MealPlan.minimumTextWidth) to 1000")
        }
        return width
    }

    static func path(_ text: String) throws(Prompter.Rejection) -> String {
        guard !text.isEmpty else { throw Prompter.Rejection("the path is empty") }
        return text
    }

    /// `a, b or c`.
    static func listing(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + (items.last ?? "")
    }
}
