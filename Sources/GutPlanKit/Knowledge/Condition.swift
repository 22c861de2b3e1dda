/// The `when` part of a rule: a boolean expression over facts.
public indirect enum Condition: Sendable, Equatable {
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
    case and(Condition, Condition)
    case or(Condition, Condition)
}

/// A name written in a rule file, with where it stands, so that unknown references can be reported.
public struct Reference: Sendable, Equatable, Hashable {
    public var name: String
    public var location: SourceLocation

    public init(_ name: String, at location: SourceLocation) {
        self.name = name
        self.location = location
    }
}
