extension RuleSyntaxError {
    /// This error as an error `Diagnostic`, with `sourceLine` (the text of line
    /// `location.line`) for the caret display.
    func diagnostic(sourceLine: String?) -> Diagnostic {
        Diagnostic(.error, message, at: location, sourceLine: sourceLine)
    }
}
