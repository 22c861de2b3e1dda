import Foundation

/// A profile as a person typed it: nutrient and symptom names as aliases, a lab report.
/// `GutPlan.resolve` turns it into a `Profile` of ids, or says precisely what it cannot read.
/// Every profile option of a front end is one field here.
public struct ProfileInput: Sendable, Equatable {
    /// A lab report (CSV `test,value,unit`): a file to read, or its bytes already in memory with
    /// the name its messages show (`path:line:column`).
    public enum LabReport: Sendable, Equatable {
        case file(String)
        case data(Data, name: String)
    }

    public var confirmed: [String]
    public var suspected: [String]
    public var symptoms: [String]
    public var labs: LabReport?
    /// The lab report's path when it is a file (`nil` for none or for bytes).
    public var labsPath: String? {
        get { if case .file(let path)? = labs { return path } else { return nil } }
        set { labs = newValue.map { .file($0) } }
    }
    public var sex: Sex
    public var age: Int
    public var diet: Diet
    public var exclude: [String]
    public var energy: ClosedRange<Double>?
    /// `nil`: the whole sedentary-to-active range of the energy table.
    public var activity: Activity?
    /// Daily supplements as typed: `vitamin-d=25ug`, `iron=18 mg`, `vitamin d=1000IU`.
    public var supplements: [String]
    /// The low-FODMAP elimination phase.
    public var lowFODMAP: Bool = false

    public init(confirmed: [String] = [], suspected: [String] = [], symptoms: [String] = [], labs: LabReport? = nil,
                sex: Sex = .female, age: Int = 35, diet: Diet = .omnivore, exclude: [String] = [],
                energy: ClosedRange<Double>? = nil, activity: Activity? = nil, supplements: [String] = []) {
        self.activity = activity
        self.supplements = supplements
        self.confirmed = confirmed
        self.suspected = suspected
        self.symptoms = symptoms
        self.labs = labs
        self.sex = sex
        self.age = age
        self.diet = diet
        self.exclude = exclude
        self.energy = energy
    }

    /// `true` when nothing is flagged: no nutrient, symptom or lab report.
    public var isEmpty: Bool { confirmed.isEmpty && suspected.isEmpty && symptoms.isEmpty && labs == nil }
}

extension GutPlan {
    /// Resolves names to ids (aliases, any case; `b-complex` names three nutrients) and reads the
    /// lab report. Unknown names are usage errors with a suggestion (exit 64); an unreadable lab
    /// file is missing input (66); a bad lab line is bad data (65).
    public func resolve(_ input: ProfileInput) throws(GutPlanError) -> Profile {
        var warnings: [Diagnostic] = []
        return try resolve(input, warnings: &warnings)
    }

    /// Like `resolve(_:)`, adding the lab report's warnings (lines naming a test gutplan does
    /// not read, which are left out) to `warnings` for the caller to show.
    public func resolve(_ input: ProfileInput, warnings: inout [Diagnostic]) throws(GutPlanError) -> Profile {
        var profile = Profile(sex: input.sex, age: input.age, diet: input.diet,
                              exclude: try input.exclude.map { name throws(GutPlanError) in try excludable(name) },
                              energy: input.energy, activity: input.activity)
        profile.supplements = try supplements(input.supplements)
        profile.lowFODMAP = input.lowFODMAP
        let names = NutrientNameIndex(knowledge)
        profile.confirmed = try nutrientIDs(input.confirmed, names: names)
        profile.suspected = try nutrientIDs(input.suspected, names: names).subtracting(profile.confirmed)
        for name in input.symptoms {
            guard let symptom = knowledge.symptom(named: name) else {
                let hint = knowledge.suggestion(forSymptom: name).map { " (did you mean '\($0)'?)" } ?? ""
                throw .invalidRequest("unknown symptom '\(name.clipped(to: 80))'\(hint); known symptoms: "
                    + knowledge.symptoms.map(\.id).joined(separator: ", "))
            }
            profile.symptoms.insert(symptom.id)
        }
        if let labs = input.labs {
            let data: Data, path: String
            switch labs {
            case .file(let file):
                // A FIFO or process substitution (`<(...)`) has no size to read by: read it as a stream.
                let isFIFO = Self.isFIFO(file)
                guard let contents = isFIFO ? FileHandle(forReadingAtPath: file).map({ $0.readDataToEndOfFile() })
                        : FileManager.default.contents(atPath: file) else {
                    throw .missingInput("cannot read lab report \(file.clipped(to: 400)): \(Self.whyUnreadable(file))")
                }
                (data, path) = (contents, file)
            case .data(let contents, let name):
                (data, path) = (contents, name)
            }
            let (results, diagnostics) = LabReportReader.parse(data, path: path, knowledge: knowledge)
            let errors = diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else { throw .badData(errors) }
            warnings += diagnostics.filter { $0.severity == .warning }
            profile.labs = results
        }
        return profile
    }

    func nutrientIDs(_ names: [String], names index: NutrientNameIndex) throws(GutPlanError) -> Set<String> {
        var ids = Set<String>()
        for name in names {
            let found = index.nutrients(named: name)
            if let problem = problem(flagging: name, found: found) { throw .invalidRequest(problem) }
            // A group alias flags the nutrients in it that have a daily target.
            ids.formUnion(found.filter { knowledge.nutrient(id: $0)?.targets.isEmpty == false })
        }
        return ids
    }

    /// Why a typed name cannot be flagged — unknown (with a "did you mean"), or a nutrient without
    /// a daily target — or `nil` when it names at least one nutrient that can be.
    public func problem(flagging name: String) -> String? {
        problem(flagging: name, found: knowledge.nutrients(named: name))
    }

    /// `problem(flagging:)` with the ids the name means already found.
    func problem(flagging name: String, found: [String]) -> String? {
        guard !found.isEmpty else {
            let hint = knowledge.suggestion(forNutrient: name).map { " (did you mean '\($0)'?)" } ?? ""
            return "unknown nutrient '\(name.clipped(to: 80))'\(hint); see 'gutplan nutrients' for the names"
        }
        let plannable = found.compactMap(knowledge.nutrient(id:)).filter { !$0.targets.isEmpty }
        guard !plannable.isEmpty else {
            let names = found.compactMap { knowledge.nutrient(id: $0)?.name }.joined(separator: ", ")
            return "\(names) has no daily target to plan for, so it cannot be flagged"
        }
        return nil
    }

    /// Why a typed food tag or food id cannot be excluded (with a "did you mean"), or `nil`.
    public func problem(excluding name: String) -> String? {
        do {
            _ = try excludable(name)
            return nil
        } catch {
            return error.message
        }
    }

    /// A food tag or food id to exclude, in its canonical spelling.
    func excludable(_ name: String) throws(GutPlanError) -> String {
        let tags = Set(knowledge.foods.flatMap(\.tags))
        let lowered = name.lowercased()
        if tags.contains(lowered) || knowledge.food(id: lowered) != nil || knowledge.meals.contains(where: { $0.id == lowered }) {
            return lowered
        }
        let candidates = (Array(tags) + knowledge.foods.map(\.id) + knowledge.meals.map(\.id)).sorted()
        let hint = Suggestion.closest(to: lowered, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
        throw .invalidRequest("cannot leave out '\(name.clipped(to: 80))': it is not a food tag, food id or meal id\(hint)")
    }
}

extension GutPlan {
    /// Whether `path` is a FIFO (a named pipe, or `/dev/fd/N` of a process substitution).
    static func isFIFO(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO
    }
}

/// The lab-report reader, named apart from `ProfileInput.LabReport` (where the report comes from),
/// without spelling the module's name (the fuzz targets compile these sources as another module).
typealias LabReportReader = LabReport
