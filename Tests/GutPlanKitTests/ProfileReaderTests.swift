import Foundation
import Testing
@testable import GutPlanKit

@Suite struct ProfileReaderTests {
    func read(_ text: String, path: String = "c.profile") throws -> ProfileReading {
        try read(Data(text.utf8), path: path)
    }

    func read(_ data: Data, path: String = "c.profile") throws -> ProfileReading {
        let gutplan = try #require(ProfileSupport.gutplan)
        return gutplan.parseProfile(data, path: path)
    }

    /// The one error of a profile text.
    func error(_ text: String) throws -> ProfileError {
        let reading = try read(text)
        #expect(reading.profile == nil)
        #expect(reading.errors.count == 1, "\(reading.errors)")
        return try #require(reading.errors.first)
    }

    func at(_ line: Int, _ column: Int, _ path: String = "c.profile") -> GutPlanKit.SourceLocation {
        GutPlanKit.SourceLocation(path: path, line: line, column: column)
    }

    @Test func issueExampleParses() throws {
        let folder = try ProfileSupport.scratch("profile")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ProfileSupport.write(ProfileSupport.ana, to: folder + "/ana.profile")
        try ProfileSupport.write(ProfileSupport.anaLabs, to: folder + "/ana-labs.csv")
        let gutplan = try #require(ProfileSupport.gutplan)
        let client = try gutplan.readProfile(at: folder + "/ana.profile")
        #expect(client.name == "Ana Ruiz")
        #expect(client.input.sex == .female && client.input.age == 42 && client.input.activity == .moderate)
        #expect(client.input.diet == .vegetarian && client.input.exclude == ["gluten"])
        #expect(client.input.confirmed == ["iron", "vitamin D"] && client.input.suspected == ["b12"])
        #expect(client.input.symptoms == ["fatigue", "bloating"] && client.input.supplements == ["vitamin-d=25ug"])
        #expect(client.labsReference == "ana-labs.csv" && client.input.labsPath == folder + "/ana-labs.csv")
        #expect(client.options.start == "2026-12-07" && client.options.weeks == 1)
        let profile = try gutplan.resolve(client)
        #expect(profile.labs.map(\.test) == ["ferritin"])
        #expect(profile.confirmed == ["iron", "vitamin-d"] && profile.supplements["vitamin-d"] == 25)
    }

    @Test func unknownKeyWithSuggestion() throws {
        let error = try error("name: Ana\ndiett: vegan\n")
        #expect(error == .unknownKey("diett", suggestion: "diet", at: at(2, 1)))
        let reading = try read("name: Ana\ndiett: vegan\n")
        #expect(reading.diagnostics.map(\.rendered) == [
            "c.profile:2:1: error: unknown key 'diett' (did you mean 'diet'?); see docs/PROFILES.md for the keys\ndiett: vegan\n^",
        ])
        #expect(try self.error("mealtimes: breakfast=07:00") == .unknownKey("mealtimes", suggestion: "meal-times", at: at(1, 1)))
    }

    @Test func badValuesWithSuggestions() throws {
        #expect(try error("diet: vegen") == .unknownValue(key: "diet", value: "vegen", choices: Diet.allCases.map(\.rawValue), at: at(1, 7)))
        let sex = try error("sex:  femal")
        #expect(sex.location == at(1, 7))
        #expect(sex.message.contains("did you mean 'female'?"))
        #expect(try error("activity: moderat").message.contains("did you mean 'moderate'?"))
        #expect(try error("low-fodmap: maybe").message.contains("choose yes or no"))
        let symptom = try error("symptoms: fatigue, bloatin")
        #expect(symptom.location == at(1, 20))
        #expect(symptom.message.contains("did you mean 'bloating'?"))
        let exclusion = try error("exclude: glutn")
        #expect(exclusion.message.contains("did you mean 'gluten'?"))
    }

    @Test func duplicateKey() throws {
        #expect(try error("age: 40\nsex: male\nage: 41\n") == .duplicateKey("age", first: at(1, 1), at: at(3, 1)))
        // Repeatable keys are not duplicates.
        let reading = try read("notes: one\nnotes: two\nlab: ferritin, 22, ug/L\nlab: b12, 300, pg/mL\n")
        #expect(reading.errors.isEmpty)
        #expect(reading.profile?.notes == ["one", "two"])
        #expect(reading.profile?.labs.map(\.test) == ["ferritin", "vitamin-b12"])
    }

    @Test func missingColon() throws {
        #expect(try error("age 42") == .missingColon(found: "age", at: at(1, 5)))
        #expect(try error("= 3") == .missingColon(found: "= 3", at: at(1, 1)))
        #expect(try error("age: 42\n  extra") == .misplacedContinuation(at: at(2, 3)))
    }

    @Test func badDate() throws {
        #expect(try error("start: 2026-02-30") == .invalidDate("2026-02-30", at: at(1, 8)))
        #expect(try error("start: 12/07/2026") == .invalidDate("12/07/2026", at: at(1, 8)))
        #expect(try read("start: 2028-02-29").errors.isEmpty)
        #expect(try error("start: 2027-02-29").location == at(1, 8))
    }

    @Test func badNumbers() throws {
        let age = try error("age: forty")
        #expect(age == .invalidNumber(key: "age", value: "forty", expected: "a whole number of years from 19 to 130 (gutplan serves adults)", at: at(1, 6)))
        #expect(try error("age: 12").location == at(1, 6))
        #expect(try error("age: 42  # years").message.contains("comments go on their own line"))
        #expect(try error("weeks: 13").message.contains("from 1 to 12"))
        #expect(try error("servings: 0").location == at(1, 11))
        #expect(try error("kcal: 2400-1600").message.contains("MIN below MAX"))
        #expect(try error("max-minutes: dinner=0").location == at(1, 21))
        #expect(try error("meal-times: breakfast=25:30").location == at(1, 23))
        #expect(try error("lab: ferritin, lots, ug/L").location == at(1, 16))
        #expect(try error("seed: -1").location == at(1, 7))
    }

    @Test func unknownNutrient() throws {
        let error = try error("confirmed: iron, vitamn d")
        guard case .unknownNutrient(let name, let reason, let location) = error else {
            Issue.record("expected an unknown nutrient, got \(error)")
            return
        }
        #expect(name == "vitamn d" && location == at(1, 18))
        #expect(reason.contains("did you mean"))
        #expect(try self.error("supplements: zinc=8mg, irn=18mg").location == at(1, 24))
        #expect(try self.error("suspected: energy").message.contains("no daily target"))
    }

    @Test func missingLabsFile() throws {
        let folder = try ProfileSupport.scratch("profile")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/bo.profile"
        try ProfileSupport.write("name: Bo\nlabs: bo-labs.csv\n", to: path)
        let gutplan = try #require(ProfileSupport.gutplan)
        let reading = gutplan.parseProfile(try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
        #expect(reading.errors == [.missingFile("bo-labs.csv", resolved: folder + "/bo-labs.csv", reason: "no such file",
                                                at: GutPlanKit.SourceLocation(path: path, line: 2, column: 7))])
        #expect(reading.isMissingInput)
        #expect(throws: GutPlanError.self) { try gutplan.readProfile(at: path) }
        do {
            _ = try gutplan.readProfile(at: path)
        } catch {
            guard case .missingInput(let message) = error else {
                Issue.record("expected missing input, got \(error)")
                return
            }
            #expect(message.hasPrefix("\(path):2:7: error: cannot read lab report 'bo-labs.csv'"))
        }
        // A lab report with a bad line is bad data, located in the report.
        try ProfileSupport.write("test,value,unit\nferritin,abc,ug/L\n", to: folder + "/bo-labs.csv")
        let bad = gutplan.parseProfile(try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
        #expect(!bad.isMissingInput && bad.profile == nil)
        #expect(bad.diagnostics.first?.location?.path == folder + "/bo-labs.csv")
    }

    @Test func invalidUTF8() throws {
        var data = Data("name: Ana\nsex: fem".utf8)
        data.append(0xFF)
        data.append(contentsOf: Array("ale\nage: x\n".utf8))
        let reading = try read(data)
        #expect(reading.errors == [.invalidUTF8(byte: 0xFF, at: at(2, 9))])
        #expect(reading.diagnostics.first?.rendered.hasPrefix("c.profile:2:9: error: invalid UTF-8 (byte 0xFF)") == true)
    }

    @Test func controlCharacters() throws {
        let reading = try read("name: A\u{0}na\nage: 4\u{1B}2\ndiet: vegan\nnotes: \u{202E}evil\n")
        #expect(reading.errors == [.controlCharacter("\u{0}", at: at(1, 8)), .controlCharacter("\u{1B}", at: at(2, 7)),
                                   .controlCharacter("\u{202E}", at: at(4, 8))])
        // The caret line is the offending line; the message names the code point, not the raw character.
        #expect(reading.diagnostics[1].message == "invalid control character U+001B; a profile is plain text")
        #expect(reading.diagnostics[1].rendered == "c.profile:2:7: error: invalid control character U+001B; a profile is plain text\nage: 4\u{FFFD}2\n      ^")
        let shown = reading.diagnostics.flatMap { $0.rendered.split(separator: "\n") }
        #expect(!shown.contains { $0.unicodeScalars.contains(where: ProfileScanner.isForbidden) })
    }

    @Test func hugeInputIsBounded() throws {
        // A million bad lines: 100 errors, then one that says reading stopped.
        let lines = String(repeating: "bad\n", count: 1_000_000)
        let many = try read(lines)
        #expect(many.errors.count == ProfileScanner.maximumErrors + 1)
        #expect(many.errors.last == .tooManyErrors(limit: ProfileScanner.maximumErrors, at: at(101, 4)))
        // A line too long to look at, and a file too large to read.
        let long = try read("name: " + String(repeating: "x", count: 100_000) + "\nage: 40\n")
        #expect(long.errors == [.lineTooLong(limit: ProfileScanner.maximumLineLength, at: at(1, 1))])
        #expect(long.diagnostics[0].rendered.count < 300)
        let huge = try read(Data(count: ProfileScanner.maximumBytes + 1))
        #expect(huge.errors == [.fileTooLarge(limit: ProfileScanner.maximumBytes, at: at(1, 1))])
    }

    @Test func everyErrorOfAFileInOneRun() throws {
        let reading = try read("""
        name: Cy
        diet: vegen
        age: 200
        colour: blue
        start: 2026-13-01
        confirmed: zink
        """)
        #expect(reading.errors.map(\.location.line) == [2, 3, 4, 5, 6])
        #expect(reading.diagnostics.count == 5)
    }

    @Test func continuationLinesAndLabBlock() throws {
        let reading = try read("""
        confirmed: iron,
          zinc
        # a comment inside the block
          vitamin d
        labs:
          ferritin, 22, ug/L
          vitamin d, 18, ng/mL
        notes: first line
          second line
        notes:
        notes: after a blank
        """)
        #expect(reading.errors.isEmpty, "\(reading.errors)")
        let client = try #require(reading.profile)
        #expect(client.input.confirmed == ["iron", "zinc", "vitamin d"])
        #expect(client.labs.map(\.test) == ["ferritin", "25-hydroxyvitamin-d"])
        #expect(client.labs.map(\.value) == [22, 18])
        #expect(client.notes == ["first line", "second line", "", "after a blank"])
        #expect(client.input.labsPath == nil)
    }

    @Test func labRowErrors() throws {
        let reading = try read("""
        lab: feritin, 22, ug/L
        lab: ferritin, 22, furlongs
        lab: b12, 300
        labs:
          ferritin, 30, ug/L
          b12, 200, pg/mL
        """)
        #expect(reading.errors.map(\.location) == [at(1, 6), at(2, 20), at(3, 6), at(5, 3)])
        #expect(reading.errors[0].message.contains("did you mean 'ferritin'?"))
        #expect(reading.errors[3].message.contains("given twice"))
    }

    @Test func locksAndSchedule() throws {
        let reading = try read("""
        weeks: 2
        lock: 9:dinner=overnight-oats-kefir-blueberries
        lock: 15:lunch=overnight-oats-kefir-blueberries
        lock: 2:brunch=overnight-oats-kefir-blueberries
        max-minutes: 30
        meal-times: breakfast=08:00, dinner=19:15
        """)
        #expect(reading.errors.map(\.location) == [at(3, 7), at(4, 9)])
        #expect(reading.errors[1].message.contains("did you mean 'lunch'?"))
        let ok = try read("weeks: 2\nlock: 9:dinner=overnight-oats-kefir-blueberries\nmax-minutes: 30\nmeal-times: breakfast=08:00\nramp: yes\nseed: 7\nservings: 3\n")
        let options = try #require(ok.profile).options
        #expect(options.locks == [PlanOptions.Lock(day: 9, slot: .dinner, item: "overnight-oats-kefir-blueberries")])
        #expect(options.maxMinutes == [.breakfast: 30, .lunch: 30, .dinner: 30, .snack: 30])
        #expect(options.mealTimes[.breakfast] == "08:00" && options.mealTimes[.dinner] == "18:30")
        #expect(options.ramp && options.seed == 7 && options.servings == 3 && options.weeks == 2)
    }

    @Test func roundTrip() throws {
        let original = """
        # a comment the writer drops
        NAME:   Dee  Ng
        age: 67
        sex: male
        diet: pescatarian
        activity: sedentary
        kcal: 1800-2300.5
        exclude: dairy, liver
        confirmed: zinc
        suspected: magnesium, b12
        symptoms: fatigue
        supplements: vitamin-d=1000IU, iron=18 mg
        labs:
          ferritin, 12.5, ug/L
        lab: b12, 150, pg/mL
        low-fodmap: yes
        start: 2026-12-07
        weeks: 3
        servings: 2
        meal-times: lunch=13:00, snack=16:00
        max-minutes: breakfast=10, dinner=45
        seed: 42
        ramp: true
        lock: 3:dinner=overnight-oats-kefir-blueberries
        notes: Prefers warm breakfasts.
          Retest ferritin in 8 weeks: # not a comment here? yes, it is a value
        notes:
        notes: Café con leche, ½ cup
        """
        let first = try read(original)
        #expect(first.errors.isEmpty, "\(first.errors)")
        let client = try #require(first.profile)
        let text = client.text
        let second = try read(text)
        let again = try #require(second.profile)
        #expect(again.text == text)
        #expect(Self.withoutLocations(again) == Self.withoutLocations(client))
        #expect(text.hasPrefix("name: Dee  Ng\nsex: male\nage: 67\nactivity: sedentary\ndiet: pescatarian\nkcal: 1800-2300.5\n"))
        #expect(text.contains("lab: ferritin, 12.5, ug/L\nlab: vitamin-b12, 150, pg/mL\n"))
        #expect(text.contains("max-minutes: breakfast=10, dinner=45\n"))
        #expect(client.notes.count == 4)
    }

    static func withoutLocations(_ client: ClientProfile) -> ClientProfile {
        var copy = client
        copy.labs = copy.labs.map { LabResult(test: $0.test, value: $0.value, unit: $0.unit) }
        return copy
    }

    @Test func writerKeepsTextOnOneLine() throws {
        var client = ClientProfile(name: "Eve\nsex: male", notes: ["line one\nline two", "\u{1B}[31mred"])
        client.input.age = 30
        let reading = try read(client.text)
        #expect(reading.errors.isEmpty, "\(reading.errors)")
        #expect(reading.profile?.name == "Eve sex: male")
        #expect(reading.profile?.input.sex == .female)
        #expect(reading.profile?.notes == ["line one", "line two", "[31mred"])
    }
}

@Suite struct ProfileAnswerTests {
    @Test func answersCheckedOneAtATime() throws {
        let gutplan = try #require(ProfileSupport.gutplan)
        #expect(gutplan.problem(profileKey: .diet, value: "vegan") == nil)
        #expect(gutplan.problem(profileKey: .diet, value: "vegen")?.contains("did you mean 'vegan'?") == true)
        #expect(gutplan.problem(profileKey: .start, value: "2026-02-30")?.contains("is not a date") == true)
        #expect(gutplan.problem(profileKey: .confirmed, value: "iron, zinc") == nil)
        #expect(gutplan.problem(profileKey: .name, value: "two\nlines") == "the answer must be one line")
        #expect(gutplan.problem(profileKey: .labs, value: "absent.csv", folder: "/nonexistent")?.contains("cannot read lab report") == true)
    }
}
