import Foundation
import Testing

/// `gutplan swap` through the built binary: plan → JSON → swap lists valid alternatives, `--pick`
/// writes a plan whose only change is the slot with every figure recomputed, a hand-edited file
/// exits 65 naming the mismatch, bad `--day`/`--slot` exit 64, a missing file 66.
@Suite struct SwapCommandTests {
    static let profile = ["--confirmed", "vitamin D,zinc", "--suspected", "b12"]

    /// A fresh folder holding `plan.json` written by `gutplan plan --format json`.
    static func planFolder() throws -> URL {
        let folder = try E2E.scratch()
        let result = try CLIHarness.run(["plan"] + profile + ["--format", "json", "-o", folder.appendingPathComponent("plan.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        return folder
    }

    /// `(rank, id)` of each alternative line: `  1  1.0000  +0.0000  30  +0  Name (id)`.
    static func listed(_ text: String) -> [(Int, String)] {
        text.split(separator: "\n").compactMap { line -> (Int, String)? in
            let words = line.split(separator: " ")
            guard let first = words.first, let rank = Int(first), line.hasSuffix(")"),
                  let open = line.lastIndex(of: "(") else { return nil }
            return (rank, String(line[line.index(after: open)..<line.index(before: line.endIndex)]))
        }
    }

    static func ids(_ plan: [String: Any]) -> [[String]] {
        ((plan["days"] as? [[String: Any]]) ?? []).map { day in
            ((day["items"] as? [[String: Any]]) ?? []).map { "\($0["slot"] ?? ""):\($0["id"] ?? "")" }
        }
    }

    /// A plan with a start date and servings keeps both through `--pick`: the same dates and day
    /// names, dated retests, and the shopping list for the same number of people.
    @Test func pickKeepsTheStartDateAndServings() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let plan = folder.appendingPathComponent("plan.json").path
        let made = try CLIHarness.run(["plan"] + Self.profile + ["--start", "2027-02-26", "--servings", "3", "--format", "json", "-o", plan])
        try #require(made.status == 0, "\(made.stderr)")
        let new = folder.appendingPathComponent("new.json").path
        let picked = try CLIHarness.run(["swap", plan, "--day", "2", "--slot", "dinner", "--pick", "1", "-o", new])
        try #require(picked.status == 0, "\(picked.stderr)")
        let before = try E2E.json(try String(contentsOfFile: plan, encoding: .utf8))
        let after = try E2E.json(try String(contentsOfFile: new, encoding: .utf8))
        #expect(after["start"] as? String == "2027-02-26")
        #expect(after["servings"] as? Int == 3)
        let dates = { (plan: [String: Any]) in ((plan["days"] as? [[String: Any]]) ?? []).map { "\($0["name"] ?? "") \($0["date"] ?? "")" } }
        #expect(dates(after) == dates(before))
        #expect(dates(after).first == "Friday 2027-02-26")
        let retestDates = { (plan: [String: Any]) in ((plan["retests"] as? [[String: Any]]) ?? []).map { $0["date"] as? String } }
        #expect(!retestDates(before).isEmpty && retestDates(before).allSatisfy { $0 != nil }, "retests are dated from the start")
        #expect(retestDates(after) == retestDates(before))
    }

    @Test func listsValidAlternativesAndEachPickIsAValidWeek() throws {
        let folder = try Self.planFolder()
        defer { E2E.remove(folder) }
        let plan = folder.appendingPathComponent("plan.json").path
        let result = try CLIHarness.run(["swap", plan, "--day", "2", "--slot", "dinner", "--count", "1000"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let listed = Self.listed(result.stdout)
        #expect(listed.count >= 3)
        #expect(listed.map(\.0) == Array(1...max(1, listed.count)))
        #expect(result.stdout.hasPrefix("Day 2 dinner: "))
        let short = try CLIHarness.run(["swap", plan, "--day", "2", "--slot", "dinner"])
        #expect(Self.listed(short.stdout).map(\.1) == Array(listed.prefix(5).map(\.1)))
        // Each picked week is checked again by swap itself (every constraint, score and plants),
        // and has the picked item in the slot.
        for pick in Set([1, 2, listed.count]).sorted() {
            let new = folder.appendingPathComponent("new-\(pick).json").path
            let picked = try CLIHarness.run(["swap", plan, "--day", "2", "--slot", "dinner", "--pick", String(pick), "-o", new])
            #expect(picked.status == 0, "\(picked.stderr)")
            let again = try CLIHarness.run(["swap", new, "--day", "2", "--slot", "dinner", "--count", "1"])
            #expect(again.status == 0, "pick \(pick): \(again.stderr)")
            #expect(again.stdout.hasPrefix("Day 2 dinner: "))
            #expect(again.stdout.split(separator: "\n").first?.contains("(\(listed[pick - 1].1))") == true)
        }
    }

    @Test func pickChangesOnlyThatSlotAndRecomputesTheFigures() throws {
        let folder = try Self.planFolder()
        defer { E2E.remove(folder) }
        let plan = folder.appendingPathComponent("plan.json")
        let new = folder.appendingPathComponent("new.json")
        let result = try CLIHarness.run(["swap", plan.path, "--day", "3", "--slot", "lunch", "--pick", "1", "-o", new.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: new.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let before = try E2E.json(String(contentsOf: plan, encoding: .utf8))
        let after = try E2E.json(String(contentsOf: new, encoding: .utf8))
        let (old, changed) = (Self.ids(before), Self.ids(after))
        #expect(old.count == 7 && changed.count == 7)
        var differences: [String] = []
        for d in 0..<min(old.count, changed.count) {
            for (x, y) in zip(old[d], changed[d]) where x != y { differences.append("\(d + 1) \(x) -> \(y)") }
        }
        #expect(differences.count == 1)
        #expect(differences.first?.hasPrefix("3 lunch:") == true)
        // Day 3's totals are the sum of its new items; other days' totals are unchanged.
        let oldDays = try #require(before["days"] as? [[String: Any]])
        let newDays = try #require(after["days"] as? [[String: Any]])
        let items = try #require(newDays[2]["items"] as? [[String: Any]])
        let kcal = items.compactMap { $0["kcal"] as? Double }.reduce(0, +)
        let total = try #require((newDays[2]["totals"] as? [String: Any])?["kcal"] as? Double)
        #expect(abs(kcal - total) < 1e-3)
        #expect(((oldDays[2]["totals"] as? [String: Any])?["kcal"] as? Double) != total)
        for d in [0, 1, 3, 4, 5, 6] {
            #expect(NSDictionary(dictionary: oldDays[d]).isEqual(to: newDays[d]), "day \(d + 1) changed")
        }
        // The shopping list follows the new meal: servings of each food over the week's items.
        var servings: [String: Double] = [:]
        for day in newDays {
            for item in (day["items"] as? [[String: Any]]) ?? [] {
                for food in (item["foods"] as? [[String: Any]]) ?? [] {
                    servings[food["id"] as? String ?? "", default: 0] += food["servings"] as? Double ?? 0
                }
            }
        }
        let shopping = try #require(after["shopping"] as? [[String: Any]])
        // The list is by shop item (eggs of three foods are one item), so compare the totals and
        // that every entry names a food of the week.
        let listed = shopping.reduce(0.0) { $0 + ($1["servings"] as? Double ?? 0) }
        #expect(abs(listed - servings.values.reduce(0, +)) < 1e-6)
        for entry in shopping { #expect(servings[entry["food"] as? String ?? ""] != nil) }
        // Without -o the same plan goes to standard output.
        let printed = try CLIHarness.run(["swap", plan.path, "--day", "3", "--slot", "lunch", "--pick", "1"])
        #expect(printed.status == 0)
        #expect(printed.stdout == (try String(contentsOf: new, encoding: .utf8)))
        // A replaced file keeps its mode.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: new.path)
        let replaced = try CLIHarness.run(["swap", plan.path, "--day", "3", "--slot", "lunch", "--pick", "2", "-o", new.path])
        #expect(replaced.status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: new.path)[.posixPermissions] as? Int == 0o644)
    }

    @Test func handEditedPlansExit65NamingTheMismatch() throws {
        let folder = try Self.planFolder()
        defer { E2E.remove(folder) }
        let text = try String(contentsOf: folder.appendingPathComponent("plan.json"), encoding: .utf8)
        let plan = try E2E.json(text)
        let days = try #require(plan["days"] as? [[String: Any]])
        let firstItem = try #require((days[0]["items"] as? [[String: Any]])?.first)
        let id = try #require(firstItem["id"] as? String)
        let slot = try #require(firstItem["slot"] as? String)
        let score = try #require(plan["score"] as? Double)
        let cases: [(String, String, String)] = [
            ("id.json", text.replacingOccurrences(of: "\"\(id)\"", with: "\"\(id)-x\""), "day 1 \(slot): '\(id)-x' is not a meal or food of these rules"),
            ("score.json", text.replacingOccurrences(of: "\"score\": \(score == 1 ? "1" : String(score)),", with: "\"score\": 0.93,"),
             "score 0.93 in the file"),
            ("json.json", String(text.dropLast(10)), "invalid JSON"),
            ("other.json", "{\"days\": []}\n", "not a plan written by 'gutplan plan --format json'"),
        ]
        for (name, edited, message) in cases {
            #expect(edited != text, "\(name) was not edited")
            let path = folder.appendingPathComponent(name).path
            try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
            let result = try CLIHarness.run(["swap", path, "--day", "2", "--slot", "dinner"])
            #expect(result.status == 65, "\(name): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains(message), "\(name): \(result.stderr)")
        }
        let scoreResult = try CLIHarness.run(["swap", folder.appendingPathComponent("score.json").path, "--day", "2", "--slot", "dinner"])
        #expect(scoreResult.stderr.contains("the plan was made with other rules or edited by hand"))
    }

    @Test func badDayOrSlotExit64WithSuggestions() throws {
        let folder = try Self.planFolder()
        defer { E2E.remove(folder) }
        let plan = folder.appendingPathComponent("plan.json").path
        let cases: [([String], String)] = [
            (["--day", "9", "--slot", "dinner"], "day 9: the plan has days 1 to 7"),
            (["--day", "0", "--slot", "dinner"], "--day 0: the day must be a whole number"),
            (["--day", "two", "--slot", "dinner"], "--day two: the day must be a whole number"),
            (["--day", "2", "--slot", "dinnr"], "did you mean 'dinner'?"),
            (["--day", "2", "--slot", "stress"], "the stress step is not swapped"),
            (["--slot", "dinner"], "missing --day N"),
            (["--day", "2"], "missing --slot SLOT"),
            (["--day", "2", "--slot", "dinner", "-o", "x.json"], "give --pick N with it"),
            (["--day", "2", "--slot", "dinner", "--pick", "100000"], "pick 1 to"),
            (["--day", "2", "--slot", "dinner", "--count", "0"], "count must be a whole number from 1 to 1000"),
        ]
        for (arguments, message) in cases {
            let result = try CLIHarness.run(["swap", plan] + arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("Run 'gutplan swap --help' for usage."))
        }
        let noFile = try CLIHarness.run(["swap", "--day", "2", "--slot", "dinner"])
        #expect(noFile.status == 64)
        #expect(noFile.stderr.contains("missing the plan file"))
    }

    @Test func missingOrUnreadablePlanExits66() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let missing = try CLIHarness.run(["swap", folder.appendingPathComponent("none.json").path, "--day", "1", "--slot", "lunch"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("cannot read plan file"))
        #expect(missing.stderr.contains("it does not exist"))
        let directory = try CLIHarness.run(["swap", folder.path, "--day", "1", "--slot", "lunch"])
        #expect(directory.status == 66)
        #expect(directory.stderr.contains("it is a directory"))
    }

    @Test func helpShowsTheUsage() throws {
        let result = try CLIHarness.run(["swap", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Usage: gutplan swap PLAN.json --day N --slot SLOT [options]"))
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(try CLIHarness.run(["help", "swap"]).stdout == result.stdout)
        let overview = try CLIHarness.run(["--help"])
        #expect(overview.stdout.contains("  swap "))
    }
}
