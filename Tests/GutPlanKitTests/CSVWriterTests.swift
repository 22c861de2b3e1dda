import Testing
@testable import GutPlanKit

/// A tiny RFC 4180 reader for round trips: CRLF or LF records, quoted fields with doubled quotes.
func readCSV(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
        if quoted {
            if scalar == "\"" {
                if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
            } else {
                field.unicodeScalars.append(scalar)
            }
        } else if scalar == "\"" {
            quoted = true
        } else if scalar == "," {
            record.append(field); field = ""
        } else if scalar == "\r" || scalar == "\n" {
            if scalar == "\r", scalars.first == "\n" { scalars.removeFirst() }
            record.append(field); field = ""
            records.append(record); record = []
        } else {
            field.unicodeScalars.append(scalar)
        }
    }
    if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records
}

@Test func csvQuotesOnlyWhenNeeded() {
    var writer = CSVWriter()
    writer.append([.text("plain"), .text("a,b"), .text("say \"hi\""), .text("two\nlines"), .text("cr\r"), .empty,
                   .number(1.23456), .number(-2), .number(.nan)])
    #expect(writer.text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",,1.2346,-2,\r\n")
}

@Test func csvNeutralisesFormulaText() {
    #expect(CSVWriter.neutralised("=1+1") == "'=1+1")
    #expect(CSVWriter.neutralised("+1") == "'+1")
    #expect(CSVWriter.neutralised("-Mango") == "'-Mango")
    #expect(CSVWriter.neutralised("@SUM(A1)") == "'@SUM(A1)")
    #expect(CSVWriter.neutralised("\tx") == "'\tx")
    #expect(CSVWriter.neutralised("\rx") == "'\rx")
    #expect(CSVWriter.neutralised("Mango-lassi") == "Mango-lassi")
    #expect(CSVWriter.neutralised("") == "")
}

@Test func csvRoundTripsThroughAReader() {
    let rows = [["id", "name"], ["1", "a,b \"c\"\r\nd"], ["2", "é😀"], ["3", ""]]
    var writer = CSVWriter()
    for row in rows { writer.append(row.map(CSVWriter.Cell.text)) }
    #expect(readCSV(writer.text) == rows)
}
