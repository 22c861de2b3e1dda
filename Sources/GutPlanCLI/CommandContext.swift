import Foundation
import GutPlanKit

/// The process's surroundings, passed to every command so tests and the real run share code.
struct CommandContext {
    /// The environment variables the commands read (`variables`), by name.
    var environment: [String: String]
    var stdoutIsTerminal: Bool
    /// Standard input is a terminal: a person can be asked questions.
    var stdinIsTerminal: Bool
    /// Columns of the terminal on standard output (only meaningful when it is one).
    var terminalWidth: Int
    /// The next line of standard input.
    var readLine: () -> InputLine
    /// Writes to standard output; every write is checked (`.ioError`, `.brokenPipe`).
    var writeOutput: (String) throws(CLIError) -> Void
    /// Writes to standard error; failures there cannot be reported anywhere and are ignored.
    var writeError: (String) -> Void

    /// The real process: file descriptors 0, 1, 2 and the real environment. Output is written
    /// with `write(2)` unbuffered, so there is nothing left to flush at exit.
    static func standard() -> CommandContext {
        let environment = environmentVariables()
        let reader = LineReader(descriptor: Terminal.standardInput)
        return CommandContext(
            environment: environment,
            stdoutIsTerminal: Terminal.isTerminal(Terminal.standardOutput),
            stdinIsTerminal: Terminal.isTerminal(Terminal.standardInput),
            terminalWidth: Terminal.width(of: Terminal.standardOutput, environment: environment),
            readLine: { reader.next() },
            writeOutput: { (text: String) throws(CLIError) in
                try OutputTarget.writeDirectly(text, to: Terminal.standardOutput, shown: "standard output")
            },
            writeError: { _ = POSIX.writeAll($0, to: Terminal.standardError) })
    }

    /// Every environment variable a command reads: the rule directory, the text width, colour.
    static let variables = ["GUTPLAN_RULES", "COLUMNS", "NO_COLOR", "TERM"]

    /// `variables` as set in this process. Only these are read (`getenv`), not the whole
    /// environment into a dictionary, which cost about 1 ms of every run.
    static func environmentVariables() -> [String: String] {
        var found: [String: String] = [:]
        for name in variables {
            if let value = getenv(name) { found[name] = String(cString: value) }
        }
        return found
    }
}
