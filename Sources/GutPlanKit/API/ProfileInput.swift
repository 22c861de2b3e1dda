import Foundation

/// A profile as a person typed it: nutrient and symptom names as aliases, a lab report path.
/// `GutPlan.resolve` turns it into a `Profile` of ids, or says precisely what it cannot read.
public struct ProfileInput: Sendable, Equatable {
    public var confirmed: [String]
    public var suspected: [String]
    public var symptoms: [String]
    public var labsPath: String?
    public var sex: Sex
    public var age: Int
    public var diet: Diet
    public var exclude: [String]
    public var energy: ClosedRange<Double>?

    public init(confirmed: [String] = [], suspected: [String] = [], symptoms: [String] = [], labsPath: String? = nil,
                sex: Sex = .female, age: Int = 35, diet: Diet = .omnivore, exclude: [String] = [],
                energy: ClosedRange<Double>? = nil) {
        self.confirmed = confirmed
        self.suspected = suspected
        self.symptoms = symptoms
        self.labsPath = labsPath
        self.sex = sex
        self.age = age
        self.diet = diet
        self.exclude = exclude
        self.energy = energy
    }

    /// `true` when nothing is flagged: no nutrient, symptom or lab report.
    public var isEmpty: Bool { confirmed.isEmpty && suspected.isEmpty && symptoms.isEmpty && labsPath == nil }
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
                              energy: input.energy)
        profile.confirmed = try nutrientIDs(input.confirmed)
        profile.suspected = try nutrientIDs(input.suspected).subtracting(profile.confirmed)
        for name in input.symptoms {
            guard let symptom = knowledge.symptom(named: name) else {
                let hint = knowledge.suggestion(forSymptom: name).map { " (did you mean '\($0)'?)" } ?? ""
                throw .usage("unknown symptom '\(name)'\(hint); known symptoms: "
                    + knowledge.symptoms.map(\.id).joined(separator: ", "))
            }
            profile.symptoms.insert(symptom.id)
        }
        if let path = input.labsPath {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .missingInput("cannot read lab report '\(path)'")
            }
            let (results, diagnostics) = LabReport.parse(data, path: path, knowledge: knowledge)
            let errors = diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else { throw .badData(errors) }
            warnings += diagnostics.filter { $0.severity == .warning }
            profile.labs = results
        }
        return profile
    }

    func nutrientIDs(_ names: [String]) throws(GutPlanError) -> Set<String> {
        var ids = Set<String>()
        for name in names {
            if let problem = problem(flagging: name) { throw .usage(problem) }
            // A group alias flags the nutrients in it that have a daily target.
            ids.formUnion(knowledge.nutrients(named: name).filter { knowledge.nutrient(id: $0)?.targets.isEmpty == false })
        }
        return ids
    }

    /// Why a typed name cannot be flagged — unknown (with a "did you mean"), or a nutrient without
    /// a daily target — or `nil` when it names at least one nutrient that can be.
    public func problem(flagging name: String) -> String? {
        let found = knowledge.nutrients(named: name)
        guard !found.isEmpty else {
            let hint = knowledge.suggestion(forNutrient: name).map { " (did you mean '\($0)'?)" } ?? ""
            return "unknown nutrient '\(name)'\(hint); see 'gutplan nutrients' for the names"
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
        if tags.contains(lowered) || knowledge.food(id: lowered) != nil { return lowered }
        let candidates = (Array(tags) + knowledge.foods.map(\.id)).sorted()
        let hint = Suggestion.closest(to: lowered, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
        throw .usage("cannot exclude '\(name)': it is neither a food tag nor a food id\(hint)")
    }
}
