import Foundation
import Testing

/// `gutplan plan --profile FILE` through the built binary: every kind of error in a profile,
/// with its exit code and located message, and options given on the command line overriding
/// the file.
@Suite struct ProfilePlanTests {
    /// Writes `text` as `name` in `folder`; returns its path.
    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func aMissingFileOrAFolderIsMissingInput() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let missing = folder.appendingPathComponent("nope.profile").path
        let result = try CLIHarness.run(["plan", "--profile", missing])
        #expect(result.status == 66)
        #expect(result.stderr == "gutplan: error: cannot read profile '\(missing)': no such file\n")
        let directory = try CLIHarness.run(["plan", "--profile", folder.path])
        #expect(directory.status == 66)
        #expect(directory.stderr == "gutplan: error: cannot read profile '\(folder.path)': it is a folder\n")
    }

    /// Each kind of bad line: the exit code, then `path:line:col: error: message`, the line, a
    /// caret under the column, and the count.
    @Test(arguments: [
        ("name: Ben\ndite: vegan\nconfirmed: zinc\n", 2, 1, "unknown key 'dite' (did you mean 'diet'?); see docs/PROFILES.md for the keys",
         "dite: vegan", "^"),
        ("diet: vegitarian\nconfirmed: zinc\n", 1, 7,
         "unknown diet 'vegitarian' (did you mean 'vegetarian'?); choose omnivore, pescatarian, vegetarian or vegan",
         "diet: vegitarian", "      ^"),
        ("age: 40\nconfirmed: zinc\nage: 41\n", 3, 1, "'age' given twice (first at line 1); give it once", "age: 41", "^"),
        ("confirmed: zinc, vitamn c\n", 1, 18, "unknown nutrient 'vitamn c' (did you mean 'vitamin c'?); see 'gutplan nutrients' for the names",
         "confirmed: zinc, vitamn c", "                 ^"),
        ("confirmed: zinc\nstart: 2026-13-01\n", 2, 8, "'2026-13-01' is not a date: write YYYY-MM-DD, e.g. 2026-12-07",
         "start: 2026-13-01", "       ^"),
        ("confirmed zinc\n", 1, 11, "expected ':' after 'confirmed' (lines are 'key: value')", "confirmed zinc", "          ^"),
    ])
    func aBadLineIsLocatedWithItsLineAndACaret(_ text: String, _ line: Int, _ column: Int, _ message: String,
                                               _ sourceLine: String, _ caret: String) throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let path = try Self.write(text, "client.profile", in: folder)
        let result = try CLIHarness.run(["plan", "--profile", path])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "\(path):\(line):\(column): error: \(message)\n\(sourceLine)\n\(caret)\ngutplan: error: found 1 problem\n")
    }

    @Test func aMissingLabReportIsMissingInputAtItsLine() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let path = try Self.write("confirmed: zinc\nlabs: missing.csv\n", "client.profile", in: folder)
        let result = try CLIHarness.run(["plan", "--profile", path])
        #expect(result.status == 66)
        let resolved = folder.appendingPathComponent("missing.csv").path
        #expect(result.stderr.contains("\(path):2:7: error: cannot read lab report 'missing.csv' (\(resolved)): no such file\n"
            + "labs: missing.csv\n      ^\n"))
        // A lab report path naming a folder.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("labs.csv"), withIntermediateDirectories: false)
        let folderLabs = try Self.write("confirmed: zinc\nlabs: labs.csv\n", "folder.profile", in: folder)
        let second = try CLIHarness.run(["plan", "--profile", folderLabs])
        #expect(second.status == 66)
        #expect(second.stderr.contains("cannot read lab report 'labs.csv'") && second.stderr.contains("it is a folder"))
    }

    @Test func aBadLabReportIsBadDataLocatedInTheReport() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let labs = try E2E.labs(["ferritin,twelve,ng/mL"], in: folder, name: "bad.csv")
        let path = try Self.write("confirmed: zinc\nlabs: bad.csv\n", "client.profile", in: folder)
        let result = try CLIHarness.run(["plan", "--profile", path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("\(labs):2:10: error: value 'twelve' is not a number"))
        #expect(result.stderr.contains("\nferritin,twelve,ng/mL\n         ^\n"))
        #expect(result.stderr.hasSuffix("gutplan: error: found 1 problem\n"))
    }

    @Test func everyErrorOfAFileIsReportedInOneRun() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let path = try Self.write("sex: femal\nage: 12\nconfirmed: zinc, vitamin Q\nlabs: missing.csv\nsleep: 8h\n", "client.profile", in: folder)
        let result = try CLIHarness.run(["plan", "--profile", path])
        #expect(result.status == 65, "bad data outranks the missing lab report")
        let located = result.stderr.split(separator: "\n").filter { $0.hasPrefix(path + ":") }.map { String($0.dropFirst(path.count + 1)) }
        #expect(located.map { $0.split(separator: ":").prefix(2).joined(separator: ":") } == ["1:6", "2:6", "3:18", "4:7", "5:1"])
        #expect(result.stderr.contains("unknown sex 'femal' (did you mean 'female'?)"))
        #expect(result.stderr.contains("unknown key 'sleep'"))
        #expect(result.stderr.hasSuffix("gutplan: error: found 5 problems\n"))
    }

    @Test func optionsOnTheCommandLineOverrideTheFile() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let path = try Self.write("""
            name: Ben Okafor
            sex: male
            age: 52
            diet: omnivore
            exclude: dairy
            confirmed: zinc
            start: 2026-12-07
            servings: 2

            """, "ben.profile", in: folder)
        let fromFile = try CLIHarness.run(["plan", "--profile", path, "--format", "json"])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let file = try E2E.json(fromFile.stdout)
        let fileProfile = file["profile"] as? [String: Any]
        #expect(fileProfile?["sex"] as? String == "male" && fileProfile?["age"] as? Int == 52)
        #expect(fileProfile?["exclude"] as? [String] == ["dairy"] && file["start"] as? String == "2026-12-07")

        let result = try CLIHarness.run(["plan", "--profile", path, "--format", "json", "--age", "60", "--diet", "vegetarian",
                                         "--suspected", "b12", "--start", "2027-01-04", "--servings", "3", "--exclude", "gluten"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try E2E.json(result.stdout)
        let profile = json["profile"] as? [String: Any]
        #expect(profile?["sex"] as? String == "male", "not given: from the file")
        #expect(profile?["age"] as? Int == 60 && profile?["diet"] as? String == "vegetarian")
        #expect(profile?["exclude"] as? [String] == ["gluten"], "a list given replaces the file's")
        #expect(profile?["confirmed"] as? [String] == ["zinc"] && profile?["suspected"] as? [String] == ["vitamin-b12"])
        #expect(json["start"] as? String == "2027-01-04" && json["servings"] as? Int == 3)
    }
}
