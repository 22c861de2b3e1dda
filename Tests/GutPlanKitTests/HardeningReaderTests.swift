import Foundation
import Testing
@testable import GutPlanKit

/// Every reader answers hostile input (truncated, binary, invalid UTF-8, empty, enormous,
/// deeply nested) with located diagnostics and no trap. Bounded time is checked by the suite
/// finishing; the enormous end-to-end runs are in `GutPlanCLITests/HardeningCLITests`.
@Suite struct HardeningRuleParserTests {
    static let path = "h.rules"

    static func parse(_ text: String) -> RuleFile { RuleParser.parse(text, path: path) }

    static func realRuleFiles() throws -> [(name: String, data: Data)] {
        try FileManager.default.contentsOfDirectory(atPath: Hardening.rules).filter { $0.hasSuffix(".rules") }.sorted()
            .map { ($0, try Data(contentsOf: URL(fileURLWithPath: Hardening.rules).appendingPathComponent($0))) }
    }

    /// Every error is inside the text: line 1...lines+1 (the end), column >= 1.
    static func expectLocated(_ file: RuleFile, lines: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for error in file.errors {
            #expect(error.location.path == path, sourceLocation: sourceLocation)
            #expect(error.location.line >= 1 && error.location.line <= lines + 1, "\(error.message)", sourceLocation: sourceLocation)
            #expect(error.location.column >= 1, sourceLocation: sourceLocation)
        }
        #expect(file.errors.count <= RuleParser.maximumErrors + 1, sourceLocation: sourceLocation)
    }

    @Test func truncatedRealFilesFailCleanly() throws {
        for (name, data) in try Self.realRuleFiles() {
            let cuts = stride(from: 0, to: data.count, by: max(1, data.count / 60))
            for cut in cuts {
                let text = String(decoding: data.prefix(cut), as: UTF8.self)
                let file = Self.parse(text)
                Self.expectLocated(file, lines: text.split(separator: "\n", omittingEmptySubsequences: false).count)
                let diagnostics = RuleParser.diagnostics(for: file, text: text)
                #expect(diagnostics.count == file.errors.count, "\(name) cut at \(cut)")
            }
        }
    }

    @Test func randomBinaryIsRejectedWithLocations() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<40 {
            let bytes = (0..<2_000).map { _ in UInt8.random(in: 0...255, using: &random) }
            let text = String(decoding: bytes, as: UTF8.self)
            let file = Self.parse(text)
            #expect(!file.errors.isEmpty)
            Self.expectLocated(file, lines: text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }).count)
        }
    }

    @Test func emptyAndBlankFilesHoldNoStatements() {
        for text in ["", "\u{FEFF}", "   \n\t\r\n", "# only a comment", "# comment\r# another\r"] {
            let file = Self.parse(text)
            #expect(file.errors.isEmpty && file.rules.isEmpty && file.settings.isEmpty, "\(text.debugDescription)")
        }
    }

    @Test func nulAndReplacementCharacterAreLocated() {
        let file = Self.parse("rule a when always then note \"ok\"\nrule b when always then note \"x\u{FFFD}y\"\n\u{0}")
        #expect(file.rules.map(\.name) == ["a"])
        #expect(file.errors.map(\.location.line) == [2, 3])
        #expect(file.errors.first?.location.column == 32)
    }

    @Test func megabyteLinesParseOrFailOnce() {
        let long = String(repeating: "a", count: 1 << 20)
        // A 1 MB summary and a 1 MB name are legal.
        var file = Self.parse("rule x \"\(long)\" when always then note \"n\"\nrule \(long) when always then note \"n\"")
        #expect(file.errors.isEmpty)
        #expect(file.rules.count == 2)
        // A 1 MB run of junk is one error, not a million.
        file = Self.parse("rule x when always then note \"n\" " + String(repeating: ";", count: 1 << 20))
        #expect(file.errors.count == 1)
        #expect(file.errors.first?.location == GutPlanKit.SourceLocation(path: Self.path, line: 1, column: 34))
        // A 1 MB unterminated string reports where it opens.
        file = Self.parse("rule x when always then note \"" + long)
        #expect(file.errors.count == 1)
        #expect(file.errors.first?.location.column == 30)
        // A 1 MB number.
        file = Self.parse("set weight confirmed " + String(repeating: "9", count: 1 << 20))
        #expect(file.settings.isEmpty)
        #expect(file.errors.count == 1)
    }

    @Test(arguments: ["(", "not ", "not (", "( not "])
    func deepNestingStopsAtTheLimit(_ opener: String) {
        let depth = 100_000
        let text = "rule deep when " + String(repeating: opener, count: depth) + "always" + String(repeating: ")", count: depth)
            + " then note \"n\"\nrule after when always then note \"n\""
        let file = Self.parse(text)
        #expect(file.rules.map(\.name) == ["after"])
        #expect(file.errors.count == 1)
        #expect(file.errors.first?.message.contains("nested too deeply") == true)
        #expect(file.errors.first?.location.line == 1)
    }

    @Test func nestingAtTheLimitIsAccepted() {
        let depth = RuleParser.maximumNesting
        let file = Self.parse("rule ok when " + String(repeating: "(", count: depth) + "always" + String(repeating: ")", count: depth)
            + " then note \"n\"")
        #expect(file.errors.isEmpty)
        #expect(file.rules.count == 1)
    }

    @Test func manyErrorsStopAtTheLimit() {
        let text = String(repeating: "rule a when flaged zinc then note \"n\"\n", count: 10_000)
        let file = Self.parse(text)
        #expect(file.errors.count == RuleParser.maximumErrors + 1)
        #expect(file.errors.last?.message.contains("too many errors") == true)
    }

    @Test func manyRulesParse() {
        let text = (0..<20_000).map { "rule r\($0) when lab ferritin < \($0) ug/L then note \"n\($0)\"\n" }.joined()
        let file = Self.parse(text)
        #expect(file.errors.isEmpty)
        #expect(file.rules.count == 20_000)
        #expect(file.rules.last?.location.line == 20_000)
    }

    /// Regression (found with 100,000 rules): the shadowing check compared every rule with every
    /// earlier rule of the same condition, recomputing their actions each time (quadratic).
    @Test func shadowingCheckOnManyRulesOfOneCondition() throws {
        let knowledge = try #require(KnowledgeBase.load(directory: Hardening.rules).knowledge)
        let here = GutPlanKit.SourceLocation(path: Self.path, line: 1, column: 1)
        var kb = knowledge
        kb.rules = (0..<30_000).map { i in
            Rule(name: "r\(i)", summary: "", priority: 0, condition: .flagged(nutrient: Reference("zinc", at: here), status: nil),
                 actions: [.note(i % 2 == 0 ? "n\(i)" : "n\(i - 1)")], location: here)
        }
        let shadowed = RuleChecker.check(kb).filter { $0.message.contains("is shadowed by") }
        // Each odd rule repeats the note of the even rule before it.
        #expect(shadowed.count == 15_000)
        #expect(shadowed.first?.message.hasPrefix("rule 'r1' is shadowed by rule 'r0'") == true)
    }

    @Test func invalidUTF8RuleFileIsLocatedByTheLoader() throws {
        let rules = try Hardening.copyOfRules()
        defer { try? FileManager.default.removeItem(at: rules.deletingLastPathComponent()) }
        let path = rules.appendingPathComponent("60-bad.rules").path
        try (Data("rule a when always\nthen note \"x".utf8) + Data([0xFF, 0x22, 0x0A])).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try GutPlan.load(rules: rules.path)
        } throws: { error in
            guard let error = error as? GutPlanError, case .badData(let diagnostics) = error else { return false }
            return diagnostics.contains { $0.location == GutPlanKit.SourceLocation(path: path, line: 2, column: 13) && $0.message.contains("UTF-8") }
        }
    }

    @Test func binaryRuleFileIsBadData() throws {
        let rules = try Hardening.copyOfRules()
        defer { try? FileManager.default.removeItem(at: rules.deletingLastPathComponent()) }
        var random = SeededGenerator(seed: 11)
        let bytes = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        let path = rules.appendingPathComponent("60-binary.rules").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try GutPlan.load(rules: rules.path)
        } throws: { error in
            guard let error = error as? GutPlanError, case .badData(let diagnostics) = error else { return false }
            return !diagnostics.isEmpty && diagnostics.allSatisfy { $0.location?.path == path }
        }
    }
}

@Suite struct HardeningCSVTests {
    static let path = "h.csv"
    static let loose = CSVTable.Columns.named(required: [], optional: [], ignoringCase: true, allowingOthers: true)

    static func read(_ data: Data, columns: CSVTable.Columns = loose) -> (table: CSVTable?, diagnostics: [Diagnostic]) {
        CSVTable.read(data, path: path, columns: columns)
    }

    static func bounded(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.count <= CSVTable.diagnosticLimit + 1 && Hardening.located(diagnostics, in: path)
    }

    @Test func emptyInputIsAnError() {
        for data in [Data(), Data([0xEF, 0xBB, 0xBF])] {
            let read = Self.read(data)
            #expect(read.table == nil)
            #expect(read.diagnostics.first?.message.contains("empty") == true)
        }
    }

    @Test func invalidUTF8IsLocated() {
        let read = Self.read(Data("a,b\n1,é".utf8) + Data([0xC3, 0x28]) + Data("\n".utf8))
        #expect(read.table == nil)
        #expect(read.diagnostics.count == 1)
        #expect(read.diagnostics.first?.location == GutPlanKit.SourceLocation(path: Self.path, line: 2, column: 4))
        // Overlong, surrogate, truncated and out-of-range sequences.
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0x80]] {
            let read = Self.read(Data("x\n".utf8) + Data(bad))
            #expect(read.table == nil)
            #expect(read.diagnostics.first?.location == GutPlanKit.SourceLocation(path: Self.path, line: 2, column: 1), "\(bad)")
        }
    }

    @Test func randomBinaryNeverTraps() {
        var random = SeededGenerator(seed: 3)
        for round in 0..<60 {
            // Half the rounds keep to ASCII so the reader gets past the UTF-8 check.
            let bytes = (0..<3_000).map { _ in round % 2 == 0 ? UInt8.random(in: 0...255, using: &random)
                : [0x22, 0x2C, 0x0A, 0x0D, 0x61, 0x00, 0x09][Int.random(in: 0..<7, using: &random)] }
            let read = Self.read(Data(bytes))
            #expect(Self.bounded(read.diagnostics))
            if let table = read.table { #expect(table.rows.allSatisfy { $0.fields.count == table.header.count }) }
        }
    }

    @Test func truncatedRealFilesFailCleanly() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Hardening.rules).filter { $0.hasSuffix(".csv") }.sorted()
        for name in names {
            let data = try Data(contentsOf: URL(fileURLWithPath: Hardening.rules).appendingPathComponent(name))
            for cut in stride(from: 0, to: data.count, by: max(1, data.count / 40)) {
                let read = Self.read(data.prefix(cut))
                #expect(Self.bounded(read.diagnostics), "\(name) cut at \(cut)")
            }
        }
    }

    @Test func megabyteFieldAndLine() {
        let field = String(repeating: "x", count: 1 << 20)
        var read = Self.read(Data("a,b\n\(field),\"\(field)\"\n".utf8))
        #expect(read.diagnostics.isEmpty)
        #expect(read.table?.rows.first?.fields.map(\.text.count) == [1 << 20, 1 << 20])
        // A 1 MB line of 100,000 fields against a 2-column header: one error, no 1 MB source line.
        read = Self.read(Data("a,b\n".utf8) + Data(String(repeating: "1,", count: 100_000).utf8))
        #expect(read.table == nil)
        #expect(read.diagnostics.count == 1)
        #expect(read.diagnostics.first?.sourceLine == nil)
        #expect(read.diagnostics.first?.location?.line == 2)
    }

    @Test func manyBadLinesAreCapped() {
        let data = Data(("a,b\n" + String(repeating: "1\n", count: 100_000)).utf8)
        let read = Self.read(data)
        #expect(read.table == nil)
        #expect(read.diagnostics.count == CSVTable.diagnosticLimit + 1)
        #expect(read.diagnostics.last?.message.contains("too many errors") == true)
    }

    @Test func malformedQuotingIsLocated() {
        var read = Self.read(Data("a,b\n1,\"open\n2,3\n".utf8))
        #expect(read.diagnostics.first?.location == GutPlanKit.SourceLocation(path: Self.path, line: 2, column: 3))
        #expect(read.diagnostics.first?.message.contains("unterminated") == true)
        read = Self.read(Data("a,b\n1,\"x\"y\n".utf8))
        #expect(read.diagnostics.first?.location == GutPlanKit.SourceLocation(path: Self.path, line: 2, column: 6))
        read = Self.read(Data("a,b\n1,x\"y\n".utf8))
        #expect(read.diagnostics.first?.location == GutPlanKit.SourceLocation(path: Self.path, line: 2, column: 4))
        read = Self.read(Data("a,b\n1,x\ry\n".utf8))
        #expect(read.diagnostics.first?.location == GutPlanKit.SourceLocation(path: Self.path, line: 2, column: 4))
        read = Self.read(Data("a,b\n1,\u{0}\n".utf8))
        #expect(read.diagnostics.first?.message.contains("U+0000") == true)
    }

    @Test func hostileNumbersAreRejected() {
        for text in ["1e999", "-1e999", "nan", "NaN", "inf", "0x10", "1_000", "--1", "", " ", "١٢", String(repeating: "9", count: 100_000)] {
            if case .value = ParsedNumber(text) { Issue.record("'\(text.prefix(20))' read as a number") }
        }
        #expect(ParsedNumber(" 18.5 ") == .value(18.5))
        #expect(ParsedNumber("-0") == .value(0))
    }
}

@Suite struct HardeningLabReportTests {
    static let path = "labs-h.csv"
    static let knowledge: KnowledgeBase? = KnowledgeBase.load(directory: Hardening.rules).knowledge

    static func parse(_ data: Data) throws -> (results: [LabResult], diagnostics: [Diagnostic]) {
        LabReport.parse(data, path: path, knowledge: try #require(knowledge))
    }

    static func parse(_ text: String) throws -> (results: [LabResult], diagnostics: [Diagnostic]) {
        try parse(Data(text.utf8))
    }

    @Test func emptyAndHeaderOnly() throws {
        #expect(try Self.parse("").diagnostics.first?.message.contains("empty") == true)
        let headerOnly = try Self.parse("test,value,unit\n")
        #expect(headerOnly.diagnostics.isEmpty && headerOnly.results.isEmpty)
        let exported = try Self.parse("\u{FEFF}Test,Value,Unit,Date\r\nferritin, 12 ,ng/mL,2024-01-02\r\n")
        #expect(exported.diagnostics.isEmpty)
        #expect(exported.results.map(\.value) == [12])
    }

    @Test func hostileValuesAreLocated() throws {
        for (value, message) in [("1e999", "out of range"), ("-3", "negative"), ("nan", "not a number"), ("inf", "not a number"),
                                 ("0x1A", "not a number"), ("", "not a number"), (String(repeating: "9", count: 1 << 20), "not a number")] {
            let read = try Self.parse("test,value,unit\nferritin,\(value),ng/mL\n")
            #expect(read.results.isEmpty)
            #expect(read.diagnostics.count == 1)
            #expect(read.diagnostics.first?.message.contains(message) == true, "\(value.prefix(20))")
            #expect(read.diagnostics.first?.location == GutPlanKit.SourceLocation(path: Self.path, line: 2, column: 10))
            // Regression: the message quoted the whole cell (1 MB); now it is clipped.
            #expect((read.diagnostics.first?.message.unicodeScalars.count ?? 0) <= CSVTable.messageLimit + 1)
            // The caret line is shown only when it is short enough to read.
            #expect((read.diagnostics.first?.sourceLine == nil) == (value.count > 400))
        }
    }

    @Test func unknownTestsUnitsAndDuplicatesAreLocated() throws {
        let read = try Self.parse("test,value,unit\nferitin,12,ng/mL\nferritin,12,furlongs\nferritin,12,nmol/L\nferritin,13,ng/mL\n")
        #expect(read.diagnostics.map { $0.location?.line ?? 0 } == [2, 3, 4, 4, 5])
        #expect(read.diagnostics[0].message.contains("did you mean 'ferritin'"))
    }

    @Test func binaryAndInvalidUTF8() throws {
        var random = SeededGenerator(seed: 5)
        for _ in 0..<30 {
            let bytes = Data("test,value,unit\n".utf8) + Data((0..<2_000).map { _ in UInt8.random(in: 0...255, using: &random) })
            let read = try Self.parse(bytes)
            #expect(!read.diagnostics.isEmpty)
            #expect(Hardening.located(read.diagnostics, in: Self.path))
            #expect(read.diagnostics.count <= CSVTable.diagnosticLimit + 1)
        }
        let read = try Self.parse(Data("test,value,unit\nferritin,1".utf8) + Data([0xFE]) + Data(",ng/mL\n".utf8))
        #expect(read.diagnostics.first?.location == GutPlanKit.SourceLocation(path: Self.path, line: 2, column: 11))
    }

    /// Regression: every bad line of a report gave its own diagnostic, so a 50 MB report of bad
    /// lines made a message as large as the file. Now capped like the CSV reader's.
    @Test func manyBadLinesAreCapped() throws {
        let read = try Self.parse("test,value,unit\n" + String(repeating: "ferritin,x,ng/mL\n", count: 100_000))
        #expect(read.results.isEmpty)
        #expect(read.diagnostics.count == CSVTable.diagnosticLimit + 1)
        #expect(read.diagnostics.last?.message.contains("too many errors") == true)
    }
}

