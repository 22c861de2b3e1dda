import Foundation
import Testing
@testable import GutPlanKit

/// The byte-level readers of cells (numbers, lists, `food:servings` items) give exactly what
/// the `String` route they stand in for gives.
@Suite struct CSVCellValueTests {
    /// The one cell of a one-column table holding `text` (quoted, so any text fits).
    func cell(_ text: String) throws -> CSVTable.Field {
        let quoted = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let table = try #require(CSVTable.read(Data("x\n\(quoted)\n".utf8), path: "t.csv",
                                               columns: .named(required: ["x"], optional: [], ignoringCase: false,
                                                               allowingOthers: false)).table)
        return try #require(table.field("x", in: table.rows[0]))
    }

    @Test func shortDecimalsAreTheDoublesStrtodGives() {
        // Every shape the fast path takes, and random digits of every length it takes.
        var texts = ["0", "-0", "5.", ".5", "-.5", "-5.", "00012.3400", "0.1", "0.06050", "113.9", "999999999999999",
                     "0.000000000000001", "123456789.012345", "9007199254740993", "1234567890123456"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let digits = Int(seed >> 60) + 1
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            var text = String(seed % UInt64(pow(10.0, Double(min(digits, 18)))))
            text = String(repeating: "0", count: max(0, digits - text.count)) + text
            let point = Int((seed >> 33) % UInt64(digits + 1))
            text.insert(".", at: text.index(text.startIndex, offsetBy: point))
            texts.append(seed & 1 == 0 ? text : "-" + text)
        }
        for text in texts {
            let fast = text.withUTF8Bytes(ParsedNumber.shortDecimal)
            if let fast {
                #expect(fast.bitPattern == Double(text)?.bitPattern, "\(text)")
            } else {
                // Only longer texts leave the fast path.
                #expect(text.filter(\.isNumber).count > 15, "\(text)")
            }
        }
        let long = String(repeating: "9", count: 400)
        for text in ["", "-", ".", "1e3", "+1", " 1", "1 ", "1.2.3", "--1", "1-", "0x10", "inf", "nan", "1234567890123456",
                     "123456789012345678901234", long, "0." + long, "-" + long] {
            #expect(text.withUTF8Bytes(ParsedNumber.shortDecimal) == nil, "\(text)")
        }
    }

    @Test func numbersOfCellsAreNumbersOfTheirText() throws {
        for text in ["18", " 18.5 ", "1e3", "-2", "-0", "1e999", "x", "", "\u{A0}7\u{A0}", "١٢", "0.75",
                     "123456789012345678901234", String(repeating: "9", count: 400), "0." + String(repeating: "1", count: 40)] {
            #expect(ParsedNumber(try cell(text)) == ParsedNumber(text), "\(text)")
            #expect(ParsedNumber(Substring(text)) == ParsedNumber(text), "\(text)")
        }
    }

    @Test func piecesAreTheTrimmedSplitOfTheText() throws {
        let texts = ["a;b", " a ; b ;", ";;", "", " ", "a;;b", "\tx\t;y", "µg; ü ;é", "\u{A0}a\u{A0};b", " \u{301}a; b",
                     "a\u{301};b", "é;;", "x;\u{200B}", "°C|Cover and chill.| Top it ", "a;\u{2003}", "\u{600}a ;b",
                     "naïve ;\u{3000}"]
        for text in texts {
            let field = try cell(text)
            for separator in [UInt8(ascii: ";"), UInt8(ascii: "|")] {
                let reference = text.splitASCII(separator, omittingEmptySubsequences: false).map { $0.trimmedBlanks }
                #expect(field.pieces(separator: separator, omittingEmpty: false) == reference, "\(text)")
                #expect(field.pieces(separator: separator, omittingEmpty: true) == reference.filter { !$0.isEmpty }, "\(text)")
            }
        }
    }

    @Test func portionPartsSplitAtTheOneColon() {
        for item in ["oats:1.25", " oats : 1 ", "a:b:c", "oats", ":", "é:1", " é :2", "x\u{301}:1", "a:\u{A0}1"] {
            let parts = item.splitASCII(UInt8(ascii: ":"), omittingEmptySubsequences: false)
            let expected = parts.count == 2 ? (parts[0].trimmedBlanks, String(parts[1])) : nil
            let got = Meal.portionParts(item).map { ($0.food, String($0.servings)) }
            #expect(got?.0 == expected?.0 && got?.1 == expected?.1, "\(item)")
        }
    }
}
