import Foundation
import Testing
@testable import GutPlanKit

/// The readers and writers that work on UTF-8 bytes (for speed) give exactly what the
/// character-level operations they stand for give: on ASCII, on multi-byte text, next to
/// combining marks and prepended characters, with CRLF, lone CR and a byte-order mark.
@Suite struct ByteLevelTextTests {
    /// Scalars that make character breaking interesting: ASCII separators and blanks, CR and LF,
    /// combining marks (U+0301, U+0308), a spacing mark (U+0903), ZWJ, a prepended character
    /// (U+0600), regional indicators, an emoji, no-break and ideographic spaces, NEL, U+2028.
    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "7", ";", "|", ":", ",", " ", "\t", "\r", "\n", "\u{301}", "\u{308}", "\u{903}", "\u{200D}",
        "\u{600}", "\u{1F1E9}", "\u{1F1EA}", "\u{1F600}", "\u{A0}", "\u{3000}", "\u{85}", "\u{2028}", "é", "µ",
        "°", "\u{0B}",
    ]

    /// Deterministic strings over `alphabet` (a fixed linear congruential generator).
    static func samples(count: Int = 3000, maxLength: Int = 9) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in
            var scalars = String.UnicodeScalarView()
            for _ in 0..<next(maxLength + 1) { scalars.append(alphabet[next(alphabet.count)]) }
            return String(scalars)
        }
    }

    @Test func splitASCIIMatchesSplitOnCharacters() {
        for text in Self.samples() + ["", ";", ";;", "a;b;", ";\u{301}b", "\u{600};b", "a;\r\nb", "\u{1F1E9};\u{1F1EA}"] {
            for (byte, character) in [(UInt8(ascii: ";"), Character(";")), (UInt8(ascii: "|"), "|"), (UInt8(ascii: ":"), ":")] {
                for omitting in [true, false] {
                    let expected = text.split(separator: character, omittingEmptySubsequences: omitting)
                    let found = text.splitASCII(byte, omittingEmptySubsequences: omitting)
                    #expect(found == expected, "\(Array(text.unicodeScalars)) split on \(character), omitting \(omitting)")
                }
            }
        }
        // A separator joined by a combining mark is not a separator.
        #expect("a;\u{301}b;c".splitASCII(UInt8(ascii: ";")) == ["a;\u{301}b", "c"])
    }

    @Test func trimmedBlanksMatchesTrimmingCharacters() {
        let isBlank: (Character) -> Bool = { $0 == " " || ($0.isWhitespace && !$0.isNewline) }
        for text in Self.samples() + ["", " ", "a", " a ", "\u{600} ", "a\u{301}", "\u{A0}x\u{3000}"] {
            #expect(text.trimmedBlanks == text.trimming(isBlank), "\(Array(text.unicodeScalars))")
            let sub = text.dropFirst()
            #expect(sub.trimmedBlanks == sub.trimming(isBlank), "\(Array(sub.unicodeScalars))")
        }
    }

    @Test func containsLineBreakMatchesCharacters() {
        for text in Self.samples() + ["", "a\u{2029}", "\r\n", "é\u{85}", "\u{2027}"] {
            #expect(text.containsLineBreak == text.contains(where: \.isNewline), "\(Array(text.unicodeScalars))")
        }
    }

    // MARK: CSV

    func read(_ text: String) -> (table: CSVTable?, diagnostics: [Diagnostic]) {
        CSVTable.read(Data(text.utf8), path: "t.csv",
                      columns: .named(required: [], optional: [], ignoringCase: false, allowingOthers: true))
    }

    @Test func csvFieldsAfterMultiByteTextKeepTheirColumns() throws {
        let table = try #require(read("\u{FEFF}a,b,c\r\n°C,\"µg, ü\",ok\r\n\"é\",×2,\"\"\r\nx,\"say \"\"hi\"\"\",z").table)
        #expect(table.rows.map { $0.fields.map(\.text) } == [["°C", "µg, ü", "ok"], ["é", "×2", ""], ["x", "say \"hi\"", "z"]])
        #expect(table.rows[0].fields.map(\.location.column) == [1, 4, 12])
        #expect(table.rows[1].fields.map(\.location) == [
            SourceLocation(path: "t.csv", line: 3, column: 1), SourceLocation(path: "t.csv", line: 3, column: 5),
            SourceLocation(path: "t.csv", line: 3, column: 8),
        ])
        #expect(table.rows[2].fields[2].location.column == 16)
    }

    @Test func csvErrorsAfterMultiByteTextAreLocated() {
        let text = "a,b,c\nµ°,\"ü\u{7}\",x\n\"é\"y,z,\u{202E}\n°,é\u{85},\"ok\"\r"
        #expect(read(text).diagnostics.map(\.description) == [
            "t.csv:2:6: error: control character U+0007 in a field",
            "t.csv:3:4: error: text after the closing quote of a field",
            "t.csv:3:8: error: bidirectional control character U+202E in a field",
            "t.csv:4:4: error: control character U+0085 in a field",
            "t.csv:4:10: error: carriage return without a line feed",
        ])
    }

    @Test func csvInvalidUTF8AfterLongASCIIAndMultiByteRuns() {
        var bytes = Array("abcdefghijklmnopqrstuvwxyz,b\n°°°°,ü\nabcdefghijklmnop,x".utf8)
        bytes.insert(0xC0, at: bytes.count - 2)
        let result = CSVTable.read(Data(bytes), path: "t.csv",
                                   columns: .named(required: [], optional: [], ignoringCase: false, allowingOthers: true))
        #expect(result.diagnostics.map(\.description) == ["t.csv:3:17: error: invalid UTF-8 (byte \(bytes.count - 2) of the file, 0xC0)"])
    }

    // MARK: Rule files

    @Test func ruleErrorsInMultiByteLinesAreLocated() {
        let text = "\u{FEFF}# Über µg\r\nrule r \"Zürich — \\q\"\r  when flagged zinc # ü \u{202E}\n  then note \"ß \u{1}\"\n       note \"ö"
        #expect(RP.errors(text).map(\.location) == [RP.loc(2, 18), RP.loc(3, 25), RP.loc(4, 16), RP.loc(5, 13)])
    }

    @Test func ruleStringsKeepTheirTextAndEscapes() {
        let file = RP.parse("rule r \"µg \\\"x\\\" \\\\ ü\u{301}\tend\" when always then note \"x\"")
        #expect(file.errors == [])
        #expect(file.rules.first?.summary == "µg \"x\" \\ ü\u{301}\tend")
    }

    @Test func sourceTextSplitsMultiByteLines() {
        let source = SourceText("\u{FEFF}µg\r\nZürich\rß\n\n°")
        #expect(source.lines == ["µg", "Zürich", "ß", "", "°"])
        #expect(source.line(2) == "Zürich")
        #expect(source.line(6) == nil)
    }

    // MARK: JSON

    /// The number text as `DecimalText.format` wrote it before it appended bytes.
    static func referenceFormat(_ value: Double, maxFractionDigits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let digits = max(0, min(maxFractionDigits, 15))
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9_007_199_254_740_992 else {
            let text = "\(value)"
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        let whole = UInt64(scaled)
        let unit = UInt64(scale)
        var fraction = digits > 0 ? String(whole % unit) : ""
        if digits > 0 {
            fraction = String(repeating: "0", count: digits - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        let sign = value < 0 && whole != 0 ? "-" : ""
        return sign + String(whole / unit) + (fraction.isEmpty ? "" : "." + fraction)
    }

    @Test func decimalTextMatchesTheStringFormatting() {
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 2.5, -2.5, 1e-7, -1e-7, 0.1 + 0.2, 123_456.789_012_345, 9_007_199_254.740_992,
                                1e15, 1e16, 1e20, -1e20, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                0.000_050_000_1, 99.999_999_9, 1.005, 2010]
        var state: UInt64 = 42
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            let mantissa = Double(state >> 11) / Double(1 << 53)
            let exponent = Int((state >> 3) % 24) - 12
            values.append((state & 1 == 0 ? 1 : -1) * mantissa * pow(10, Double(exponent)))
        }
        for value in values {
            for digits in [0, 1, 2, 4, 6, 9, 15, 20, -1] {
                #expect(DecimalText.format(value, maxFractionDigits: digits) == Self.referenceFormat(value, maxFractionDigits: digits),
                        "\(value) with \(digits) digits")
            }
        }
    }

    @Test func jsonEscapesAtTheEdgesOfStrings() {
        let cases: [(String, String)] = [
            ("\u{2028}", #""\u2028""#), ("a\u{2029}", #""a\u2029""#), ("\u{2027}→\u{202F}", "\"\u{2027}→\u{202F}\""),
            ("\"", #""\"""#), ("\u{7F}x\u{0}", #""\u007fx\u0000""#), ("µg ü😀", "\"µg ü😀\""), ("", #""""#),
        ]
        for (text, json) in cases {
            #expect(JSONValue.string(text).rendered(pretty: false) == json)
        }
    }
}
