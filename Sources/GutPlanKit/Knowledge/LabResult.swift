/// One line of a person's lab report, as entered (unit not yet converted).
public struct LabResult: Sendable, Equatable, Codable {
    /// How a value was written: exactly, or censored at a detection or reporting limit, as
    /// labs print values outside their measuring range (`<5`, `≤ 5`, `>150`).
    public enum Qualifier: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
        case exact = ""
        /// `<x`: below `x`.
        case below = "<"
        /// `<=x` or `≤x`: at most `x`.
        case atMost = "<="
        /// `>x`: above `x`.
        case above = ">"
        /// `>=x` or `≥x`: at least `x`.
        case atLeast = ">="

        /// `< 5 ng/mL` style prefix for messages (empty for exact values).
        public var prefix: String { self == .exact ? "" : rawValue + " " }

        /// How the value was read, in words (`below 5 ng/mL`); `nil` for an exact value.
        public func reading(_ value: String) -> String? {
            switch self {
            case .exact: return nil
            case .below: return "below \(value)"
            case .atMost: return "at most \(value)"
            case .above: return "above \(value)"
            case .atLeast: return "at least \(value)"
            }
        }
    }

    /// Lab test id after alias resolution (`25-hydroxyvitamin-d`).
    public var test: String
    public var value: Double
    /// The unit as written on the report (`nmol/L`).
    public var unit: String
    /// Exact, or censored (`<5`): then `value` is the limit.
    public var qualifier: Qualifier
    /// When the sample was taken (`YYYY-MM-DD`), when the report says.
    public var date: String?
    /// Earlier results of the same test in the report, oldest first (this one is the latest
    /// and is the one that counts).
    public var earlier: [LabResult]
    /// Where the line came from, for messages.
    public var location: SourceLocation?

    public init(test: String, value: Double, unit: String, qualifier: Qualifier = .exact, date: String? = nil,
                earlier: [LabResult] = [], location: SourceLocation? = nil) {
        self.test = test
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.date = date
        self.earlier = earlier
        self.location = location
    }
}
