import Testing
@testable import GutPlanKit

@Suite struct SuggestionTests {
    @Test func nearestWithinLimit() {
        #expect(Suggestion.closest(to: "oyster", among: ["oysters", "mussels", "clams"]) == "oysters")
        #expect(Suggestion.closest(to: "Zink", among: ["zinc", "iron"]) == "zinc")
        #expect(Suggestion.closest(to: "banana", among: ["zinc", "iron"]) == nil)
        #expect(Suggestion.closest(to: "zinc", among: ["zinc", "zinx"]) == nil)  // exact match: nothing to suggest
        #expect(Suggestion.didYouMean("oyster", among: ["oysters"]) == " (did you mean 'oysters'?)")
        #expect(Suggestion.didYouMean("xyz", among: ["oysters"]) == "")
    }

    @Test func tiesGoToByteOrder() {
        #expect(Suggestion.closest(to: "cat", among: ["cot", "bat", "cab"]) == "bat")
        #expect(Suggestion.closest(to: "cat", among: ["cab", "cot", "bat"]) == "bat")
    }

    @Test func boundedDistance() {
        #expect(Suggestion.distance("kitten", "sitting", limit: 3) == 3)
        #expect(Suggestion.distance("kitten", "sitting", limit: 2) == nil)
        #expect(Suggestion.distance("", "abc", limit: 3) == 3)
        let long = String(repeating: "a", count: 100_000)
        #expect(Suggestion.closest(to: long, among: ["a"]) == nil)
    }
}

@Suite struct SuggestionSwapTests {
    @Test func neighbourSwapCostsOne() {
        #expect(Suggestion.distance("nmae", "name", limit: 1) == 1)
        #expect(Suggestion.closest(to: "nmae", among: ["name", "id"]) == "name")
    }
}
