/// The adult age bands of the NASEM Dietary Reference Intakes.
public enum AgeBand: String, Sendable, CaseIterable, Codable {
    case from19to30 = "19-30"
    case from31to50 = "31-50"
    case from51to70 = "51-70"
    case from71 = "71+"

    /// The band an adult age falls in; `nil` under 19 (gutplan serves adults only).
    public init?(age: Int) {
        switch age {
        case 19...30: self = .from19to30
        case 31...50: self = .from31to50
        case 51...70: self = .from51to70
        case 71...: self = .from71
        default: return nil
        }
    }
}
