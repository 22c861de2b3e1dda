/// The result of parsing one `.rules` file: what parsed, and every error found along the way.
struct RuleFile: Sendable, Equatable {
    var path: String
    var rules: [Rule]
    var settings: [WeightSetting]
    /// Syntax errors, in source order. Parsing never throws: it recovers at the next `rule`.
    var errors: [RuleSyntaxError]

    init(path: String, rules: [Rule], settings: [WeightSetting], errors: [RuleSyntaxError]) {
        self.path = path
        self.rules = rules
        self.settings = settings
        self.errors = errors
    }
}
