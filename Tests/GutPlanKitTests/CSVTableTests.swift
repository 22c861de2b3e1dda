import Foundation
import Testing
@testable import GutPlanKit

@Suite struct CSVTableTests {
    let any = CSVTable.Columns.named(required: [], optional: [], ignoringCase: false, allowingOthers: true)

    func read(_ text: String, _ columns: CSVTable.Columns? = nil) -> (table: CSVTable?, diagnostics: [Diagnostic]) {
        CSVTable.read(Data(text.utf8), path: "t.csv", columns: columns ?? any)
    }

    func messages(_ text: String, _ columns: CSVTable.Columns? = nil) -> [String] {
        read(text, columns).diagnostics.map(\.description)
    }

    @Test func quotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let result = read("a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\r\nlines\"\r\n2,,last\n")
        let table = try #require(result.table)
        #expect(result.diagnostics.isEmpty)
        #expect(table.columnNames == ["a", "b", "c"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0].fields.map(\.text) == ["1", "x, \"y\"", "two\nlines"])
        #expect(table.rows[0].fields[1].location == SourceLocation(path: "t.csv", line: 2, column: 3))
        #expect(table.rows[1].fields.map(\.text) == ["2", "", "last"])
        // The second record starts on line 4: the quoted line break counted as a line.
        #expect(table.rows[1].location == SourceLocation(path: "t.csv", line: 4, column: 1))
        #expect(table.rows[1].fields[2].location.column == 4)
    }

    @Test func byteOrderMarkAndMissingFinalNewline() throws {
        let table = try #require(read("\u{FEFF}id,name\nµg,Zürich").table)
        #expect(table.columnNames == ["id", "name"])
        #expect(table.rows[0].fields.map(\.text) == ["µg", "Zürich"])
        // Columns count Unicode scalars: "µg," is three.
        #expect(table.rows[0].fields[1].location.column == 4)
        #expect(table.field("name", in: table.rows[0])?.text == "Zürich")
    }

    @Test func emptyFile() {
        #expect(messages("") == ["t.csv:1:1: error: empty file (expected a header row)"])
        #expect(messages("\u{FEFF}") == ["t.csv:1:1: error: empty file (expected a header row)"])
    }

    @Test func invalidUTF8GivesLineAndByte() {
        var bytes = Array("a,b\n1,2\nx,".utf8)
        bytes.append(0xFF)
        let result = CSVTable.read(Data(bytes), path: "t.csv", columns: any)
        #expect(result.table == nil)
        #expect(result.diagnostics.map(\.description) == ["t.csv:3:3: error: invalid UTF-8 (byte 11 of the file, 0xFF)"])
        // A truncated multi-byte sequence and an overlong encoding are invalid too.
        #expect(CSVTable.read(Data([0x61, 0xC3]), path: "t.csv", columns: any).diagnostics.first?.message.hasPrefix("invalid UTF-8") == true)
        #expect(CSVTable.read(Data([0x61, 0xC0, 0xAF]), path: "t.csv", columns: any).diagnostics.first?.location?.column == 2)
        #expect(CSVTable.read(Data([0xED, 0xA0, 0x80]), path: "t.csv", columns: any).table == nil)
    }

    @Test func unterminatedQuote() {
        #expect(messages("a,b\n1,\"open\nmore\n") == ["t.csv:2:3: error: unterminated quoted field (the quote opens here)"])
    }

    @Test func strayQuoteInUnquotedField() {
        #expect(messages("a,b\n1,ab\"c\n") == ["t.csv:2:5: error: quote inside an unquoted field (quote the whole field and double the quote)"])
    }

    @Test func textAfterClosingQuote() {
        #expect(messages("a,b\n1,\"ab\"c\n") == ["t.csv:2:7: error: text after the closing quote of a field"])
    }

    @Test func wrongFieldCounts() {
        #expect(messages("a,b,c\n1,2\n1,2,3,4\n\n1,2,3\n") == [
            "t.csv:2:1: error: 2 fields, but the header has 3",
            "t.csv:3:7: error: 4 fields, but the header has 3",
            "t.csv:4:1: error: blank line (expected 3 fields)",
        ])
    }

    @Test func controlCharacters() {
        #expect(messages("a,b\n1,x\u{0}y\n") == ["t.csv:2:4: error: control character U+0000 in a field"])
        #expect(messages("a,b\n1,\"x\u{7}\"\n") == ["t.csv:2:5: error: control character U+0007 in a field"])
        #expect(messages("a,b\n1,x\ry\n") == ["t.csv:2:4: error: carriage return without a line feed"])
        // Tabs are text.
        #expect(read("a,b\n1,x\ty\n").table?.rows.first?.fields.last?.text == "x\ty")
    }

    @Test func headerColumns() {
        let columns = CSVTable.Columns.named(required: ["id", "name"], optional: ["note"], ignoringCase: false, allowingOthers: false)
        #expect(messages("id,nmae,id\n", columns) == [
            "t.csv:1:4: error: unknown column 'nmae' (did you mean 'name'?)",
            "t.csv:1:9: error: duplicate column 'id' (first at t.csv:1:1)",
            "t.csv:1:1: error: missing column 'name'",
        ])
        #expect(read("id,note,name\n", columns).table != nil)
        let folded = CSVTable.Columns.named(required: ["test"], optional: [], ignoringCase: true, allowingOthers: true)
        let table = read("Date,TEST\n2024,ferritin\n", folded).table
        #expect(table.flatMap { t in t.field("test", in: t.rows[0])?.text } == "ferritin")
    }

    @Test func exactHeader() {
        let exact = CSVTable.Columns.exactly(["id", "name", "grams"])
        #expect(messages("id,grams,name\n", exact) == [
            "t.csv:1:1: error: columns out of order; the header must be exactly: id,name,grams",
        ])
        #expect(messages("id,name\n", exact) == ["t.csv:1:1: error: missing column 'grams'"])
        #expect(read("id,name,grams\nx,y,1\n", exact).table?.rows.count == 1)
    }

    @Test func diagnosticsCarryTheSourceLine() throws {
        let diagnostic = try #require(read("a,b\n1,ab\"c\n").diagnostics.first)
        #expect(diagnostic.rendered == "t.csv:2:5: error: quote inside an unquoted field (quote the whole field and double the quote)\n1,ab\"c\n    ^")
    }

    @Test func oneMegabyteLineAndManyRows() throws {
        let long = String(repeating: "x", count: 1_000_000)
        let table = try #require(read("a,b\n\(long),\"\(long)\"\n").table)
        #expect(table.rows[0].fields[1].text.utf8.count == 1_000_000)
        #expect(table.rows[0].fields[1].location.column == 1_000_002)
        let many = "a,b\n" + String(repeating: "1,2\n", count: 100_000)
        #expect(read(many).table?.rows.count == 100_000)
    }

    @Test func errorsAreCapped() {
        let bad = "a,b\n" + String(repeating: "1\n", count: 500)
        let diagnostics = read(bad).diagnostics
        #expect(diagnostics.count == CSVTable.diagnosticLimit + 1)
        #expect(diagnostics.last?.message == "too many errors; stopped reporting")
    }
}
