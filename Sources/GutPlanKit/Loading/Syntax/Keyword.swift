/// Every word of the rule language, in one table that the lexer, the parser and the error
/// messages all read (`docs/RULES.md` lists the same words).
enum Keyword: String, CaseIterable, Sendable {
    // Statements.
    case rule, set, weight, priority, when, then
    // Conditions.
    case and, or, not, always, flagged, confirmed, suspected, lab, symptom, diet, sex, female, male, age
    case lowFODMAP = "low-fodmap"
    // Actions.
    case flag, target, prefer, add, fermented, prebiotic, step, note, avoid

    /// The words that structure a file and can never be names (nor units): a forgotten name
    /// (`when flagged then`) never swallows the next part. The other keywords may still name
    /// things, e.g. the food tag in `avoid fermented`.
    var isReserved: Bool {
        switch self {
        case .rule, .set, .when, .then, .and, .or, .not: return true
        default: return false
        }
    }

    /// The words that start a condition's atom (`not` and `(` also start a condition).
    static let conditionStarts: [Keyword] = [.always, .flagged, .confirmed, .suspected, .lab, .symptom, .diet, .sex, .age,
                                             .lowFODMAP]

    /// The words that start an action.
    static let actions: [Keyword] = [.flag, .target, .prefer, .add, .step, .note, .avoid]

    /// Whether `word` is a reserved word (`isReserved`): compared with the seven, no hashing
    /// (every name of a rule file is checked).
    static func isReservedWord(_ word: String) -> Bool {
        switch word {
        case "rule", "set", "when", "then", "and", "or", "not": return true
        default: return false
        }
    }

    static let all: Set<String> = Set(allCases.map(\.rawValue))
    static let reserved: Set<String> = Set(allCases.filter(\.isReserved).map(\.rawValue))
    static let actionWords: Set<String> = Set(actions.map(\.rawValue))

    /// `a, b or c`.
    static func list(_ words: [String]) -> String {
        words.dropLast().joined(separator: ", ") + (words.count > 1 ? " or " : "") + (words.last ?? "")
    }
}
