/// Why a fact holds: it was entered, or a rule derived it from other facts.
enum Provenance: Sendable, Hashable {
    /// Entered by the person (`--confirmed`, `--suspected`, a lab line, a symptom).
    case input
    /// Derived when `rule` fired on `because`.
    case rule(name: String, because: [Fact])
}
