import Foundation
import Testing

/// `gutplan plan` and `explain` through the built binary: flags, symptoms, nothing flagged,
/// interactive answers, formats, `-o`, and every exit code (0, 1, 64, 65, 66, 73). Standard input
/// is a file here, never a terminal (the terminal case is checked by hand with tmux).
@Suite struct EndToEndPlanTests {
    static let issueExample = ["plan", "--confirmed", "vitamin D,zinc", "--suspected", "b12"]

    @Test func flagsByAliasInAnyCase() throws {
        let result = try CLIHarness.run(Self.issueExample + ["--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(try E2E.flags(result.stdout) == ["vitamin-d": "confirmed", "zinc": "confirmed", "vitamin-b12": "suspected"])
        let shouted = try CLIHarness.run(["plan", "--confirmed", "VITAMIN D, Zinc", "--suspected", "B12", "--format", "json"])
        #expect(shouted.stdout == result.stdout)
    }

    @Test func bothConfirmedAndSuspectedCountsAsConfirmed() throws {
        // Same name, and an alias of the same nutrient.
        for suspected in ["zinc,b12", "ZINC,b12", "zn,b12", "vitamin-d,b12"] {
            let result = try CLIHarness.run(["plan", "--confirmed", "vitamin D,zinc", "--suspected", suspected, "--format", "json"])
            #expect(result.status == 0, "\(suspected): \(result.stderr)")
            #expect(try E2E.flags(result.stdout) == ["vitamin-d": "confirmed", "zinc": "confirmed", "vitamin-b12": "suspected"],
                    "\(suspected)")
        }
    }

    @Test func unknownNutrientSuggestsAndExits64() throws {
        let result = try CLIHarness.run(["plan", "--confirmed", "vitamn d,zinc"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("gutplan: error: unknown nutrient 'vitamn d' (did you mean 'vitamin d'?)"))
        let suspected = try CLIHarness.run(["explain", "--suspected", "zink"])
        #expect(suspected.status == 64)
        #expect(suspected.stderr.contains("did you mean 'zinc'?"))
    }

    @Test func symptomsGoThroughTheRules() throws {
        let result = try CLIHarness.run(["plan", "--symptoms", "fatigue,brain-fog", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let flags = try E2E.flags(result.stdout)
        #expect(flags["iron"] == "suspected")
        #expect(flags["vitamin-b12"] == "suspected")
        #expect(flags.values.allSatisfy { $0 == "suspected" })
        let unknown = try CLIHarness.run(["plan", "--symptoms", "fatige"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown symptom 'fatige' (did you mean 'fatigue'?)"))
    }

    @Test(arguments: ["plan", "explain"])
    func nothingFlaggedWithoutATerminalSaysHowToFlag(_ command: String) throws {
        let result = try CLIHarness.run([command, "--diet", "vegan"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("gutplan: error: nothing is flagged"))
        for hint in ["--confirmed LIST", "--suspected LIST", "--labs FILE", "--symptoms LIST", "gutplan \(command) --interactive"] {
            #expect(result.stderr.contains(hint), "\(hint)")
        }
    }

    @Test func interactiveAsksInOrderAndRetriesUnknownNames() throws {
        // confirmed (a typo, then right), suspected (overlap with confirmed is dropped), sex,
        // age (empty keeps 35), diet, exclusions (a typo, then right).
        let answers = "vitamn d\nvitamin D,zinc\nzinc,b12\nmale\n\nvegetarian\ndiary\ndairy\n"
        let result = try CLIHarness.run(["plan", "--interactive", "--format", "json"], stdin: answers)
        #expect(result.status == 0, "\(result.stderr)")
        let questions = ["Lab-confirmed deficiencies", "Suspected deficiencies", "Sex", "Age", "Diet", "Foods or food tags to leave out"]
        let positions = questions.compactMap { result.stderr.range(of: $0)?.lowerBound }
        #expect(positions.count == questions.count)
        #expect(positions == positions.sorted())
        #expect(result.stderr.contains("unknown nutrient 'vitamn d' (did you mean 'vitamin d'?)"))
        #expect(result.stderr.contains("cannot leave out 'diary': it is not a food tag, food id or meal id (did you mean 'dairy'?)"))
        let json = try E2E.json(result.stdout)
        #expect(json["flags"] as? [String: String] == ["vitamin-d": "confirmed", "zinc": "confirmed", "vitamin-b12": "suspected"])
        let profile = json["profile"] as? [String: Any]
        #expect(profile?["sex"] as? String == "male")
        #expect(profile?["age"] as? Int == 35)
        #expect(profile?["diet"] as? String == "vegetarian")
        #expect(profile?["exclude"] as? [String] == ["dairy"])
    }

    @Test func interactiveWithNothingFlaggedAsksAgain() throws {
        let result = try CLIHarness.run(["plan", "-i", "--format", "json"], stdin: "\n\n\nzinc\n\n\n\n\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("nothing is flagged yet"))
        #expect(try E2E.flags(result.stdout) == ["zinc": "suspected"])
    }

    @Test func interactiveKeepsCommandLineValuesAsDefaults() throws {
        let result = try CLIHarness.run(["explain", "--interactive", "--confirmed", "iron", "--diet", "vegan"],
                                        stdin: "\n\n\n\n\n\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Lab-confirmed deficiencies (comma-separated) [iron]:"))
        #expect(result.stderr.contains("[vegan]:"))
        #expect(result.stdout.contains("confirmed: Iron"))
        #expect(result.stdout.contains("vegan"))
    }

    @Test func interactiveEndOfInputExits64() throws {
        let result = try CLIHarness.run(["plan", "--interactive"], stdin: "zinc\n\n")
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("input ended before the question 'Sex (female or male)' was answered"))
    }

    @Test func textIs80ColumnsWithoutColourWhenNotATerminal() throws {
        let result = try CLIHarness.run(Self.issueExample, environment: ["COLUMNS": "200"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(!result.stdout.contains("\u{1B}"))
        for part in ["Day 1: Monday", "Day 7: Sunday", "breakfast", "fermented", "prebiotic", "stress", "Coverage",
                     "Mean", "Notes", "Shopping list", "not medical advice"] {
            #expect(result.stdout.contains(part), "\(part)")
        }
        let narrow = try CLIHarness.run(Self.issueExample + ["--width", "50"])
        #expect(narrow.stdout.split(separator: "\n").allSatisfy { $0.count <= 50 })
    }

    @Test func noColourWhenNoColorIsSet() throws {
        let result = try CLIHarness.run(Self.issueExample, environment: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test func markdownHasTheSameSectionsAsTables() throws {
        let result = try CLIHarness.run(Self.issueExample + ["--format", "markdown"])
        #expect(result.status == 0)
        for part in ["# gutplan: seven-day plan", "## Day 1: Monday", "## Day 7: Sunday", "| Slot | Item | kcal | Covers |",
                     "## Coverage", "| Nutrient | Status | Target | Mon |", "## Notes", "## Shopping list",
                     "| Item | Amount |", "> gutplan gives food guidance, not medical advice."] {
            #expect(result.stdout.contains(part), "\(part)")
        }
    }

    @Test func jsonIsValid() throws {
        let result = try CLIHarness.run(Self.issueExample + ["-f", "json"])
        #expect(result.status == 0)
        let json = try E2E.json(result.stdout)
        #expect((json["days"] as? [Any])?.count == 7)
        #expect(json["disclaimer"] as? String != nil)
    }

    @Test func explainShowsTheChainForLabsAndEntries() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let labs = try E2E.labs(["25-hydroxyvitamin-d,18,ng/mL"], in: folder)
        let result = try CLIHarness.run(["explain", "--labs", labs, "--confirmed", "zinc", "--width", "1000"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("What you entered"))
        #expect(out.contains("lab: Serum 25-hydroxyvitamin D 18 ng/mL (\(labs):2:1)"))
        #expect(out.contains("Zinc: confirmed, weight 2"))
        #expect(out.contains("entered by you as confirmed"))
        #expect(out.contains("rule lab-vitamin-d-inadequate"))
        // The lab value in the rule's unit, and the fact shown once although the range matched it twice.
        #expect(out.contains("because lab Serum 25-hydroxyvitamin D = 18 ng/mL (= 44.93 nmol/L; the rule"))
        #expect(out.components(separatedBy: "because lab Serum 25-hydroxyvitamin D").count == 3)  // flag chain + firing
        #expect(out.contains("Rules that fired, in order"))
        #expect(out.contains("Day by day"))
        #expect(out.hasSuffix("gutplan gives food guidance, not medical advice. Talk to a healthcare provider "
            + "before changing your diet or taking supplements.\n"))
        let fitted = try CLIHarness.run(["explain", "--labs", labs, "--confirmed", "zinc"])
        #expect(fitted.status == 0)
        #expect(fitted.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(out.contains("gutplan gives food guidance, not medical advice."))
    }

    @Test func noPlanPossibleExits1() throws {
        let result = try CLIHarness.run(["plan", "--confirmed", "zinc", "--kcal", "100-200"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("gutplan: error: "))
        #expect(result.stderr.contains("energy band"))
    }

    @Test func missingRulesExit66() throws {
        let result = try CLIHarness.run(Self.issueExample + ["--rules", "/nonexistent/rules"])
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
    }

    @Test func badRulesExit65() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let rules = folder.appendingPathComponent("Rules")
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: source, to: rules)
        try Data("rule broken when flagged zinc then flag\n".utf8).write(to: rules.appendingPathComponent("99-broken.rules"))
        let result = try CLIHarness.run(Self.issueExample + ["--rules", rules.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("99-broken.rules:"))
    }
}
