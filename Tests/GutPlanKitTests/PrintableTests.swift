import Foundation
import Testing
@testable import GutPlanKit

/// Defect 6 (issue 8): text from files reached the terminal raw, so a lab report could set the
/// window title or write the clipboard (OSC 52). One helper, `printable`, shows every control
/// and format character visibly; diagnostics, the text, Markdown and CSV renderers use it, and
/// the CSV reader and rule lexer reject C1 controls and bidi overrides in their input.
@Suite struct PrintableTests {
    /// Every scalar that could act on a terminal, and a few that must stay as they are.
    static let hostile = "a\u{1B}]52;c;ZXZpbA==\u{07}b\u{9B}31m\u{202E}evil\u{2066}\u{7F}\u{200B}\u{0}\u{85}"

    static func hasRawControls(_ text: String, allowingLineBreaks: Bool = true) -> Bool {
        text.unicodeScalars.contains { $0.needsEscaping && !(allowingLineBreaks && $0 == "\n") }
    }

    @Test func controlsAndFormatCharactersAreShownVisibly() {
        #expect(Self.hostile.printable == "a\\e]52;c;ZXZpbA==U+0007bU+009B31mU+202EevilU+2066U+007FU+200BU+0000U+0085")
        #expect("tab\there\nline\r".printable == "tab\\there\\nline\\r")
        #expect("µg/L café ✓ 日本 👩‍⚕️".printable == "µg/L café ✓ 日本 👩U+200D⚕️")
        #expect("plain".printable == "plain")
        #expect("\u{1B}[31m".printable.printable == "\u{1B}[31m".printable)  // idempotent
        #expect(!Self.hasRawControls(Self.hostile.printable, allowingLineBreaks: false))
    }

    @Test func diagnosticsShowMessagesPathsAndSourceLinesPrintableWithTheCaretAligned() {
        let location = GutPlanKit.SourceLocation(path: "l\u{1B}[2Jabs.csv", line: 2, column: 4)
        let diagnostic = Diagnostic(.error, "unknown lab test 'x\u{1B}]0;pwned\u{07}'", at: location,
                                    sourceLine: "\u{1B}\tx\u{202E}y,1,ng/mL")
        #expect(diagnostic.message == "unknown lab test 'x\\e]0;pwnedU+0007'")
        #expect(diagnostic.rendered == """
            l\\e[2Jabs.csv:2:4: error: unknown lab test 'x\\e]0;pwnedU+0007'
            \\e\\txU+202Ey,1,ng/mL
                 ^
            """)
        // The caret stands under the fourth scalar (U+202E, shown from the sixth column on).
        let lines = diagnostic.rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1].dropFirst(lines[2].count - 1).hasPrefix("U+202E"))
        // Past the end of the line, the caret still moves by the escapes' extra width.
        let end = Diagnostic(.error, "x", at: GutPlanKit.SourceLocation(path: "p", line: 1, column: 3), sourceLine: "\u{1B}a")
        #expect(end.rendered.hasSuffix("\n\\ea\n   ^"))
    }

    @Test func renderersNeverEmitRawControls() throws {
        let plan = PlanFixture.plan(mealName: "Oats\u{1B}]0;title\u{07}", notes: ["note \u{202E}desrever\u{202C} \u{9B}2J"])
        let text = plan.text(width: 80)
        #expect(!Self.hasRawControls(text))
        #expect(text.contains("Oats\\e]0;titleU+0007"))
        #expect(text.contains("note U+202EdesreverU+202C U+009B2J"))
        #expect(!Self.hasRawControls(plan.text(width: 40)))
        let markdown = plan.markdown()
        #expect(!Self.hasRawControls(markdown))
        #expect(markdown.contains("Oats\\\\e]0;titleU+0007"))  // Markdown escapes the backslash
        let csv = plan.csv()
        #expect(!csv.unicodeScalars.contains { $0.needsEscaping && $0 != "\n" && $0 != "\r" })
        #expect(TextLayout.truncate("a\u{1B}b", 10) == "a\\eb")
        #expect(TextLayout.padLeft("\u{85}", 7) == " U+0085")
    }

    @Test func csvReaderRejectsC1ControlsAndBidiOverrides() {
        let text = "test,value,unit\nferr\u{85}itin,1,ng/mL\n\"b12\u{202E}\",2,pg/mL\nzinc,3,ug/dL\u{2069}\n"
        let read = CSVTable.read(Data(text.utf8), path: "r.csv",
                                 columns: .named(required: ["test", "value", "unit"], optional: [], ignoringCase: true, allowingOthers: true))
        #expect(read.diagnostics.map(\.description) == [
            "r.csv:2:5: error: control character U+0085 in a field",
            "r.csv:3:5: error: bidirectional control character U+202E in a field",
            "r.csv:4:13: error: bidirectional control character U+2069 in a field",
        ])
        // Other non-ASCII text is untouched.
        let fine = CSVTable.read(Data("a\nµg ✓ \u{2028}\n".utf8), path: "f.csv", columns: .exactly(["a"]))
        #expect(fine.diagnostics.isEmpty)
    }

    @Test func ruleFilesRejectBidiOverrides() {
        let file = RuleParser.parse("# hidden \u{202E} comment\nrule a when always then note \"x\u{2067}y\"", path: "t.rules")
        #expect(file.errors.map(\.message) == [
            "invalid control character U+202E; rule files are plain text",
            "invalid control character U+2067; rule files are plain text",
        ])
    }
}
