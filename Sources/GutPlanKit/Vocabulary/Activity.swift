/// How active a person is, as the Dietary Guidelines for Americans estimate calorie needs.
public enum Activity: String, Sendable, CaseIterable, Codable {
    /// Only the light activity of day-to-day life.
    case sedentary
    /// Walking about 1.5 to 3 miles a day at 3 to 4 miles per hour, beyond day-to-day life.
    case moderate
    /// Walking more than 3 miles a day at 3 to 4 miles per hour, beyond day-to-day life.
    case active
}
