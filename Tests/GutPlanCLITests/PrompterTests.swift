import Testing
@testable import GutPlanKit
@testable import GutPlanCLI

@Suite struct HardeningPrompterTests {
    /// Answers that never parse, then the end of input: the question is asked once per answer and
    /// the end of input is a usage error, never a loop.
    @Test func rejectedAnswersThenEndOfInput() {
        var answers: [InputLine] = [.text(String(repeating: "x", count: 1 << 20)), .text("\u{0}\u{FFFD}"), .tooLong, .end]
        var asked = 0
        let prompter = Prompter(readLine: { answers.isEmpty ? .end : answers.removeFirst() },
                                output: { if $0.hasSuffix(": ") { asked += 1 } }, attemptLimit: nil)
        #expect(throws: CLIError.usage("input ended before the question 'Diet' was answered")) {
            _ = try prompter.ask("Diet", shownDefault: "omnivore", defaultValue: Diet.omnivore) { (text: String) throws(Prompter.Rejection) -> Diet in
                guard let diet = Diet(rawValue: text) else { throw Prompter.Rejection("unknown diet") }
                return diet
            }
        }
        #expect(asked == 4)
    }
}
