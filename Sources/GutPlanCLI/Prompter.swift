import GutPlanKit

/// Asks questions one at a time: prompts go to `output` (standard error in the CLI), answers are
/// read one per line from `readLine`. An empty answer keeps the default; an answer the `parse`
/// closure rejects is reported and the question asked again — without end for a person at a
/// terminal, at most `attemptLimit` times otherwise (`yes | gutplan plan -i` must stop). End of
/// input, too many rejected answers and an endless line stop with `CLIError.usage` (exit 64)
/// naming the question.
struct Prompter {
    /// Why an answer was rejected, e.g. `unknown diet 'vegn' (did you mean 'vegan'?)`.
    struct Rejection: Error, Sendable, Equatable {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// Rejected answers allowed per question when input is not a terminal.
    static let defaultAttemptLimit = 3

    private let readLine: () -> InputLine
    private let output: (String) -> Void
    private let attemptLimit: Int?

    /// - Parameters:
    ///   - readLine: the next answer.
    ///   - output: writes prompt text (no line break is added).
    ///   - attemptLimit: answers per question before giving up; `nil` asks without end.
    init(readLine: @escaping () -> InputLine, output: @escaping (String) -> Void, attemptLimit: Int?) {
        self.readLine = readLine
        self.output = output
        self.attemptLimit = attemptLimit
    }

    /// Asks `question`, showing `shownDefault` in brackets, until an answer parses and passes
    /// `check`. An empty answer means `defaultValue`, which must pass `check` too.
    func ask<Value>(_ question: String, shownDefault: String, defaultValue: Value,
                    parse: (String) throws(Rejection) -> Value,
                    check: (Value) throws(Rejection) -> Void = { _ in }) throws(CLIError) -> Value {
        var rejected = 0
        while true {
            output(TerminalText.safe(shownDefault.isEmpty ? "\(question): " : "\(question) [\(shownDefault.clipped(to: 200))]: "))
            let problem: String
            switch readLine() {
            case .end:
                output("\n")
                throw .usage("input ended before the question '\(question)' was answered")
            case .unterminated:
                output("\n")
                throw .usage("the answer to '\(question)' is longer than \(LineReader.lineLimit) bytes and has no line break")
            case .tooLong:
                problem = "the answer is longer than \(LineReader.lineLimit) bytes"
            case .text(let line):
                let answer = line.trimmedSpaces
                do throws(Rejection) {
                    let value = answer.isEmpty ? defaultValue : try parse(answer)
                    try check(value)
                    return value
                } catch {
                    problem = error.message
                }
            }
            rejected += 1
            output("  \(TerminalText.safe(problem.clipped(to: 400))); please try again (empty keeps [\(TerminalText.safe(shownDefault.clipped(to: 200)))])\n")
            if let attemptLimit, rejected >= attemptLimit {
                throw .usage("gave up on the question '\(question)' after \(rejected) rejected answers "
                    + "(standard input is not a terminal)")
            }
        }
    }
}

extension String {
    /// Without leading and trailing white space and line breaks: the one trimmer of typed text
    /// (answers and option values) in the front end.
    var trimmedSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
