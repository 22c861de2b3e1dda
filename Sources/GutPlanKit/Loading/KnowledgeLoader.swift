import Foundation

/// One load of a rule directory, in named stages: find the files, read each table, parse each
/// rule file, then check the whole. Every stage adds to one list of diagnostics.
struct KnowledgeLoader {
    let directory: String
    /// Run `RuleChecker`'s warning-only checks (see `RuleChecker.check(_:warnings:)`).
    let warnings: Bool
    private let fm = FileManager.default
    private var diagnostics: [Diagnostic] = []
    /// Raw bytes of the data files that exist, by file name.
    private var contents: [String: Data] = [:]
    /// Every table that exists was read (rows with errors are still left out).
    private var allTablesRead = true
    /// The text of each rule file read, by path.
    private var texts: [String: String] = [:]
    /// Lines of each rule file, split the way the rule lexer counts them, for the caret display:
    /// made from `texts` for the first diagnostic in a file that shows a line.
    private var sources: [String: SourceText] = [:]

    init(directory: String, warnings: Bool = true) {
        self.directory = directory
        self.warnings = warnings
    }

    mutating func run() -> KnowledgeBase.LoadResult {
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .init(knowledge: nil, diagnostics: [Diagnostic(.error, "rule directory not found: \(directory)", at: nil)],
                         failure: .missing([directory]))
        }
        let missing = readFiles()
        if !missing.isEmpty { return .init(knowledge: nil, diagnostics: diagnostics, failure: .missing(missing)) }
        var knowledge = readTables()
        (knowledge.rules, knowledge.weights) = readRuleFiles()
        check(knowledge)
        if diagnostics.contains(where: { $0.severity == .error }) {
            return .init(knowledge: nil, diagnostics: diagnostics, failure: .invalid)
        }
        return .init(knowledge: knowledge, diagnostics: diagnostics, failure: nil)
    }

    /// Reads every required and optional data file; returns the paths of required ones that
    /// do not exist.
    private mutating func readFiles() -> [String] {
        var missing: [String] = []
        for name in KnowledgeBase.requiredFiles + KnowledgeBase.optionalFiles {
            let path = KnowledgeBase.join(directory, name)
            if let data = fm.contents(atPath: path) {
                contents[name] = data
            } else if KnowledgeBase.requiredFiles.contains(name) {
                missing.append(path)
                diagnostics.append(Diagnostic(.error, "required file not found: \(path)", at: nil))
            }
        }
        return missing
    }

    /// One table, or `nil` when the file is absent (optional) or unreadable as CSV.
    private mutating func table(_ name: String, _ columns: [String], optional: [String] = [],
                                exactly: Bool = false) -> CSVTable? {
        guard let data = contents[name] else { return nil }
        let read = CSVTable.read(data, path: KnowledgeBase.join(directory, name),
                                 columns: exactly ? .exactly(columns)
                                     : .named(required: columns, optional: optional, ignoringCase: false, allowingOthers: false))
        diagnostics += read.diagnostics
        if read.table == nil { allTablesRead = false }
        return read.table
    }

    private mutating func readTables() -> KnowledgeBase {
        var kb = KnowledgeBase(nutrients: [], foods: [], meals: [], steps: [], symptoms: [], labTests: [], rules: [])
        let foodsTable = table("foods.csv", Food.csvColumns, exactly: true)
        if let t = foodsTable { kb.foods = Food.load(t, into: &diagnostics) }
        if let t = table("nutrients.csv", Nutrient.csvColumns) {
            kb.nutrients = Nutrient.load(t, foodColumns: Food.nutrientColumns, into: &diagnostics)
        }
        if let t = table("meals.csv", Meal.csvColumns) {
            // Without foods.csv every food would look unknown: check meals against foods only when it read.
            kb.meals = Meal.load(t, foods: foodsTable == nil ? [] : kb.foods, into: &diagnostics)
            if foodsTable == nil { diagnostics.removeAll { $0.message.hasPrefix("unknown food") && $0.location?.path == t.path } }
        }
        if let t = table("steps.csv", StressStep.csvColumns) { kb.steps = StressStep.load(t, into: &diagnostics) }
        if let t = table("symptoms.csv", Symptom.csvColumns, optional: Symptom.optionalColumns) { kb.symptoms = Symptom.load(t, into: &diagnostics) }
        if let t = table("labs.csv", LabTest.csvColumns) { kb.labTests = LabTest.load(t, into: &diagnostics) }
        if let t = table("energy.csv", EnergyNeed.csvColumns) { kb.energyNeeds = EnergyNeed.load(t, into: &diagnostics) }
        if let t = table("supplements.csv", SupplementCount.csvColumns) {
            kb.supplementCounts = SupplementCount.load(t, nutrients: kb.nutrients, into: &diagnostics)
        }
        if let t = table("limits.csv", DailyLimit.csvColumns) {
            kb.limits = DailyLimit.load(t, nutrients: kb.nutrients, into: &diagnostics)
        }
        if let t = table("caps.csv", FoodCapRule.csvColumns) {
            kb.foodCaps = FoodCapRule.load(t, tags: Food.allowedTags, foods: foodsTable == nil ? nil : Set(kb.foods.map(\.id)),
                                           into: &diagnostics)
        }
        if let t = table("absorption.csv", AbsorptionModel.csvColumns) { kb.absorption = AbsorptionModel.load(t, into: &diagnostics) }
        if let t = table("methods.csv", Recipe.csvColumns) { kb.recipes = Recipe.load(t, meals: kb.meals, into: &diagnostics) }
        if let t = table("shopping.csv", ShoppingInfo.csvColumns) { kb.shoppingInfo = ShoppingInfo.load(t, foods: kb.foods, into: &diagnostics) }
        if let t = table("units.csv", HouseholdUnit.csvColumns) { kb.units = HouseholdUnit.load(t, foods: kb.foods, into: &diagnostics) }
        if let t = table("retests.csv", RetestGuidance.csvColumns) {
            kb.retests = RetestGuidance.load(t, nutrients: kb.nutrients, into: &diagnostics)
        }
        if let t = table("ramp.csv", RampStep.csvColumns) { kb.ramp = RampStep.load(t, into: &diagnostics) }
        if let t = table("portions.csv", PortionScale.csvColumns) { kb.portionScales = PortionScale.load(t, into: &diagnostics) }
        for name in KnowledgeBase.optionalFiles where contents[name] == nil {
            diagnostics.append(Diagnostic(.warning, "no \(name) in \(directory): \(Self.featureOff[name] ?? "its feature is off")", at: nil))
        }
        return kb
    }

    static let featureOff = [
        "energy.csv": "energy bands fall back to 1600-2400 kcal (female) and 2000-3000 kcal (male)",
        "supplements.csv": "every supplement counts once as its own nutrient",
        "limits.csv": "no sodium, saturated-fat or fibre limits",
        "caps.csv": "no caps on eggs, fish, liver or any single food",
        "absorption.csv": "every amount counts as eaten",
        "methods.csv": "meals have no method or times, and time limits per meal cannot filter",
        "shopping.csv": "the shopping list has no aisles or shop units",
        "units.csv": "ingredients are shown in grams only",
        "retests.csv": "no retest reminders after the week",
        "ramp.csv": "fermented and prebiotic additions are full servings from day 1",
        "portions.csv": "meals keep their standard portions whatever the energy band",
    ]

    private mutating func sourceLine(_ location: SourceLocation) -> String? {
        if sources[location.path] == nil, let text = texts[location.path] { sources[location.path] = SourceText(text) }
        guard let line = sources[location.path]?.line(location.line), line.utf8.count <= 500 else { return nil }
        return line
    }

    /// Parses every `*.rules` file in byte order of name: the rules (names unique across files)
    /// and the weight settings (a later setting wins, with a warning).
    private mutating func readRuleFiles() -> ([Rule], [FlagStatus: Double]) {
        var rules: [Rule] = []
        var weights: [FlagStatus: Double] = [.confirmed: 2, .suspected: 1]
        let ruleFiles = ((try? fm.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".rules") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        if ruleFiles.isEmpty {
            diagnostics.append(Diagnostic(.warning, "no .rules files in \(directory)", at: nil))
        }
        var ruleNames: [String: SourceLocation] = [:]
        var weightSetAt: [FlagStatus: SourceLocation] = [:]
        for name in ruleFiles {
            guard let file = parseRuleFile(KnowledgeBase.join(directory, name)) else { continue }
            for setting in file.settings {
                if !setting.weight.isFinite || setting.weight <= 0 || setting.weight > 1000 {
                    diagnostics.append(Diagnostic(.error, "weight must be greater than 0 and at most 1000", at: setting.location,
                                                  sourceLine: sourceLine(setting.location)))
                    continue
                }
                if let first = weightSetAt[setting.status] {
                    diagnostics.append(Diagnostic(.warning, "weight \(setting.status.rawValue) set again (first set at \(first)); the later value wins",
                                                  at: setting.location, sourceLine: sourceLine(setting.location)))
                }
                weightSetAt[setting.status] = setting.location
                weights[setting.status] = setting.weight
            }
            for rule in file.rules {
                if let first = ruleNames[rule.name] {
                    diagnostics.append(Diagnostic(.error, "duplicate rule '\(rule.name)' (first defined at \(first))",
                                                  at: rule.location, sourceLine: sourceLine(rule.location)))
                    continue
                }
                ruleNames[rule.name] = rule.location
                rules.append(rule)
            }
        }
        return (rules, weights)
    }

    /// A file's bytes, or a message that says why not (not a regular file, the system's reason).
    /// A FIFO or device is never opened, so a rule directory cannot make loading wait forever.
    /// The type is the entry's own (`lstat`: a symbolic link is not a regular file).
    func read(_ path: String) -> Result<Data, Diagnostic> {
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            let what = info.st_mode & S_IFMT == S_IFDIR ? "a directory" : "not a regular file"
            return .failure(Diagnostic(.error, "cannot read \(path): it is \(what)", at: nil))
        }
        // The usual case without a URL; only a failure is read again for the system's reason.
        if let data = fm.contents(atPath: path) { return .success(data) }
        do {
            return .success(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            let reason = (error as NSError).userInfo[NSUnderlyingErrorKey].map { "\($0)" } ?? error.localizedDescription
            return .failure(Diagnostic(.error, "cannot read \(path): \(reason)", at: nil))
        }
    }

    /// One rule file: read, decoded as UTF-8 and parsed, its syntax errors reported.
    private mutating func parseRuleFile(_ path: String) -> RuleFile? {
        let data: Data
        switch read(path) {
        case .success(let bytes): data = bytes
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        let decoded = UTF8Check.decode(data)
        guard let text = decoded.text else {
            let bad = decoded.invalid ?? UTF8Check.Position(offset: 0, line: 1, column: 1)
            diagnostics.append(Diagnostic(.error, "invalid UTF-8 (byte \(bad.offset + 1) of the file)",
                                          at: SourceLocation(path: path, line: bad.line, column: bad.column)))
            return nil
        }
        let file = RuleParser.parse(text, path: path)
        texts[path] = text
        for error in file.errors {
            diagnostics.append(Diagnostic(.error, error.message, at: error.location, sourceLine: sourceLine(error.location)))
        }
        return file
    }

    /// Cross-references only mean something once every table could be read (rows with errors
    /// are left out, so a reference to one of them is reported too).
    private mutating func check(_ knowledge: KnowledgeBase) {
        guard allTablesRead else { return }
        for var diagnostic in RuleChecker.check(knowledge, warnings: warnings) {
            if let location = diagnostic.location { diagnostic.sourceLine = sourceLine(location) }
            diagnostics.append(diagnostic)
        }
    }
}
