import Foundation
import Testing
@testable import GutPlanKit
@testable import GutPlanCLI

/// Messages that say what is wrong (issue 8, defects 9, 12, 13 and 14) and the error types
/// behind them.
@Suite struct MessageTests {
    static let rules = HardeningCLITests.rules

    @Test func labsThatAreNotReadableFiles() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let directory = try CLIHarness.run(["plan", "--rules", Self.rules, "--labs", folder.path])
        #expect(directory.status == 66)
        #expect(directory.stderr.contains("it is a directory, not a file"), "\(directory.stderr)")
        // A FIFO (or a process substitution, `--labs <(...)`) is now read as a stream (issue 10);
        // `LabInputTests` covers reading the report from standard input.
        let missing = try CLIHarness.run(["plan", "--rules", Self.rules, "--labs", folder.path + "/nope.csv"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("it does not exist"))
        if geteuid() != 0 {
            let locked = try E2E.labs(["ferritin,20,ng/mL"], in: folder)
            chmod(locked, 0)
            let denied = try CLIHarness.run(["plan", "--rules", Self.rules, "--labs", locked])
            #expect(denied.status == 66)
            #expect(denied.stderr.contains("Permission denied"))
        }
    }

    @Test func ruleDirectoriesAndDataFiles() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let file = folder.appendingPathComponent("file").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let notDirectory = try CLIHarness.run(["plan", "--confirmed", "zinc"], environment: ["GUTPLAN_RULES": file])
        #expect(notDirectory.status == 66)
        #expect(notDirectory.stderr.contains("it is not a directory"), "\(notDirectory.stderr)")
        let nope = try CLIHarness.run(["plan", "--confirmed", "zinc"], environment: ["GUTPLAN_RULES": "/nope"])
        #expect(nope.status == 66)
        #expect(nope.stderr.contains("/nope"))
        #expect(nope.stderr.contains("from the environment variable GUTPLAN_RULES"))
        #expect(!nope.stderr.contains("set GUTPLAN_RULES"), "\(nope.stderr)")
        let option = try CLIHarness.run(["rules", "check", "--rules", file])
        #expect(option.status == 66)
        #expect(option.stderr.contains("it is not a directory"))
        // A data file that is a directory is reported as such, not as missing.
        let copy = try HardeningCLITests.copyRules(into: folder)
        try FileManager.default.removeItem(at: copy.appendingPathComponent("steps.csv"))
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("steps.csv"), withIntermediateDirectories: false)
        let data = try CLIHarness.run(["rules", "check", "--rules", copy.path])
        #expect(data.status == 66)
        #expect(data.stderr.contains("steps.csv: it is a directory, not a file"), "\(data.stderr)")
        #expect(!data.stderr.contains("missing"))
    }

    /// A 130 KB argument is never echoed whole, wherever it goes.
    @Test func hugeArgumentsAreClipped() throws {
        let huge = String(repeating: "x", count: 130_000)
        for arguments in [[huge], ["plan", huge], ["plan", "--" + huge], ["plan", "--rules", Self.rules, "--confirmed", huge],
                          ["plan", "--rules", Self.rules, "--diet", huge], ["plan", "--rules", Self.rules, "--symptoms", huge],
                          ["plan", "--rules", Self.rules, "--confirmed", "zinc", "--exclude", huge],
                          ["plan", "--rules", Self.rules, "--labs", "/" + huge], ["plan", "--rules", "/" + huge],
                          ["plan", "--rules", Self.rules, "--confirmed", "zinc", "-o", "/nonexistent/" + huge], ["help", huge]] {
            let result = try CLIHarness.run(arguments)
            #expect(result.status != 0)
            #expect(result.stderr.utf8.count < 5_000, "\(arguments.map { $0.prefix(20) }): \(result.stderr.utf8.count) bytes")
        }
    }

    /// However many problems a rule directory has, at most 50 are listed.
    @Test func manyProblemsAreCapped() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let rules = try HardeningCLITests.copyRules(into: folder)
        let text = (0..<500).map { "rule bad-\($0) when flagged no-such-nutrient-\($0) then note \"x\"\n" }.joined()
        try Data(text.utf8).write(to: rules.appendingPathComponent("60-bad.rules"))
        let result = try CLIHarness.run(["rules", "check", "--rules", rules.path])
        #expect(result.status == 65)
        let located = result.stderr.split(separator: "\n").filter { $0.contains("60-bad.rules:") && $0.contains("error:") }
        #expect(located.count <= ExitCodes.diagnosticLimit && located.count > 0, "\(located.count)")
        #expect(result.stderr.contains("more problems not shown"), "\(result.stderr.suffix(300))")
    }

    @Test func columnsAreClampedToASaneRange() {
        #expect(Terminal.columns(from: ["COLUMNS": "1000000"]) == 500)
        #expect(Terminal.columns(from: ["COLUMNS": "99999999999999999999"]) == nil)
        #expect(Terminal.columns(from: ["COLUMNS": "5"]) == 20)
        #expect(Terminal.columns(from: ["COLUMNS": "0"]) == nil)
        #expect(Terminal.columns(from: ["COLUMNS": "132"]) == 132)
        // A descriptor that is not a terminal reports no size: COLUMNS decides, clamped.
        #expect(Terminal.width(of: -1, environment: ["COLUMNS": "1000000"]) == 500)
    }

    /// Exit codes come from the executable's mapping; an internal failure is 70 and asks for a report.
    @Test func errorsMapToExitCodes() {
        let cases: [(CLIError, Int32)] = [
            (.usage("u"), 64), (.cannotRead("r"), 66), (.cannotWrite("w"), 73), (.ioError("i"), 74), (.brokenPipe, 141),
            (.library(.invalidRequest("age")), 64), (.library(.badData([])), 65), (.library(.missingInput("m")), 66),
            (.library(.noPlan("n")), 1), (.library(.internalFailure("bound below score")), 70),
        ]
        for (error, code) in cases { #expect(ExitCodes.code(for: error) == code, "\(error)") }
        final class Lines: @unchecked Sendable { var text = "" }
        let lines = Lines()
        let context = CommandContext(environment: [:], stdoutIsTerminal: false, stdinIsTerminal: false, terminalWidth: 80,
                                     readLine: { .end }, writeOutput: { _ in }, writeError: { lines.text += $0 })
        #expect(ExitCodes.report(.library(.internalFailure("the bound fell below the score")), command: "plan", context: context) == 70)
        #expect(lines.text.contains("internal error: the bound fell below the score"))
        #expect(lines.text.contains("Please report it"))
        lines.text = ""
        #expect(ExitCodes.report(.brokenPipe, command: "plan", context: context) == 141)
        #expect(lines.text.isEmpty)
    }

    /// Defect 14: the executable builds on Darwin too. Linux cannot compile for macOS, so check
    /// the discipline that makes it work: no call qualified by a C library module, and every
    /// import of one inside `#if canImport`.
    @Test func platformImportsAreConditional() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = try FileManager.default.subpathsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for module in ["Glibc", "Musl", "Darwin"] {
                #expect(text.range(of: "\\b\(module)\\.[a-z]", options: .regularExpression) == nil,
                        "\(file) calls \(module).something directly")
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                for (index, line) in lines.enumerated() where line.trimmingCharacters(in: .whitespaces) == "import \(module)" {
                    let guardLine = index > 0 ? lines[index - 1] : ""
                    #expect(guardLine.contains("canImport(\(module))"), "\(file):\(index + 1) imports \(module) unguarded")
                }
            }
        }
    }
}
