/// A failure of the rules themselves while reasoning (not of the person's input).
enum EngineError: Error, Sendable, Equatable {
    /// More rules fired than the bound allows: the rules run away.
    case runaway(firings: Int, lastRule: String, location: SourceLocation)
    /// A derivation chain grew deeper than the bound; `chain` lists the rules, first to last.
    case chainTooDeep(depth: Int, chain: [String], location: SourceLocation)

    var diagnostic: Diagnostic {
        switch self {
        case .runaway(let firings, let rule, let location):
            return Diagnostic(.error, "rules ran away: \(firings) firings without reaching a fixpoint (last: '\(rule)')",
                              at: location)
        case .chainTooDeep(let depth, let chain, let location):
            return Diagnostic(.error, "rule chain deeper than \(depth): \(chain.joined(separator: " -> ")); look for a cycle",
                              at: location)
        }
    }
}
