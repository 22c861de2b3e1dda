import Testing
@testable import GutPlanKit

/// Issue 8 "one of each": one keyword table read by the lexer, the parser and the messages; one
/// edit distance (`Suggestion`); one trimmer; one seeded generator (`SplitMix64`, used by the
/// hardening tests instead of a copy).
@Suite struct OneOfEachTests {
    @Test func oneKeywordTableServesLexerParserAndMessages() {
        #expect(RuleParser.reservedWords == ["rule", "set", "when", "then", "and", "or", "not"])
        // A reserved word right after a lab value is a word, never a unit.
        for word in Keyword.reserved {
            var lexer = RuleLexer(word, path: "t")
            #expect(lexer.next(unitExpected: true).kind == .word(word))
        }
        #expect(RuleFileParser.actionKeywords == "an action (flag, target, prefer, add, step, note or avoid)")
        #expect(RuleFileParser.conditionStarts
                == "a condition (always, flagged, confirmed, suspected, lab, symptom, diet, sex, age, low-fodmap, not or '(')")
        #expect(Keyword.actions.allSatisfy { RuleFileParser.isActionKeyword($0.rawValue) })
        #expect(Keyword.all.count == Keyword.allCases.count)
    }

    @Test func keywordSuggestionsUseTheOneEditDistance() {
        // A swap of neighbours is one edit (optimal string alignment), as for every other suggestion.
        let errors = RuleParser.parse("rule a wehn always then note \"x\"\nrule b when always then nptoe \"y\"", path: "t").errors
        #expect(errors.map(\.message) == [
            "expected 'when' after the header of rule 'a', found 'wehn'",
            "expected \(RuleFileParser.actionKeywords), found 'nptoe' (did you mean 'note'?)",
        ])
        #expect(Suggestion.distance("wehn", "when", limit: 2) == 1)
    }

    @Test func oneTrimmer() {
        #expect(" \t a b \u{A0}".trimmedBlanks == "a b")
        #expect("\n a \n".trimmedBlanks == "\n a \n")  // line breaks are not blanks
        #expect("   ".trimmedBlanks.isEmpty && "".trimmedBlanks.isEmpty)
        #expect("  a  b  ".trailingSpacesTrimmed == "  a  b")
        #expect("   ".trailingSpacesTrimmed.isEmpty)
        #expect("xxaxx".trimming(leading: true, trailing: false) { $0 == "x" } == "axx")
    }
}
