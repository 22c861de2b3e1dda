/// Something known about the person, from input or derived by a rule.
enum Fact: Sendable, Hashable {
    /// A nutrient flag.
    case flag(nutrient: String, status: FlagStatus)
    /// A lab value, in the unit it was entered in; `qualifier` says whether it was exact or
    /// censored (`<5`: then `value` is the limit).
    case lab(test: String, value: Double, unit: String, qualifier: LabResult.Qualifier = .exact)
    case symptom(String)
    case diet(Diet)
    case sex(Sex)
    case age(Int)
    /// The person asked for the low-FODMAP elimination phase.
    case lowFODMAP
}
