import Testing
@testable import GutPlanKit

@Suite struct RuleLexerTests {
    /// All tokens of `text` (lexed without unit mode) as kinds, up to and including `.end`.
    func kinds(_ text: String) -> [Token.Kind] {
        var lexer = RuleLexer(text, path: RP.path)
        var result: [Token.Kind] = []
        while true {
            let token = lexer.next()
            result.append(token.kind)
            if token.kind == .end { return result }
        }
    }

    @Test func tokenKinds() {
        #expect(kinds("rule low-ferritin \"Why\" , ( ) < <= > >= = != 30 2.5 -7 # comment\n") == [
            .word("rule"), .word("low-ferritin"), .string("Why"), .comma, .leftParen, .rightParen,
            .comparison(.less), .comparison(.lessOrEqual), .comparison(.greater), .comparison(.greaterOrEqual),
            .comparison(.equal), .comparison(.notEqual), .number("30"), .number("2.5"), .number("-7"), .end,
        ])
    }

    @Test func numberLikeRuns() {
        #expect(kinds("1e999 7up 1.2.3 -x") == [
            .word("1e999"), .word("7up"), .invalid(.invalidNumber("1.2.3", at: RP.loc(1, 11))),
            .invalid(.invalidCharacter("-", at: RP.loc(1, 17))), .word("x"), .end,
        ])
    }

    @Test func locationsCountScalarsAndLines() {
        var lexer = RuleLexer("µ é\r\n  x\r  y\n\tz", path: RP.path)
        var locations: [GutPlanKit.SourceLocation] = []
        while true {
            let token = lexer.next()
            locations.append(token.location)
            if token.kind == .end { break }
        }
        #expect(locations == [RP.loc(1, 1), RP.loc(1, 3), RP.loc(2, 3), RP.loc(3, 3), RP.loc(4, 2), RP.loc(4, 3)])
    }

    @Test func unitMode() {
        var lexer = RuleLexer("30 µg/L, then\n mEq/L)", path: RP.path)
        #expect(lexer.next(unitExpected: false).kind == .number("30"))
        #expect(lexer.next(unitExpected: true) == Token(kind: .unit("µg/L"), location: RP.loc(1, 4)))
        #expect(lexer.next(unitExpected: true).kind == .comma)
        // Structural words are never units.
        #expect(lexer.next(unitExpected: true).kind == .word("then"))
        #expect(lexer.next(unitExpected: true) == Token(kind: .unit("mEq/L"), location: RP.loc(2, 2)))
        #expect(lexer.next(unitExpected: true).kind == .rightParen)
        // Outside unit mode a slash is no token.
        #expect(kinds("ug/L") == [.word("ug"), .invalid(.invalidCharacter("/", at: RP.loc(1, 3))), .word("L"), .end])
    }

    @Test func stringsAndEscapes() {
        #expect(kinds(#""a \"b\" \\ c" "µg ✓ 🥬" """#) == [.string("a \"b\" \\ c"), .string("µg ✓ 🥬"), .string(""), .end])
        #expect(kinds("\"open\nrule") == [.invalid(.unterminatedString(at: RP.loc(1, 1))), .word("rule"), .end])
        #expect(kinds("\"a\\tb\"") == [.invalid(.invalidEscape("\\t", at: RP.loc(1, 3))), .end])
    }

    @Test func comparisonsRuns() {
        #expect(kinds("<> ! =<") == [
            .invalid(.unknownComparison("<>", at: RP.loc(1, 1))),
            .invalid(.unknownComparison("!", at: RP.loc(1, 4))),
            .invalid(.unknownComparison("=<", at: RP.loc(1, 6))),
            .end,
        ])
    }

    @Test func whitespaceIncludesUnicodeSpaces() {
        #expect(kinds("a\u{00A0}b\u{2003}c") == [.word("a"), .word("b"), .word("c"), .end])
    }

    @Test func cursorTracksPosition() {
        var cursor = Cursor("a\r\nb", path: RP.path)
        #expect(cursor.location == RP.loc(1, 1))
        cursor.advance()
        cursor.advance()
        #expect(cursor.location == RP.loc(1, 3))
        cursor.advance()
        #expect(cursor.location == RP.loc(2, 1))
        #expect(cursor.peek() == "b")
        cursor.advance()
        cursor.advance()  // past the end: no-op
        #expect(cursor.isAtEnd)
        #expect(cursor.location == RP.loc(2, 2))
    }

    @Test func reservedWordTestAgreesWithTheKeywordTable() {
        for keyword in Keyword.allCases {
            #expect(Keyword.isReservedWord(keyword.rawValue) == keyword.isReserved, "\(keyword)")
        }
        for word in ["", "Rule", "rules", "then ", "x", "andor", "low-fodmap"] {
            #expect(Keyword.isReservedWord(word) == Keyword.reserved.contains(word), "\(word)")
        }
    }
}
