/// Biological sex, which selects the reference intakes.
public enum Sex: String, Sendable, CaseIterable, Codable {
    case female
    case male
}
