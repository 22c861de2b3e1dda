/// The `when` part of a rule: a boolean expression over facts.
indirect enum Condition: Sendable, Equatable {
    /// `always`: holds unconditionally.
    case always
    /// `flagged N` (any status), `confirmed N`, `suspected N`: a nutrient's flag.
    /// `status == nil` means flagged with any status.
    case flagged(nutrient: Reference, status: FlagStatus?)
    /// `lab TEST OP VALUE UNIT`, e.g. `lab ferritin < 30 ug/L`. False when the test was not entered.
    case lab(test: Reference, comparison: Comparison, value: Double, unit: Reference)
    /// `symptom S`.
    case symptom(Reference)
    /// `diet D`.
    case diet(Reference)
    /// `sex female|male`.
    case sex(Sex)
    /// `age OP N`.
    case age(Comparison, Double)
    /// `low-fodmap`: the person asked for the low-FODMAP elimination phase (`Profile.lowFODMAP`).
    case lowFODMAP
    case not(Condition)
    /// `a and b and c`: every term holds. The terms of one chain, flat and in written order
    /// (n-ary, so a long chain is a long array, never a deep tree); a parenthesised group is
    /// one term. The parser writes two to `RuleParser.maximumTerms` terms.
    case and([Condition])
    /// `a or b or c`: some term holds. Flat like `and`.
    case or([Condition])
}

/// A name written in a rule file, with where it stands, so that unknown references can be reported.
struct Reference: Sendable, Equatable, Hashable {
    var name: String
    var location: SourceLocation

    init(_ name: String, at location: SourceLocation) {
        self.name = name
        self.location = location
    }
}
