import Foundation
import Testing
@testable import GutPlanKit

/// `gutplan profile new FILE` through the built binary: answers from a pipe, re-asked answers,
/// giving up, refusing to overwrite, the file's mode, and a round trip through `plan --profile`.
@Suite struct ProfileNewTests {
    /// One answer a line, in the order of the questions (see `ProfileNewCommand.questions`),
    /// then the note lines and the empty line that ends them.
    static func answers(name: String = "Ana Ruiz", sex: String = "female", age: String = "42", activity: String = "moderate",
                        diet: String = "vegetarian", exclude: String = "gluten, overnight-oats-kefir-blueberries",
                        confirmed: String = "iron, vitamin D", suspected: String = "b12", symptoms: String = "fatigue, bloating",
                        supplements: String = "vitamin-d=25ug", labs: String = "ana-labs.csv", start: String = "2026-12-07",
                        mealTimes: String = "breakfast=07:00, dinner=19:15", servings: String = "2",
                        maxMinutes: String = "breakfast=15", notes: [String] = ["First visit", "Retest ferritin in 8 weeks"]) -> String {
        ([name, sex, age, activity, diet, exclude, confirmed, suspected, symptoms, supplements, labs, start, mealTimes,
          servings, maxMinutes] + notes + [""]).joined(separator: "\n") + "\n"
    }

    static let anaText = """
        name: Ana Ruiz
        sex: female
        age: 42
        activity: moderate
        diet: vegetarian
        exclude: gluten, overnight-oats-kefir-blueberries
        confirmed: iron, vitamin D
        suspected: b12
        symptoms: fatigue, bloating
        supplements: vitamin-d=25ug
        labs: ana-labs.csv
        start: 2026-12-07
        servings: 2
        meal-times: breakfast=07:00, dinner=19:15
        max-minutes: breakfast=15
        notes: First visit
        notes: Retest ferritin in 8 weeks

        """

    static func mode(_ path: String) throws -> Int {
        try ((FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue) ?? -1
    }

    /// A scratch folder with the lab report the answers name, and the profile path in it.
    static func folder() throws -> (URL, String) {
        let folder = try E2E.scratch()
        _ = try E2E.labs(["ferritin,12,ng/mL"], in: folder, name: "ana-labs.csv")
        return (folder, folder.appendingPathComponent("ana.profile").path)
    }

    @Test func pipedAnswersWriteAProfileThatPlansAndReadsBack() throws {
        let (folder, path) = try Self.folder()
        defer { E2E.remove(folder) }
        // Run from another folder: the lab report is found next to the profile, not here.
        let elsewhere = try E2E.scratch()
        defer { E2E.remove(elsewhere) }
        let result = try CLIHarness.run(["profile", "new", path], stdin: Self.answers(), in: elsewhere)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == Self.anaText)
        #expect(try Self.mode(path) == 0o600)
        // The transcript echoes each answer after its question.
        #expect(result.stderr.contains("Client's name [none]: Ana Ruiz\n"))
        #expect(result.stderr.contains("Notes for the report, line 3 [end]: \n"))
        #expect(result.stderr.contains("gutplan: wrote \(path.clipped(to: 200, keepEnd: true))"))

        // Read back as `plan --profile` reads it: the same answers.
        let gutplan = try GutPlan.load(rules: HardeningCLITests.rules)
        let client = try gutplan.readProfile(at: path)
        #expect(client.name == "Ana Ruiz")
        #expect(client.input.sex == .female && client.input.age == 42 && client.input.activity == .moderate)
        #expect(client.input.diet == .vegetarian)
        #expect(client.input.exclude == ["gluten", "overnight-oats-kefir-blueberries"])
        #expect(client.input.confirmed == ["iron", "vitamin D"] && client.input.suspected == ["b12"])
        #expect(client.input.symptoms == ["fatigue", "bloating"] && client.input.supplements == ["vitamin-d=25ug"])
        #expect(client.labsReference == "ana-labs.csv" && client.input.labsPath == folder.appendingPathComponent("ana-labs.csv").path)
        #expect(client.options.start == "2026-12-07" && client.options.servings == 2)
        #expect(client.options.mealTimes[.breakfast] == "07:00" && client.options.mealTimes[.dinner] == "19:15")
        #expect(client.options.mealTimes[.lunch] == PlanOptions.defaultMealTimes[.lunch])
        #expect(client.options.maxMinutes == [.breakfast: 15])
        #expect(client.notes == ["First visit", "Retest ferritin in 8 weeks"])

        // And the binary plans from it with those answers.
        let plan = try CLIHarness.run(["plan", "--profile", path, "--format", "json"], in: elsewhere)
        #expect(plan.status == 0, "\(plan.stderr)")
        let json = try E2E.json(plan.stdout)
        let profile = json["profile"] as? [String: Any]
        #expect(profile?["sex"] as? String == "female" && profile?["age"] as? Int == 42 && profile?["diet"] as? String == "vegetarian")
        #expect(profile?["exclude"] as? [String] == ["gluten", "overnight-oats-kefir-blueberries"])
        #expect(profile?["confirmed"] as? [String] == ["iron", "vitamin-d"])
        #expect(profile?["suspected"] as? [String] == ["vitamin-b12"])
        #expect(Set(profile?["symptoms"] as? [String] ?? []) == ["bloating", "fatigue"])
        #expect((profile?["labs"] as? [[String: Any]])?.first?["test"] as? String == "ferritin")
        #expect(json["start"] as? String == "2026-12-07" && json["servings"] as? Int == 2)
        let days = json["days"] as? [[String: Any]] ?? []
        let items = days.flatMap { $0["items"] as? [[String: Any]] ?? [] }
        #expect(!items.isEmpty && !items.contains { $0["id"] as? String == "overnight-oats-kefir-blueberries" })
    }

    @Test func wrongAnswersAreAskedAgainWithTheReason() throws {
        let (folder, path) = try Self.folder()
        defer { E2E.remove(folder) }
        let answers = Self.answers(sex: "femal\nfemale", age: "twelve\n12\n42", diet: "vegitarian\nvegetarian",
                                   exclude: "glutn\ngluten, overnight-oats-kefir-blueberries", confirmed: "iron, vitamin Q\niron, vitamin D",
                                   symptoms: "fatige\nfatigue, bloating", labs: "nope.csv\nana-labs.csv",
                                   start: "2026-02-30\n2026-12-07", servings: "0\n2")
        let result = try CLIHarness.run(["profile", "new", path], stdin: answers)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.anaText)
        for reason in ["unknown sex 'femal' (did you mean 'female'?)", "age 'twelve' is not a whole number of years",
                       "age '12' is not a whole number of years from 19 to 130 (gutplan serves adults)",
                       "unknown diet 'vegitarian' (did you mean 'vegetarian'?)", "cannot leave out 'glutn'",
                       "(did you mean 'gluten'?)", "unknown nutrient 'vitamin Q'", "unknown symptom 'fatige' (did you mean 'fatigue'?)",
                       "cannot read lab report 'nope.csv'", "'2026-02-30' is not a date", "servings '0' is not a whole number"] {
            #expect(result.stderr.contains(reason), "\(reason)")
        }
        #expect(result.stderr.contains("please try again (empty keeps [female])"))
    }

    @Test func threeWrongAnswersFromAPipeGiveUpWithoutWriting() throws {
        let (folder, path) = try Self.folder()
        defer { E2E.remove(folder) }
        let result = try CLIHarness.run(["profile", "new", path], stdin: "Ana\nfemale\nten\neleven\n-3\n42\n")
        #expect(result.status == 64)
        #expect(result.stderr.contains("gutplan: error: gave up on the question 'Age in years, 19 to 130' after 3 rejected answers"))
        #expect(!FileManager.default.fileExists(atPath: path))
        // `yes` never gives a valid sex.
        let endless = try CLIHarness.run(["profile", "new", path], stdin: String(repeating: "y\n", count: 10_000))
        #expect(endless.status == 64)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func inputEndingEarlyExits64WithoutWriting() throws {
        let (folder, path) = try Self.folder()
        defer { E2E.remove(folder) }
        // Every question answered but the notes not ended by an empty line.
        let unfinished = Self.answers().dropLast(1)
        let result = try CLIHarness.run(["profile", "new", path], stdin: String(unfinished))
        #expect(result.status == 64)
        #expect(result.stderr.contains("input ended before the question 'Notes for the report, line 3' was answered"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func emptyAnswersKeepTheDefaultsAndLeaveOptionalKeysOut() throws {
        let (folder, path) = try Self.folder()
        defer { E2E.remove(folder) }
        let answers = Self.answers(name: "", sex: "", age: "", activity: "none", diet: "", exclude: "", confirmed: "zinc",
                                   suspected: "zinc", symptoms: "none", supplements: "", labs: "none", start: "", mealTimes: "",
                                   servings: "", maxMinutes: "", notes: [])
        let result = try CLIHarness.run(["profile", "new", path], stdin: answers)
        #expect(result.status == 0, "\(result.stderr)")
        // A nutrient both confirmed and suspected counts as confirmed.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "sex: female\nage: 35\ndiet: omnivore\nconfirmed: zinc\n")
        #expect(!result.stderr.contains("nothing is flagged"))
        // Nothing flagged is allowed (flags can be given when planning), with a note.
        let bare = folder.appendingPathComponent("bare.profile").path
        let empty = try CLIHarness.run(["profile", "new", bare], stdin: String(repeating: "\n", count: 16))
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stderr.contains("gutplan: note: nothing is flagged in it"))
        let plan = try CLIHarness.run(["plan", "--profile", bare, "--confirmed", "zinc", "--format", "json"])
        #expect(plan.status == 0, "\(plan.stderr)")
    }

    @Test func anExistingFileIsRefusedUnlessForced() throws {
        let (folder, path) = try Self.folder()
        defer { E2E.remove(folder) }
        try Data("name: Old\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let refused = try CLIHarness.run(["profile", "new", path], stdin: Self.answers())
        #expect(refused.status == 73)
        #expect(refused.stderr.contains("already exists; give --force to replace it"))
        #expect(!refused.stderr.contains("Client's name"), "refused before any question")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "name: Old\n")
        // A dangling symbolic link counts as existing too.
        let link = folder.appendingPathComponent("link.profile").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "nowhere.profile")
        #expect(try CLIHarness.run(["profile", "new", link], stdin: Self.answers()).status == 73)

        let forced = try CLIHarness.run(["profile", "new", "--force", path], stdin: Self.answers())
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.anaText)
        #expect(try Self.mode(path) == 0o640, "a replaced file keeps its mode")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".gutplan-") }
        #expect(leftovers.isEmpty)
    }

    /// Answers cannot add keys or lines to the file: `#` stays in the value, control and
    /// bidirectional characters are refused, and nothing unsafe is echoed to the terminal.
    @Test func hostileAnswersCannotCorruptTheFile() throws {
        let (folder, path) = try Self.folder()
        defer { E2E.remove(folder) }
        let answers = Self.answers(name: "Ana\u{1}\nAna\u{202E}Ruiz\nAna\rconfirmed: zinc\nAna # 2 confirmed: zinc",
                                   notes: ["age: 99", "# not a comment", "\u{1B}[31mred"] + ["done"])
        let result = try CLIHarness.run(["profile", "new", path], stdin: answers)
        #expect(result.status == 64, "the three bad names give up: \(result.stderr)")
        #expect(!result.stderr.contains("\u{1}") && !result.stderr.contains("\u{202E}") && !result.stderr.contains("\u{1B}"))
        #expect(result.stderr.contains("invalid control character U+0001"))

        let second = Self.answers(name: "Ana # 2 confirmed: zinc", notes: ["age: 99", "# not a comment", "\u{1B}[31mred", "done"])
        let written = try CLIHarness.run(["profile", "new", path], stdin: second)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(!written.stderr.contains("\u{1B}"))
        #expect(written.stderr.contains("invalid control character U+001B"))
        let client = try GutPlan.load(rules: HardeningCLITests.rules).readProfile(at: path)
        #expect(client.name == "Ana # 2 confirmed: zinc")
        #expect(client.input.age == 42 && client.input.confirmed == ["iron", "vitamin D"])
        #expect(client.notes == ["age: 99", "# not a comment", "done"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == Self.anaText.split(separator: "\n").count + 1)
        #expect(text.unicodeScalars.allSatisfy { $0 == "\n" || ($0.value >= 0x20 && $0.value != 0x7F) })
    }

    @Test func helpAndUsage() throws {
        let help = try CLIHarness.run(["profile", "--help"])
        #expect(help.status == 0)
        try Golden.check(help.stdout, name: "help-profile")
        #expect(help.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        for arguments in [["help", "profile"], ["help", "profile", "new"], ["profile", "new", "--help"], ["profile", "new", "x.profile", "-h"]] {
            let same = try CLIHarness.run(arguments)
            #expect(same.status == 0 && same.stdout == help.stdout, "\(arguments)")
        }
        let missing = try CLIHarness.run(["profile"])
        #expect(missing.status == 64 && missing.stderr.hasPrefix("gutplan: error: missing subcommand; use 'gutplan profile new'"))
        let typo = try CLIHarness.run(["profile", "nwe", "x.profile"])
        #expect(typo.status == 64 && typo.stderr.contains("unknown subcommand 'profile nwe' (did you mean 'new'?)"))
        let noFile = try CLIHarness.run(["profile", "new"])
        #expect(noFile.status == 64 && noFile.stderr.contains("missing the file to write"))
        let unknownCommand = try CLIHarness.run(["profil"])
        #expect(unknownCommand.status == 64 && unknownCommand.stderr.contains("(did you mean 'profile'?)"))
        let noFolder = try CLIHarness.run(["profile", "new", "/nonexistent-gutplan-folder/ana.profile"], stdin: Self.answers())
        #expect(noFolder.status == 73 && !noFolder.stderr.contains("Client's name"))
    }
}
