import Foundation
import Testing

/// CSV export and `-o FILE` through the built binary.
@Suite struct EndToEndOutputTests {
    static let issueExample = ["plan", "--confirmed", "vitamin D,zinc", "--suspected", "b12"]

    @Test func csvHasOneRowPerPlannedItemInDayThenSlotOrder() throws {
        let result = try CLIHarness.run(Self.issueExample + ["--format", "csv"])
        #expect(result.status == 0)
        #expect(!result.stdout.hasPrefix("\u{FEFF}"))
        let records = try #require(E2E.csvRecords(result.stdout), "not RFC 4180")
        #expect(records.first == ["day", "day_name", "slot", "kind", "item_id", "item", "foods", "kcal",
                                  "vitamin_d_ug", "vitamin_d_ug_counted", "vitamin_b12_ug", "vitamin_b12_ug_counted",
                                  "zinc_mg", "zinc_mg_counted", "covers", "why", "ingredients"])
        let rows = records.dropFirst()
        #expect(rows.count == 49)
        #expect(rows.allSatisfy { $0.count == 17 })
        #expect(rows.filter { $0[3] == "meal" }.count == 28)
        #expect(rows.filter { $0[3] == "fermented" || $0[3] == "prebiotic" }.count == 14)
        #expect(rows.filter { $0[3] == "stress" }.count == 7)
        let slots = ["breakfast", "lunch", "dinner", "snack", "fermented", "prebiotic", "stress"]
        let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        for (index, row) in rows.enumerated() {
            #expect(row[0] == String(index / 7 + 1))
            #expect(row[1] == days[index / 7])
            #expect(row[2] == slots[index % 7])
        }
        // No text cell can start a formula.
        for row in rows {
            for cell in row[1...6] + row[11...12] {
                #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.first.map(String.init) ?? ""), "\(cell)")
            }
        }
    }

    /// The per-day sums of the CSV's nutrient (and kcal) columns equal the JSON day totals.
    @Test(arguments: [
        ["--confirmed", "vitamin D,zinc", "--suspected", "b12"],
        ["--symptoms", "fatigue", "--diet", "vegan", "--sex", "male", "--age", "60"],
    ])
    func csvDaySumsEqualJSONTotals(_ inputs: [String]) throws {
        let csv = try CLIHarness.run(["plan"] + inputs + ["--format", "csv"])
        let json = try CLIHarness.run(["plan"] + inputs + ["--format", "json"])
        #expect(csv.status == 0 && json.status == 0)
        let records = try #require(E2E.csvRecords(csv.stdout))
        let header = records[0]
        let document = try E2E.json(json.stdout)
        let ids = try #require(document["nutrients"] as? [String])
        #expect(header.count == 8 + 2 * ids.count + 3)  // covers, why, ingredients
        let days = try #require(document["days"] as? [[String: Any]])
        #expect(days.count == 7)
        for (index, day) in days.enumerated() {
            let totals = try #require(day["totals"] as? [String: Double])
            let rows = records.dropFirst().filter { $0[0] == String(index + 1) }
            #expect(rows.count == 7)
            let counted = try #require(day["counted"] as? [String: Double])
            // Eaten columns sum to `totals`, counted columns (absorbed) to `counted`.
            let columns = [("kcal", 7, totals)] + ids.enumerated().flatMap {
                [($0.element, 8 + 2 * $0.offset, totals), ($0.element, 9 + 2 * $0.offset, counted)]
            }
            for (id, column, expected) in columns {
                let sum = rows.reduce(0.0) { $0 + (Double($1[column]) ?? 0) }
                let total = try #require(expected[id], "no JSON total for \(id)")
                #expect(abs(sum - total) < 0.001, "day \(index + 1) \(id) column \(header[column]): CSV \(sum), JSON \(total)")
            }
        }
    }

    @Test func outputFileIsWrittenAndReplaced() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let path = folder.appendingPathComponent("plan.csv").path
        try Data("old content\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try CLIHarness.run(Self.issueExample + ["--format", "csv", "-o", path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "gutplan: wrote csv plan to \(path)\n")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let stdout = try CLIHarness.run(Self.issueExample + ["--format", "csv"]).stdout
        #expect(written == stdout)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["plan.csv"])
    }

    @Test func textToAFileIs80ColumnsWithoutColour() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let path = folder.appendingPathComponent("plan.txt").path
        let result = try CLIHarness.run(Self.issueExample + ["--output=\(path)"])
        #expect(result.status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("gutplan: seven-day plan\n"))
        #expect(!text.contains("\u{1B}"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func missingFolderExits73AndChangesNothing() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let problem = folder.appendingPathComponent("problem.json").path
        let target = folder.appendingPathComponent("no-such-folder/plan.csv").path
        let result = try CLIHarness.run(Self.issueExample + ["-f", "csv", "-o", target, "--emit-problem", problem])
        #expect(result.status == 73)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "gutplan: error: cannot write \(target): folder \(folder.path)/no-such-folder: No such file or directory\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func folderThatIsAFileOrTargetThatIsAFolderExits73() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let file = folder.appendingPathComponent("file")
        try Data("keep\n".utf8).write(to: file)
        let underFile = try CLIHarness.run(Self.issueExample + ["-o", file.path + "/plan.txt"])
        #expect(underFile.status == 73)
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep\n")
        let isFolder = try CLIHarness.run(Self.issueExample + ["-o", folder.path])
        #expect(isFolder.status == 73)
        #expect(isFolder.stderr.contains("it is a directory"))
    }

    @Test func failedRunLeavesAnExistingOutputUntouched() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let path = folder.appendingPathComponent("plan.csv").path
        try Data("previous plan\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try CLIHarness.run(["plan", "--confirmed", "zinc", "--kcal", "100-200", "-f", "csv", "-o", path])
        #expect(result.status == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous plan\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.csv"])
    }
}
