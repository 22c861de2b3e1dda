import Foundation
import Testing

/// `gutplan batch` through the built binary: a bad profile reported and skipped while the others
/// run, the summary, the worst exit code, outputs named after each profile with mode 0600,
/// re-runs that skip unchanged profiles, `--force`, an edited profile, plain progress when piped.
@Suite struct BatchCommandTests {
    static let ana = "name: Ana\nconfirmed: zinc\nstart: 2026-12-07\nnotes: Bring the food diary.\n"
    static let ben = "name: Ben\nsex: male\ndiet: vegetarian\nsuspected: b12\nstart: 2026-12-07\n"
    static let bad = "name: Bad\nsex: femal\nconfirmed: zinc\n"

    /// A scratch folder with `clients/` holding the given profiles; returns it and `clients/`.
    static func clients(_ profiles: [String: String]) throws -> (URL, URL) {
        let folder = try E2E.scratch()
        let clients = folder.appendingPathComponent("clients")
        try FileManager.default.createDirectory(at: clients, withIntermediateDirectories: true)
        for (name, text) in profiles { try Data(text.utf8).write(to: clients.appendingPathComponent(name)) }
        return (folder, clients)
    }

    static func mode(_ path: String) throws -> Int {
        try ((FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue) ?? -1
    }

    static func modified(_ path: String) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    }

    /// The output folder's files, without the manifest.
    static func outputs(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func aBadProfileIsReportedAndSkippedWhileTheOthersRun() throws {
        let (folder, clients) = try Self.clients(["ana.profile": Self.ana, "ben.profile": Self.ben, "bad.profile": Self.bad,
                                                  "notes.txt": "not a profile"])
        defer { E2E.remove(folder) }
        let out = folder.appendingPathComponent("plans")
        let result = try CLIHarness.run(["batch", clients.path, "--out", out.path, "--format", "json,html,ics"])
        #expect(result.status == 65, "the worst of ok, ok and bad data: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let badPath = clients.appendingPathComponent("bad.profile").path
        #expect(lines.contains { $0.hasPrefix("[") && $0.hasSuffix("] ana ok") })
        #expect(lines.contains { $0.hasPrefix("[") && $0.hasSuffix("] ben ok") })
        #expect(lines.contains { $0.hasPrefix("[") && $0.contains("] bad failed: \(badPath):2:6: error: unknown sex 'femal' (did you mean 'female'?)") })
        #expect(result.stderr.contains("\nsex: femal\n     ^\n"))
        #expect(Set(lines.filter { $0.hasPrefix("[") }.map { $0.prefix(while: { $0 != "]" }) }) == ["[1/3", "[2/3", "[3/3"])
        #expect(!result.stderr.contains("\r"), "plain progress lines when piped")
        #expect(result.stderr.hasSuffix("gutplan: batch: 2 planned, 0 unchanged, 1 failed\n"))

        #expect(try Self.outputs(out) == ["ana.html", "ana.ics", "ana.json", "ben.html", "ben.ics", "ben.json"])
        #expect(try Self.mode(out.path) == 0o700)
        for name in try Self.outputs(out) + [".gutplan-batch.json"] {
            #expect(try Self.mode(out.appendingPathComponent(name).path) == 0o600, "\(name)")
        }
        let ana = try E2E.json(String(contentsOf: out.appendingPathComponent("ana.json"), encoding: .utf8))
        #expect(ana["start"] as? String == "2026-12-07")
        #expect((ana["profile"] as? [String: Any])?["confirmed"] as? [String] == ["zinc"])
        let html = try String(contentsOf: out.appendingPathComponent("ben.html"), encoding: .utf8)
        #expect(html.contains("<h1>Meal plan for Ben</h1>") && html.contains("entered by you as suspected"))
        let anaHTML = try String(contentsOf: out.appendingPathComponent("ana.html"), encoding: .utf8)
        #expect(anaHTML.contains("<h3>From your practitioner</h3>\n<p>Bring the food diary.</p>"))
        let ics = try String(contentsOf: out.appendingPathComponent("ana.ics"), encoding: .utf8)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.contains("DTSTART") && ics.hasSuffix("END:VCALENDAR\r\n"))
    }

    @Test func theExitCodeIsTheWorst() throws {
        // A profile with no possible plan (no meal takes a minute) and a good one: 1.
        let (folder, clients) = try Self.clients(["ana.profile": Self.ana, "slow.profile": "confirmed: zinc\nmax-minutes: 1\n"])
        defer { E2E.remove(folder) }
        let out = folder.appendingPathComponent("plans").path
        let noPlan = try CLIHarness.run(["batch", clients.path, "--out", out])
        #expect(noPlan.status == 1, "\(noPlan.stderr)")
        #expect(noPlan.stderr.contains("] slow failed: ") && noPlan.stderr.hasSuffix("1 planned, 0 unchanged, 1 failed\n"))
        #expect(try Self.outputs(URL(fileURLWithPath: out)) == ["ana.json"])
        // A missing lab report outranks no plan: 66; a bad profile with it still 66.
        try Data("confirmed: zinc\nlabs: gone.csv\n".utf8).write(to: clients.appendingPathComponent("labs.profile"))
        let missing = try CLIHarness.run(["batch", clients.path, "--out", out])
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr.contains("] labs failed: ") && missing.stderr.contains("cannot read lab report 'gone.csv'"))
        #expect(missing.stderr.hasSuffix("0 planned, 1 unchanged, 2 failed\n"))
        // All good: 0.
        let good = try CLIHarness.run(["batch", clients.appendingPathComponent("ana.profile").path, "--out", out])
        #expect(good.status == 0 && good.stderr.hasSuffix("gutplan: batch: 0 planned, 1 unchanged, 0 failed\n"))
    }

    @Test func reRunsSkipUnchangedProfilesAndRedoForcedOrEditedOnes() throws {
        let (folder, clients) = try Self.clients(["ana.profile": Self.ana, "ben.profile": Self.ben])
        defer { E2E.remove(folder) }
        let out = folder.appendingPathComponent("plans")
        let arguments = ["batch", clients.path, "--out", out.path, "--format", "json,csv"]
        let first = try CLIHarness.run(arguments)
        #expect(first.status == 0 && first.stderr.hasSuffix("2 planned, 0 unchanged, 0 failed\n"), "\(first.stderr)")
        let anaJSON = out.appendingPathComponent("ana.json").path, benJSON = out.appendingPathComponent("ben.json").path
        let anaBytes = try Data(contentsOf: URL(fileURLWithPath: anaJSON))
        // A replaced output keeps its mode; give one a mode gutplan would not choose.
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: anaJSON)
        let (anaTime, benTime) = (try Self.modified(anaJSON), try Self.modified(benJSON))
        Thread.sleep(forTimeInterval: 1.1)  // so a rewritten file would show a later time

        let again = try CLIHarness.run(arguments)
        #expect(again.status == 0 && again.stderr.hasSuffix("0 planned, 2 unchanged, 0 failed\n"), "\(again.stderr)")
        #expect(try Self.modified(anaJSON) == anaTime && Self.modified(benJSON) == benTime)

        let forced = try CLIHarness.run(arguments + ["--force"])
        #expect(forced.status == 0 && forced.stderr.hasSuffix("2 planned, 0 unchanged, 0 failed\n"), "\(forced.stderr)")
        #expect(try Self.modified(anaJSON) != anaTime)
        #expect(try Data(contentsOf: URL(fileURLWithPath: anaJSON)) == anaBytes, "the same input gives the same bytes")
        #expect(try Self.mode(anaJSON) == 0o640)
        let benForced = try Self.modified(benJSON)

        // Editing one profile redoes only that one; a changed format list redoes all.
        try Data((Self.ana + "age: 50\n").utf8).write(to: clients.appendingPathComponent("ana.profile"))
        Thread.sleep(forTimeInterval: 1.1)
        let edited = try CLIHarness.run(arguments)
        #expect(edited.status == 0 && edited.stderr.hasSuffix("1 planned, 1 unchanged, 0 failed\n"), "\(edited.stderr)")
        #expect(try Self.modified(benJSON) == benForced)
        let anaEdited = try E2E.json(String(contentsOfFile: anaJSON, encoding: .utf8))
        #expect((anaEdited["profile"] as? [String: Any])?["age"] as? Int == 50)
        let reformatted = try CLIHarness.run(["batch", clients.path, "--out", out.path, "--format", "json"])
        #expect(reformatted.stderr.hasSuffix("2 planned, 0 unchanged, 0 failed\n"), "\(reformatted.stderr)")
        // A deleted output is written again.
        try FileManager.default.removeItem(atPath: benJSON)
        let restored = try CLIHarness.run(["batch", clients.path, "--out", out.path, "--format", "json"])
        #expect(restored.stderr.hasSuffix("1 planned, 1 unchanged, 0 failed\n") && FileManager.default.fileExists(atPath: benJSON))
    }

    @Test func usageAndMissingInput() throws {
        let (folder, clients) = try Self.clients(["ana.profile": Self.ana])
        defer { E2E.remove(folder) }
        let noOut = try CLIHarness.run(["batch", clients.path])
        #expect(noOut.status == 64 && noOut.stderr.contains("--out DIR is required"))
        let noInput = try CLIHarness.run(["batch", "--out", folder.path])
        #expect(noInput.status == 64)
        let format = try CLIHarness.run(["batch", clients.path, "--out", folder.path, "--format", "htm"])
        #expect(format.status == 64 && format.stderr.contains("unknown format 'htm' (did you mean 'html'?)"))
        let missing = try CLIHarness.run(["batch", folder.appendingPathComponent("nobody.profile").path, "--out", folder.path])
        #expect(missing.status == 66 && missing.stderr.contains("no such file or folder"))
        let help = try CLIHarness.run(["batch", "--help"])
        #expect(help.status == 0 && help.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}
