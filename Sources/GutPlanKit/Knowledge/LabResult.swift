/// One line of a person's lab report, as entered (unit not yet converted).
public struct LabResult: Sendable, Equatable, Codable {
    /// Lab test id after alias resolution (`25-hydroxyvitamin-d`).
    public var test: String
    public var value: Double
    /// The unit as written on the report (`nmol/L`).
    public var unit: String
    /// Where the line came from, for messages.
    public var location: SourceLocation?

    public init(test: String, value: Double, unit: String, location: SourceLocation? = nil) {
        self.test = test
        self.value = value
        self.unit = unit
        self.location = location
    }
}
