import GutPlanKit
/// Asks questions one at a time: prompts go to `output` (standard error in the CLI), answers are
/// read one per line from `readLine`. An empty answer keeps the default; an answer the `parse`
/// closure rejects is reported and the question asked again. End of input stops with
/// `GutPlanError.usage` (exit 64) naming the question.
public struct Prompter {
    /// Why an answer was rejected, e.g. `unknown diet 'vegn' (did you mean 'vegan'?)`.
    public struct Rejection: Error, Sendable, Equatable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }

    private let readLine: () -> String?
    private let output: (String) -> Void

    /// - Parameters:
    ///   - readLine: the next answer without its line break, or `nil` at end of input.
    ///   - output: writes prompt text (no line break is added).
    public init(readLine: @escaping () -> String?, output: @escaping (String) -> Void) {
        self.readLine = readLine
        self.output = output
    }

    /// Asks `question`, showing `shownDefault` in brackets, until an answer parses.
    /// Returns `defaultValue` for an empty answer.
    public func ask<Value>(_ question: String, shownDefault: String, defaultValue: Value,
                           parse: (String) throws(Rejection) -> Value) throws(GutPlanError) -> Value {
        while true {
            output(shownDefault.isEmpty ? "\(question): " : "\(question) [\(shownDefault)]: ")
            guard let line = readLine() else {
                output("\n")
                throw GutPlanError.usage("input ended before the question '\(question)' was answered")
            }
            let answer = line.trimmingWhitespace
            if answer.isEmpty { return defaultValue }
            do {
                return try parse(answer)
            } catch {
                output("  \(error.message); please try again (empty keeps [\(shownDefault)])\n")
            }
        }
    }
}

extension String {
    /// Without leading and trailing white space (spaces, tabs, CR, LF).
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
