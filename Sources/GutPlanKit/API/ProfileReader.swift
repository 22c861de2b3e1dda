import Foundation

/// Turns the entries of a profile file (`ProfileScanner`) into a `ClientProfile`, checking each
/// value against its key and the knowledge base: every problem a located `ProfileError`, all of
/// them collected in one run. The value grammar of each key is written above its method.
struct ProfileReader {
    let gutPlan: GutPlan
    let path: String
    private var scanner: ProfileScanner
    private var profile = ClientProfile()
    /// Lab results by test id, with where each was given (inline or in the report).
    private var labsSeen: [String: SourceLocation] = [:]
    private var reportDiagnostics: [Diagnostic] = []
    /// Locks wait for `weeks`, which bounds their day.
    private var locks: [(lock: PlanOptions.Lock, at: SourceLocation, text: String)] = []

    init(gutPlan: GutPlan, path: String) {
        self.gutPlan = gutPlan
        self.path = path
        scanner = ProfileScanner(path: path)
    }

    private var knowledge: KnowledgeBase { gutPlan.knowledge }

    mutating func read(_ data: Data) -> ProfileReading {
        scanner.scan(data)
        for entry in scanner.entries { read(entry) }
        let days = 7 * profile.options.weeks
        for lock in locks {
            if lock.lock.day > days {
                report(.invalidNumber(key: "lock day", value: String(lock.lock.day),
                                      expected: "a day of the plan (1 to \(days) for \(profile.options.weeks) week\(days == 7 ? "" : "s"))",
                                      at: lock.at))
            } else {
                profile.options.locks.append(lock.lock)
            }
        }
        let errors = scanner.errors.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        var diagnostics = errors.map { $0.diagnostic(sourceLine: scanner.source.line($0.location.line)) }
        diagnostics += reportDiagnostics.prefix(ProfileScanner.maximumErrors)
        return ProfileReading(profile: diagnostics.isEmpty ? profile : nil, diagnostics: diagnostics, errors: errors)
    }

    private mutating func report(_ error: ProfileError) { scanner.report(error) }

    // MARK: - Entries

    private mutating func read(_ entry: ProfileEntry) {
        let value = entry.value
        switch entry.key {
        case .name:
            if value.text.isEmpty { report(.emptyValue(key: "name", at: value.location)) } else { profile.name = value.text }
        case .sex: if let sex = choice(value, "sex", Sex.self) { profile.input.sex = sex }
        case .diet: if let diet = choice(value, "diet", Diet.self) { profile.input.diet = diet }
        case .activity: if let activity = choice(value, "activity", Activity.self) { profile.input.activity = activity }
        case .age:
            if let age = integer(value, "age", in: 19...130, expected: "a whole number of years from 19 to 130 (gutplan serves adults)") {
                profile.input.age = age
            }
        case .weeks: if let weeks = integer(value, "weeks", in: 1...12, expected: "a whole number from 1 to 12") { profile.options.weeks = weeks }
        case .servings:
            if let servings = integer(value, "servings", in: 1...20, expected: "a whole number of people from 1 to 20") {
                profile.options.servings = servings
            }
        case .seed:
            if let seed = UInt64(value.text) { profile.options.seed = seed } else {
                report(.invalidNumber(key: "seed", value: value.text, expected: "a whole number from 0 to \(UInt64.max)", at: value.location))
            }
        case .kcal: if let band = energy(value) { profile.input.energy = band }
        case .lowFODMAP: if let flag = yesNo(value, "low-fodmap") { profile.input.lowFODMAP = flag }
        case .ramp: if let flag = yesNo(value, "ramp") { profile.options.ramp = flag }
        case .start: if let date = date(value) { profile.options.start = date }
        case .exclude: profile.input.exclude = list(entry) { reader, item in reader.exclusion(item) }
        case .confirmed: profile.input.confirmed = list(entry) { reader, item in reader.nutrient(item) }
        case .suspected: profile.input.suspected = list(entry) { reader, item in reader.nutrient(item) }
        case .symptoms: profile.input.symptoms = list(entry) { reader, item in reader.symptom(item) }
        case .supplements:
            var seen: [String: SourceLocation] = [:]
            profile.input.supplements = list(entry) { reader, item in reader.supplement(item, seen: &seen) }
        case .labs: labs(entry)
        case .lab: if let result = labRow(value, key: "lab") { profile.labs.append(result) }
        case .mealTimes: mealTimes(value)
        case .maxMinutes: maxMinutes(value)
        case .lock: lock(value)
        case .notes: profile.notes += entry.value.text.isEmpty && entry.continuation.isEmpty ? [""] : entry.lines.map(\.text)
        }
    }

    // MARK: - Scalar values

    /// choice = one of the cases' names, in any case ;
    private mutating func choice<T: RawRepresentable & CaseIterable>(_ value: ProfileEntry.Text, _ key: String,
                                                                     _: T.Type) -> T? where T.RawValue == String {
        if let found = T(rawValue: value.text.lowercased()) { return found }
        report(.unknownValue(key: key, value: value.text, choices: T.allCases.map(\.rawValue), at: value.location))
        return nil
    }

    /// integer = digit { digit } ;  (within `range`)
    private mutating func integer(_ value: ProfileEntry.Text, _ key: String, in range: ClosedRange<Int>, expected: String) -> Int? {
        if value.text.utf8.count <= 9, value.text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int(value.text),
           range.contains(number) {
            return number
        }
        report(.invalidNumber(key: key, value: value.text, expected: expected, at: value.location))
        return nil
    }

    /// yes-no = "yes" | "no" | "true" | "false" ;
    private mutating func yesNo(_ value: ProfileEntry.Text, _ key: String) -> Bool? {
        switch value.text.lowercased() {
        case "yes", "true": return true
        case "no", "false": return false
        default:
            report(.unknownValue(key: key, value: value.text, choices: ["yes", "no"], at: value.location))
            return nil
        }
    }

    /// kcal = number { blank } "-" { blank } number ;  (0 < MIN < MAX <= 10000)
    private mutating func energy(_ value: ProfileEntry.Text) -> ClosedRange<Double>? {
        let parts = value.text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmedBlanks }
        if parts.count == 2, case .value(let low) = ParsedNumber(parts[0]), case .value(let high) = ParsedNumber(parts[1]),
           low > 0, low < high, high <= 10_000 {
            return low...high
        }
        report(.invalidNumber(key: "kcal", value: value.text,
                              expected: "a daily energy band MIN-MAX in kcal, MIN below MAX, at most 10000 (e.g. 1800-2200)",
                              at: value.location))
        return nil
    }

    /// date = digit digit digit digit "-" digit digit "-" digit digit ;  (a real Gregorian day)
    private mutating func date(_ value: ProfileEntry.Text) -> String? {
        if Self.isDate(value.text) { return value.text }
        report(.invalidDate(value.text, at: value.location))
        return nil
    }

    static func isDate(_ text: String) -> Bool { CalendarDate(text) != nil }

    // MARK: - Lists

    /// list = "none" | item { "," item } ;  (over the value and its continuation lines; empty
    /// items and repeats, compared in lowercase, dropped)
    private mutating func list(_ entry: ProfileEntry, _ check: (inout ProfileReader, ProfileEntry.Text) -> Bool) -> [String] {
        var items: [ProfileEntry.Text] = []
        for line in entry.lines { items += Self.split(line) }
        if items.count == 1, items[0].text.lowercased() == "none" { return [] }
        var seen = Set<String>()
        var result: [String] = []
        for item in items where seen.insert(item.text.lowercased()).inserted {
            if check(&self, item) { result.append(item.text) }
        }
        return result
    }

    /// The comma-separated items of a line, trimmed, each with the location of its first character.
    static func split(_ line: ProfileEntry.Text, separator: Unicode.Scalar = ",") -> [ProfileEntry.Text] {
        var items: [ProfileEntry.Text] = []
        var current = String.UnicodeScalarView()
        var column = line.location.column
        var start: Int?
        var pendingBlanks = String.UnicodeScalarView()
        func finish() {
            if let start { items.append(.init(text: String(current), location: SourceLocation(path: line.location.path, line: line.location.line, column: start))) }
            current = String.UnicodeScalarView()
            pendingBlanks = String.UnicodeScalarView()
            start = nil
        }
        for scalar in line.text.unicodeScalars {
            if scalar == separator {
                finish()
            } else if ProfileScanner.isBlank(scalar) {
                if start != nil { pendingBlanks.append(scalar) }
            } else {
                if start == nil { start = column }
                current.append(contentsOf: pendingBlanks)
                pendingBlanks = String.UnicodeScalarView()
                current.append(scalar)
            }
            column += 1
        }
        finish()
        return items
    }

    private mutating func nutrient(_ item: ProfileEntry.Text) -> Bool {
        guard let problem = gutPlan.problem(flagging: item.text) else { return true }
        report(.unknownNutrient(item.text, reason: problem, at: item.location))
        return false
    }

    private mutating func exclusion(_ item: ProfileEntry.Text) -> Bool {
        guard let problem = gutPlan.problem(excluding: item.text) else { return true }
        report(.invalidValue(key: "exclude", reason: problem, at: item.location))
        return false
    }

    private mutating func symptom(_ item: ProfileEntry.Text) -> Bool {
        if knowledge.symptom(named: item.text) != nil { return true }
        let hint = knowledge.suggestion(forSymptom: item.text).map { " (did you mean '\($0)'?)" } ?? ""
        report(.invalidValue(key: "symptoms", reason: "unknown symptom '\(item.text.clipped(to: 80))'\(hint); known symptoms: "
            + knowledge.symptoms.map(\.id).joined(separator: ", "), at: item.location))
        return false
    }

    /// supplement = nutrient "=" number [ blank ] unit ;  (one nutrient each, each once)
    private mutating func supplement(_ item: ProfileEntry.Text, seen: inout [String: SourceLocation]) -> Bool {
        let name = item.text.split(separator: "=", maxSplits: 1).first.map { $0.trimmedBlanks } ?? ""
        if item.text.contains("="), knowledge.nutrients(named: name).isEmpty {
            let hint = knowledge.suggestion(forNutrient: name).map { " (did you mean '\($0)'?)" } ?? ""
            report(.unknownNutrient(name, reason: "unknown nutrient '\(name.clipped(to: 80))' in supplement '\(item.text.clipped(to: 80))'\(hint)",
                                    at: item.location))
            return false
        }
        do {
            let (id, _) = try gutPlan.supplement(item.text)
            if let first = seen[id] {
                report(.invalidValue(key: "supplements", reason: "\(id) is named twice (first at column \(first.column))", at: item.location))
                return false
            }
            seen[id] = item.location
            return true
        } catch {
            report(.invalidValue(key: "supplements", reason: error.message, at: item.location))
            return false
        }
    }

    // MARK: - Labs

    /// labs = [ path ] { continuation-row } ;  (the path relative to the profile's folder)
    private mutating func labs(_ entry: ProfileEntry) {
        let value = entry.value
        if !value.text.isEmpty {
            let resolved = Self.resolve(value.text, against: path)
            profile.labsReference = value.text
            profile.input.labsPath = resolved
            if let data = FileManager.default.contents(atPath: resolved), !Self.isFolder(resolved) {
                let parsed = LabReport.parse(data, path: resolved, knowledge: knowledge)
                reportDiagnostics += parsed.diagnostics.filter { $0.severity == .error }
                for result in parsed.results {
                    if let location = result.location { labsSeen[result.test] = location }
                }
            } else {
                report(.missingFile(value.text, resolved: resolved, reason: Self.whyUnreadable(resolved), at: value.location))
            }
        } else if entry.continuation.isEmpty {
            report(.emptyValue(key: "labs (a lab report path, or lab rows on the indented lines below)", at: value.location))
        }
        for row in entry.continuation {
            if let result = labRow(row, key: "labs") { profile.labs.append(result) }
        }
    }

    /// lab-row = test "," number "," unit ;  (a test of labs.csv, in a unit that applies to it)
    private mutating func labRow(_ value: ProfileEntry.Text, key: String) -> LabResult? {
        let cells = Self.split(value)
        guard cells.count == 3, !value.text.hasSuffix(",") else {
            report(.invalidValue(key: key, reason: "expected 'TEST, VALUE, UNIT', e.g. ferritin, 22, ug/L", at: value.location))
            return nil
        }
        let (name, number, unit) = (cells[0], cells[1], cells[2])
        var ok = true
        let test = knowledge.labTest(named: name.text)
        if test == nil {
            let hint = knowledge.suggestion(forLabTest: name.text).map { " (did you mean '\($0)'?)" }
                ?? " (known tests: \(knowledge.labTests.map(\.id).joined(separator: ", ")))"
            report(.invalidValue(key: key, reason: "unknown lab test '\(name.text.clipped(to: 80))'\(hint)", at: name.location))
            ok = false
        }
        var amount: Double?
        if case .value(let v) = ParsedNumber(number.text), v <= 1_000_000 {
            amount = v
        } else {
            report(.invalidNumber(key: "lab value", value: number.text, expected: "a number from 0 to 1000000", at: number.location))
            ok = false
        }
        if let test {
            if LabUnit(unit.text) == nil {
                report(.invalidValue(key: key, reason: "unknown unit '\(unit.text.clipped(to: 40))' (\(test.unitAdvice))", at: unit.location))
                ok = false
            } else if !test.accepts(unit: unit.text) {
                report(.invalidValue(key: key, reason: "unit '\(unit.text)' does not apply to \(test.id) (\(test.unitAdvice))", at: unit.location))
                ok = false
            }
            if let first = labsSeen[test.id] {
                report(.invalidValue(key: key, reason: "\(test.id) given twice (first at \(first))", at: name.location))
                ok = false
            } else {
                labsSeen[test.id] = name.location
            }
        }
        guard ok, let test, let amount else { return nil }
        return LabResult(test: test.id, value: amount, unit: unit.text, location: name.location)
    }

    /// `written` against the folder of the profile at `profilePath`; absolute paths unchanged.
    static func resolve(_ written: String, against profilePath: String) -> String {
        guard !written.hasPrefix("/"), let slash = profilePath.lastIndex(of: "/") else { return written }
        return String(profilePath[...slash]) + written
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func whyUnreadable(_ path: String) -> String {
        if !FileManager.default.fileExists(atPath: path) { return "no such file" }
        if isFolder(path) { return "it is a folder" }
        return "permission denied or unreadable"
    }

    // MARK: - Schedule

    /// meal-times = slot "=" time { "," slot "=" time } ;  time = HH ":" MM ;  (meal slots)
    private mutating func mealTimes(_ value: ProfileEntry.Text) {
        for item in Self.split(value) {
            guard let (slot, text) = slotPair(item, key: "meal-times", example: "breakfast=07:30") else { continue }
            if let time = try? PlanOptions.clockTime(parsing: text.text) {
                profile.options.mealTimes[slot] = time
            } else {
                report(.invalidNumber(key: "meal time", value: text.text, expected: "a clock time HH:MM from 00:00 to 23:59", at: text.location))
            }
        }
    }

    /// max-minutes = minutes | slot "=" minutes { "," slot "=" minutes } ;  (1 to 1440)
    private mutating func maxMinutes(_ value: ProfileEntry.Text) {
        let expected = "a whole number of minutes from 1 to 1440"
        if !value.text.contains("=") {
            if let minutes = integer(value, "max-minutes", in: PlanOptions.maxMinutesRange, expected: expected) {
                for slot in Slot.meals { profile.options.maxMinutes[slot] = minutes }
            }
            return
        }
        for item in Self.split(value) {
            guard let (slot, text) = slotPair(item, key: "max-minutes", example: "dinner=45") else { continue }
            if let minutes = integer(text, "max-minutes", in: PlanOptions.maxMinutesRange, expected: expected) { profile.options.maxMinutes[slot] = minutes }
        }
    }

    /// `slot=value` with a meal slot; the value with its location.
    private mutating func slotPair(_ item: ProfileEntry.Text, key: String, example: String) -> (Slot, ProfileEntry.Text)? {
        let pieces = Self.split(item, separator: "=")
        guard pieces.count == 2, item.text.filter({ $0 == "=" }).count == 1 else {
            report(.invalidValue(key: key, reason: "expected SLOT=VALUE, e.g. \(example)", at: item.location))
            return nil
        }
        guard let slot = Slot(rawValue: pieces[0].text.lowercased()), Slot.meals.contains(slot) else {
            report(.unknownValue(key: "slot", value: pieces[0].text, choices: Slot.meals.map(\.rawValue), at: pieces[0].location))
            return nil
        }
        return (slot, pieces[1])
    }

    /// lock = day ":" slot "=" item ;  (a meal or food id of the knowledge base)
    private mutating func lock(_ value: ProfileEntry.Text) {
        let dayAndRest = Self.split(value, separator: ":")
        guard dayAndRest.count == 2, value.text.filter({ $0 == ":" }).count == 1,
              let (slot, item) = lockSlot(dayAndRest[1]) else {
            if dayAndRest.count != 2 || value.text.filter({ $0 == ":" }).count != 1 {
                report(.invalidValue(key: "lock", reason: "expected DAY:SLOT=ITEM, e.g. 2:dinner=salmon-quinoa-broccoli", at: value.location))
            }
            return
        }
        guard let day = integer(dayAndRest[0], "lock day", in: 1...84, expected: "a day of the plan from 1 to 84") else { return }
        if knowledge.meal(id: item.text) == nil && knowledge.food(id: item.text) == nil {
            let hint = Suggestion.didYouMean(item.text, among: knowledge.meals.map(\.id) + knowledge.foods.map(\.id))
            report(.invalidValue(key: "lock", reason: "unknown meal '\(item.text.clipped(to: 80))'\(hint)", at: item.location))
            return
        }
        locks.append((PlanOptions.Lock(day: day, slot: slot, item: item.text), dayAndRest[0].location, value.text))
    }

    private mutating func lockSlot(_ text: ProfileEntry.Text) -> (Slot, ProfileEntry.Text)? {
        let pieces = Self.split(text, separator: "=")
        guard pieces.count == 2 else {
            report(.invalidValue(key: "lock", reason: "expected DAY:SLOT=ITEM, e.g. 2:dinner=salmon-quinoa-broccoli", at: text.location))
            return nil
        }
        guard let slot = Slot(rawValue: pieces[0].text.lowercased()), Slot.planned.contains(slot) else {
            report(.unknownValue(key: "slot", value: pieces[0].text, choices: Slot.planned.map(\.rawValue), at: pieces[0].location))
            return nil
        }
        return (slot, pieces[1])
    }
}

extension GutPlan {
    /// Reads a profile file's bytes; `path` names it in messages and is the folder `labs:` is
    /// relative to. Never throws: every problem is in the result.
    public func parseProfile(_ data: Data, path: String) -> ProfileReading {
        var reader = ProfileReader(gutPlan: self, path: path)
        return reader.read(data)
    }

    /// Reads the profile file at `path`. Throws `missingInput` when the file (or only the lab
    /// report it names) cannot be read, `badData` with every located problem otherwise.
    public func readProfile(at path: String) throws(GutPlanError) -> ClientProfile {
        guard !ProfileReader.isFolder(path), let data = FileManager.default.contents(atPath: path) else {
            throw .missingInput("cannot read profile '\(path.clipped(to: 400))': \(ProfileReader.whyUnreadable(path))")
        }
        let reading = parseProfile(data, path: path)
        if let profile = reading.profile { return profile }
        if reading.isMissingInput { throw .missingInput(reading.diagnostics.map(\.rendered).joined(separator: "\n")) }
        throw .badData(reading.diagnostics)
    }
}

extension GutPlan {
    /// Why `value` cannot stand after `key:` in a profile, or `nil` when it can: for checking
    /// interactive answers one at a time, with the same messages and suggestions as the file.
    /// A `labs` path is taken relative to `folder` (the folder the profile will be written to).
    public func problem(profileKey key: ProfileKey, value: String, folder: String = ".") -> String? {
        guard !value.contains(where: \.isNewline) else { return "the answer must be one line" }
        let reading = parseProfile(Data("\(key.rawValue): \(value)\n".utf8), path: BatchPlanner.join(folder, "answer.profile"))
        return reading.errors.first?.message ?? reading.diagnostics.first?.message
    }
}
