/// Every failure the library reports, by meaning. The library does not know how a front end
/// shows them: the `gutplan` executable maps each case to its message layout and exit code.
/// Internal errors of the stages are mapped to one of these by the facade.
public enum GutPlanError: Error, Sendable, Equatable {
    /// The request cannot be served as asked: an unknown nutrient, symptom or food name, an
    /// unsupported age, an energy band that is not positive kcal.
    case invalidRequest(String)
    /// Bad data in a rule directory, lab report or problem file, with every problem found.
    case badData([Diagnostic])
    /// A named input file or folder does not exist, is not the kind of file expected, or cannot
    /// be read; the message says which and why.
    case missingInput(String)
    /// The constraints leave no plan; the message says which constraint and where.
    case noPlan(String)
    /// gutplan itself went wrong (a broken invariant in the planner, not the person's input);
    /// the message says what was found.
    case internalFailure(String)

    /// A one-paragraph description of the failure (diagnostics one per line).
    public var message: String {
        switch self {
        case .invalidRequest(let text), .missingInput(let text), .noPlan(let text), .internalFailure(let text):
            return text
        case .badData(let diagnostics):
            return diagnostics.map(\.rendered).joined(separator: "\n")
        }
    }
}
