// STUB — replaced by the parser branch
// Only the API the loader uses: `RuleParser.parse(_:path:)`, `RuleFile.rules/.settings/.errors`,
// `RuleSyntaxError.location` and `.message`.

/// Parses the text of one `.rules` file. (Stub: returns an empty file.)
public enum RuleParser {
    public static func parse(_ text: String, path: String) -> RuleFile {
        RuleFile(path: path, rules: [], settings: [], errors: [])
    }
}

extension RuleSyntaxError {
    public var location: SourceLocation {
        switch self {
        case .unexpected(_, _, let at): return at
        }
    }

    public var message: String {
        switch self {
        case .unexpected(let found, let expected, _): return "expected \(expected), found \(found)"
        }
    }
}
