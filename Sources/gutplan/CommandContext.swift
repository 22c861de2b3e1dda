import Foundation
import GutPlanKit

/// The process's surroundings, passed to every command so tests and the real run share code.
struct CommandContext {
    var environment: [String: String]
    var stdoutIsTerminal: Bool
    /// Standard input is a terminal: a person can be asked questions.
    var stdinIsTerminal: Bool
    /// Columns of the terminal on standard output (only meaningful when it is one).
    var terminalWidth: Int
    /// The next line of standard input without its line break, `nil` at end of input.
    var readLine: () -> String?
    var writeOutput: (String) -> Void
    var writeError: (String) -> Void

    /// The real process: file descriptors 0, 1, 2 and the real environment.
    static func standard() -> CommandContext {
        let environment = ProcessInfo.processInfo.environment
        let isTerminal = Terminal.isTerminal(Terminal.standardOutput)
        return CommandContext(
            environment: environment,
            stdoutIsTerminal: isTerminal,
            stdinIsTerminal: Terminal.isTerminal(0),
            terminalWidth: Terminal.width(of: Terminal.standardOutput, environment: environment),
            readLine: { Swift.readLine(strippingNewline: true) },
            writeOutput: { writeAll($0, to: 1) },
            writeError: { writeAll($0, to: 2) })
    }

    /// Writes all bytes, retrying short writes; gives up quietly on errors (a closed pipe).
    private static func writeAll(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
