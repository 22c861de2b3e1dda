import Foundation
import Testing

@Suite struct CLITests {
    @Test func topLevelHelp() throws {
        for arguments in [["--help"], ["-h"], ["help"]] {
            let result = try CLIHarness.run(arguments)
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
            try Golden.check(result.stdout, name: "help")
        }
    }

    @Test func commandHelpThreeWays() throws {
        for arguments in [["help", "plan"], ["plan", "--help"], ["plan", "--confirmed", "zinc", "-h"], ["--help", "plan"]] {
            let result = try CLIHarness.run(arguments)
            #expect(result.status == 0, "\(arguments)")
            try Golden.check(result.stdout, name: "help-plan")
        }
    }

    @Test(arguments: [["explain"], ["nutrients"], ["rules", "check"]])
    func everyCommandHasHelpWithExamples(_ command: [String]) throws {
        let result = try CLIHarness.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let viaHelp = try CLIHarness.run(["help"] + command)
        #expect(viaHelp.stdout == result.stdout)
    }

    @Test func version() throws {
        let result = try CLIHarness.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "gutplan 0.1.0\n")
    }

    @Test func unknownCommandSuggests() throws {
        let result = try CLIHarness.run(["plna"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("gutplan: error: unknown command 'plna' (did you mean 'plan'?)\n"))
    }

    @Test func missingCommandIsUsage() throws {
        let result = try CLIHarness.run([])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("gutplan: error: missing command"))
    }

    @Test func unknownOptionSuggests() throws {
        let result = try CLIHarness.run(["plan", "--confimred", "zinc"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown option '--confimred' for 'plan' (did you mean '--confirmed'?)"))
        #expect(!result.stderr.contains("Fatal") && !result.stderr.contains("Stack"))
    }

    @Test(arguments: ["17", "0", "-3", "131", "abc", "35.5"])
    func badAgeIsUsage(_ age: String) throws {
        let result = try CLIHarness.run(["plan", "--age=\(age)"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("gutplan: error: --age \(age):"))
        if age == "17" { #expect(result.stderr.contains("gutplan serves adults (19+)")) }
    }

    @Test(arguments: ["2400-1600", "0-2000", "1600", "a-b", "1600-", "-1600-2000", "nan-inf", "1600-2400-3000"])
    func badKcalIsUsage(_ band: String) throws {
        let result = try CLIHarness.run(["plan", "--kcal", band])
        #expect(result.status == 64, "\(band): \(result.stderr)")
        #expect(result.stderr.hasPrefix("gutplan: error:"))
    }

    @Test func badChoicesSuggest() throws {
        let diet = try CLIHarness.run(["plan", "--diet", "vegn"])
        #expect(diet.status == 64)
        #expect(diet.stderr.contains("did you mean 'vegan'?"))
        let sex = try CLIHarness.run(["nutrients", "--sex", "mael"])
        #expect(sex.status == 64)
        #expect(sex.stderr.contains("did you mean 'male'?"))
        let format = try CLIHarness.run(["plan", "--format", "jsno"])
        #expect(format.status == 64)
        #expect(format.stderr.contains("did you mean 'json'?"))
    }

    @Test func repeatedAndValuelessOptionsAreUsage() throws {
        #expect(try CLIHarness.run(["plan", "--age", "40", "--age", "41"]).stderr.contains("more than once"))
        #expect(try CLIHarness.run(["plan", "--age"]).stderr.contains("needs a value"))
        #expect(try CLIHarness.run(["plan", "--age", "--diet", "vegan"]).status == 64)
        #expect(try CLIHarness.run(["plan", "--no-color=yes"]).stderr.contains("takes no value"))
        #expect(try CLIHarness.run(["plan", "--no-color", "--no-color"]).status == 64)
        #expect(try CLIHarness.run(["plan", "extra"]).stderr.contains("unexpected argument 'extra'"))
        #expect(try CLIHarness.run(["plan", "--seed", "-1"]).status == 64)
    }

    @Test func missingInputsAreExit66() throws {
        let labs = try CLIHarness.run(["plan", "--labs", "/nonexistent/labs.txt"])
        #expect(labs.status == 66)
        #expect(labs.stderr.hasPrefix("gutplan: error: cannot read lab file /nonexistent/labs.txt"))
        let rules = try CLIHarness.run(["rules", "check", "--rules", "/nonexistent/rules"])
        #expect(rules.status == 66)
    }

    @Test func interactiveEndOfInputIsUsage() throws {
        let result = try CLIHarness.run(["plan", "--interactive"], stdin: "zinc\n\nmal\n")
        #expect(result.status == 64)
        #expect(result.stderr.contains("did you mean 'male'?"))
        #expect(result.stderr.contains("input ended before the question 'Sex (female or male)' was answered"))
        #expect(result.stdout.isEmpty)
    }

    @Test func interactiveAnswersMakeAPlan() throws {
        // An under-age answer is asked again; then the six answers give a vegan, dairy-free plan.
        let result = try CLIHarness.run(["plan", "-i", "--format", "json"],
                                        stdin: "zinc\nb12\nmale\n17\n52\nvegan\ndairy\n")
        #expect(result.stderr.contains("gutplan serves adults (19+)"))
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"diet\": \"vegan\""))
        #expect(result.stdout.contains("\"vitamin-b12\": \"suspected\""))
        #expect(result.stdout.contains("\"zinc\": \"confirmed\""))
    }

    @Test func rulesNeedsCheck() throws {
        let result = try CLIHarness.run(["rules", "chek"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("did you mean 'check'?"))
    }
}

@Suite struct NutrientsCommandTests {
    @Test func jsonIsKeyedByNutrientIDWithTheTargetsThatApply() throws {
        let result = try CLIHarness.run(["nutrients", "--sex", "male", "--age", "60", "--format", "json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document.count == 19)
        let zinc = try #require(document["zinc"] as? [String: Any])
        #expect(zinc["name"] as? String == "Zinc")
        #expect(zinc["unit"] as? String == "mg")
        #expect(zinc["target"] as? Double == 11)
        #expect(zinc["upper_limit"] as? Double == 40)
        let calcium = try #require(document["calcium"] as? [String: Any])
        #expect(calcium["target"] as? Double == 1000)
        #expect(calcium["upper_limit"] as? Double == 2000)
        let magnesium = try #require(document["magnesium"] as? [String: Any])
        #expect(magnesium["upper_limit"] is NSNull)
        #expect(magnesium["target"] as? Double == 420)
    }

    @Test func underAgeIsRefused() throws {
        let result = try CLIHarness.run(["nutrients", "--age", "17"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("19"))
    }
}
