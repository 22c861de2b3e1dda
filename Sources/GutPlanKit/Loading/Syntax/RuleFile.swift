/// The result of parsing one `.rules` file: what parsed, and every error found along the way.
public struct RuleFile: Sendable, Equatable {
    public var path: String
    public var rules: [Rule]
    public var settings: [WeightSetting]
    /// Syntax errors, in source order. Parsing never throws: it recovers at the next `rule`.
    public var errors: [RuleSyntaxError]

    public init(path: String, rules: [Rule], settings: [WeightSetting], errors: [RuleSyntaxError]) {
        self.path = path
        self.rules = rules
        self.settings = settings
        self.errors = errors
    }
}
