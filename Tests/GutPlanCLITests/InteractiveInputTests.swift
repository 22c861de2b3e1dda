import Foundation
import Testing
@testable import GutPlanCLI

/// Interactive input is bounded (issue 8, defect 8): line length, rejected answers, echo.
@Suite struct InteractiveInputTests {
    static let plan = ["plan", "--rules", HardeningCLITests.rules, "--interactive"]

    /// `-i </dev/zero`: one endless line. It must stop at once with 64, in constant memory
    /// (the reader keeps at most 4 KiB of a line and skips at most 1 MiB looking for its end).
    @Test func endlessLineFromDevZero() throws {
        let zero = try #require(FileHandle(forReadingAtPath: "/dev/zero"))
        defer { try? zero.close() }
        let result = try CLIHarness.run(Self.plan, stdin: zero)
        #expect(result.status == 64, "\(result.stderr.suffix(300))")
        #expect(result.stderr.contains("longer than 4096 bytes and has no line break"))
        #expect(result.stderr.utf8.count < 5_000)
    }

    /// `yes | gutplan plan -i`: the same wrong answer again and again stops after three.
    @Test func repeatedWrongAnswersStop() throws {
        let result = try CLIHarness.run(Self.plan, stdin: String(repeating: "y\n", count: 100_000))
        #expect(result.status == 64)
        #expect(result.stderr.contains("gave up on the question 'Lab-confirmed deficiencies (comma-separated)' after 3 rejected answers"),
                "\(result.stderr.suffix(400))")
        // Empty answers that leave nothing flagged count as rejected too (`yes ''`).
        let empty = try CLIHarness.run(Self.plan, stdin: String(repeating: "\n", count: 100_000))
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("gave up on the question 'Suspected deficiencies (comma-separated)'"), "\(empty.stderr.suffix(400))")
    }

    /// An over-long answer is rejected and skipped; the next line is the next answer.
    @Test func overLongAnswerIsRejectedThenTheNextLineCounts() throws {
        let long = String(repeating: "z", count: 10_000)
        let result = try CLIHarness.run(Self.plan + ["--format", "json"], stdin: "\(long)\nzinc\n\n\n\n\n\n")
        #expect(result.status == 0, "\(result.stderr.suffix(400))")
        #expect(result.stderr.contains("the answer is longer than 4096 bytes"))
        #expect(!result.stderr.contains(String(repeating: "z", count: 300)))
        #expect(result.stdout.contains("\"zinc\": \"confirmed\""))
    }

    /// Echoed answers are clipped and shown without their control characters.
    @Test func echoIsClippedAndPrintable() throws {
        let hostile = "\u{1B}]52;c;ZXZpbA==\u{07}" + String(repeating: "\u{1B}[2J", count: 500)
        let result = try CLIHarness.run(Self.plan, stdin: hostile + "\n")
        #expect(result.status == 64)
        #expect(!result.stderr.unicodeScalars.contains("\u{1B}"))
        #expect(!result.stderr.unicodeScalars.contains("\u{07}"))
        #expect(result.stderr.contains("\\e]52;c;ZXZpbA==U+0007"))
    }

    @Test func lineReaderKeepsMemoryBounded() throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        let text = String(repeating: "a", count: 10_000) + "\nshort\r\n" + String(repeating: "b", count: 50_000)
        #expect(POSIX.writeAll(text, to: descriptors[1]) == nil)
        close(descriptors[1])
        defer { close(descriptors[0]) }
        let reader = LineReader(descriptor: descriptors[0], lineLimit: 4_096, skipLimit: 20_000)
        #expect(reader.next() == .tooLong)
        #expect(reader.next() == .text("short"))
        #expect(reader.next() == .unterminated)
        #expect(reader.next() == .end)
    }
}
