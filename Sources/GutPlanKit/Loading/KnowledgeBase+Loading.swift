import Foundation

/// Loading a rule directory. Never throws: every problem of every file is collected as a
/// `Diagnostic`; any error makes the knowledge base `nil`, warnings do not.
///
/// "Missing" versus "bad": `loadResult(directory:)` also says *why* loading failed.
/// `.missing(paths)` means the directory or a required data file does not exist (the CLI exits
/// 66); `.invalid` means something exists but is wrong (exit 65). `load(directory:)` is the
/// short form that drops that distinction.
extension KnowledgeBase {
    /// Why a load produced no knowledge base.
    public enum LoadFailure: Sendable, Equatable {
        /// The directory, or required files in it, do not exist (paths as given).
        case missing([String])
        /// The files exist but hold errors (see the diagnostics).
        case invalid
    }

    /// Everything a load produced.
    public struct LoadResult: Sendable {
        public var knowledge: KnowledgeBase?
        public var diagnostics: [Diagnostic]
        /// `nil` exactly when `knowledge` is not `nil`.
        public var failure: LoadFailure?
    }

    /// The data files every rule directory holds.
    public static let requiredFiles = ["nutrients.csv", "foods.csv", "meals.csv", "steps.csv", "symptoms.csv", "labs.csv"]

    /// Loads a rule directory; see `loadResult(directory:)`.
    public static func load(directory: String) -> (knowledge: KnowledgeBase?, diagnostics: [Diagnostic]) {
        let result = loadResult(directory: directory)
        return (result.knowledge, result.diagnostics)
    }

    /// Loads the six CSV files and every `*.rules` file (in byte order of file name), checks
    /// them and every cross-reference (`RuleChecker`: its errors and its warnings, with source lines).
    public static func loadResult(directory: String) -> LoadResult {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return LoadResult(knowledge: nil,
                              diagnostics: [Diagnostic(.error, "rule directory not found: \(directory)", at: nil)],
                              failure: .missing([directory]))
        }
        var diagnostics: [Diagnostic] = []
        var contents: [String: Data] = [:]
        var missing: [String] = []
        for name in requiredFiles {
            let path = join(directory, name)
            if let data = fm.contents(atPath: path) {
                contents[name] = data
            } else {
                missing.append(path)
                diagnostics.append(Diagnostic(.error, "required file not found: \(path)", at: nil))
            }
        }
        if !missing.isEmpty {
            return LoadResult(knowledge: nil, diagnostics: diagnostics, failure: .missing(missing))
        }

        func table(_ name: String, _ columns: CSVTable.Columns) -> CSVTable? {
            let read = CSVTable.read(contents[name] ?? Data(), path: join(directory, name), columns: columns)
            diagnostics += read.diagnostics
            if read.table == nil { allTablesRead = false }
            return read.table
        }
        func named(_ columns: [String]) -> CSVTable.Columns {
            .named(required: columns, optional: [], ignoringCase: false, allowingOthers: false)
        }
        var allTablesRead = true
        var foods: [Food] = [], nutrients: [Nutrient] = [], meals: [Meal] = []
        var steps: [StressStep] = [], symptoms: [Symptom] = [], labTests: [LabTest] = []
        let foodsTable = table("foods.csv", .exactly(Food.csvColumns))
        if let t = foodsTable { foods = Food.load(t, into: &diagnostics) }
        if let t = table("nutrients.csv", named(Nutrient.csvColumns)) {
            nutrients = Nutrient.load(t, foodColumns: Food.nutrientColumns, into: &diagnostics)
        }
        if let t = table("meals.csv", named(Meal.csvColumns)) {
            // Without foods.csv every food would look unknown: check meals against foods only when it read.
            meals = Meal.load(t, foods: foodsTable == nil ? [] : foods, into: &diagnostics)
            if foodsTable == nil { diagnostics.removeAll { $0.message.hasPrefix("unknown food") && $0.location?.path == t.path } }
        }
        if let t = table("steps.csv", named(StressStep.csvColumns)) { steps = StressStep.load(t, into: &diagnostics) }
        if let t = table("symptoms.csv", named(Symptom.csvColumns)) { symptoms = Symptom.load(t, into: &diagnostics) }
        if let t = table("labs.csv", named(LabTest.csvColumns)) { labTests = LabTest.load(t, into: &diagnostics) }

        var rules: [Rule] = []
        var weights: [FlagStatus: Double] = [.confirmed: 2, .suspected: 1]
        let ruleFiles = ((try? fm.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".rules") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        if ruleFiles.isEmpty {
            diagnostics.append(Diagnostic(.warning, "no .rules files in \(directory)", at: nil))
        }
        var ruleNames: [String: SourceLocation] = [:]
        // Lines split the way the rule lexer counts them, for the caret display.
        var sources: [String: SourceText] = [:]
        func sourceLine(_ location: SourceLocation) -> String? {
            guard let line = sources[location.path]?.line(location.line), line.utf8.count <= 500 else { return nil }
            return line
        }
        var weightSetAt: [FlagStatus: SourceLocation] = [:]
        for name in ruleFiles {
            let path = join(directory, name)
            guard let data = fm.contents(atPath: path) else {
                diagnostics.append(Diagnostic(.error, "cannot read \(path)", at: nil))
                continue
            }
            let decoded = UTF8Check.decode(data)
            guard let text = decoded.text else {
                let bad = decoded.invalid ?? UTF8Check.Position(offset: 0, line: 1, column: 1)
                diagnostics.append(Diagnostic(.error, "invalid UTF-8 (byte \(bad.offset + 1) of the file)",
                                              at: SourceLocation(path: path, line: bad.line, column: bad.column)))
                continue
            }
            let file = RuleParser.parse(text, path: path)
            sources[path] = SourceText(text)
            for error in file.errors {
                diagnostics.append(Diagnostic(.error, error.message, at: error.location, sourceLine: sourceLine(error.location)))
            }
            for setting in file.settings {
                if !setting.weight.isFinite || setting.weight <= 0 {
                    diagnostics.append(Diagnostic(.error, "weight must be greater than 0", at: setting.location,
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

        let knowledge = KnowledgeBase(nutrients: nutrients, foods: foods, meals: meals, steps: steps, symptoms: symptoms,
                                      labTests: labTests, rules: rules, weights: weights)
        // Cross-references only mean something once every table could be read (rows with errors
        // are left out, so a reference to one of them is reported too).
        if allTablesRead {
            for var diagnostic in RuleChecker.check(knowledge) {
                if let location = diagnostic.location { diagnostic.sourceLine = sourceLine(location) }
                diagnostics.append(diagnostic)
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) {
            return LoadResult(knowledge: nil, diagnostics: diagnostics, failure: .invalid)
        }
        return LoadResult(knowledge: knowledge, diagnostics: diagnostics, failure: nil)
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
