import Testing
@testable import GutPlanKit

@Test(arguments: [40, 60, 80, 120])
func textFitsTheWidth(width: Int) {
    for plan in [PlanFixture.plan(), PlanFixture.plan(longNames: true, notes: [String(repeating: "averyveryverylongword", count: 8)])] {
        let text = plan.text(width: width)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(TextLayout.width(String(line)) <= width, "\(width): \(line)")
        }
        #expect(text.contains("Day 1: Monday"))
        #expect(text.contains("Shopping list"))
        #expect(!text.contains("\u{1B}"))
    }
}

@Test func textHasEveryPart() {
    let text = PlanFixture.plan().text(width: 80)
    for part in ["Profile", "female, 35, omnivore", "Zinc (confirmed), Vitamin B12 (suspected)", "0.947", "0.951",
                 "breakfast", "fermented", "Kefir", "prebiotic", "Garlic", "Box breathing", "Coverage", "Zinc!",
                 "Vitamin B12?", "98%", "Notes", "Oats, rolled", "6552 g", "Mon", "Sun"] {
        #expect(text.contains(part), "missing \(part)")
    }
    let disclaimer = text.split(separator: "\n").suffix(2).joined(separator: " ")
    #expect(disclaimer == MealPlan.disclaimer)
}

@Test func textColourOnlyWhenAsked() {
    let plain = PlanFixture.plan().text(width: 80, useColor: false)
    let colour = PlanFixture.plan().text(width: 80, useColor: true)
    #expect(!plain.contains("\u{1B}["))
    #expect(colour.contains("\u{1B}["))
    for line in colour.split(separator: "\n") { #expect(TextLayout.width(String(line)) <= 80) }
}

@Test func wrapBreaksLongWordsAndKeepsPrefixes() {
    let lines = TextLayout.wrap("aaaaaaaaaaaaaaa bb cc", width: 8, first: "- ", rest: "  ")
    #expect(lines == ["- aaaaaa", "  aaaaaa", "  aaa bb", "  cc"])
    #expect(TextLayout.wrap("", width: 10, first: "x") == ["x"])
}

/// Defect 7 (issue 8): a 400 KB unbroken word took 16.8 s to wrap (quadratic). The cut pieces
/// must still be exact; the time is in `gutplan-bench --hostile`.
@Test func wrapCutsAHugeWordIntoFullLines() {
    let word = String((0..<400_000).map { Character(UnicodeScalar(UInt8(0x61 + $0 % 26))) })
    let lines = TextLayout.wrap("start " + word + " end", width: 80, first: "- ", rest: "  ")
    // The word does not fit after "start", so it starts a line and fills 78 columns per line.
    #expect(lines.first == "- start")
    #expect(lines.count == 1 + 400_000 / 78 + 1)
    #expect(lines.dropFirst().dropLast().allSatisfy { $0.count == 80 && $0.hasPrefix("  ") })
    #expect(lines.dropFirst().map { $0.dropFirst(2) }.joined() == word + " end")
}

@Test func barsFollowCoverage() {
    #expect([1.0, 0.8, 0.6, 0.3, 0.1].map(MealPlan.bar) == ["█", "▆", "▄", "▂", " "])
}


@Test func flagSummaryUsesNamesInKnowledgeBaseOrder() {
    var plan = PlanFixture.plan()
    #expect(plan.flagSummary == "Zinc (confirmed), Vitamin B12 (suspected)")
    plan.flags["iron"] = .suspected  // flagged but not reported: shown by id, after the named ones
    #expect(plan.flagSummary == "Zinc (confirmed), Vitamin B12 (suspected), iron (suspected)")
    plan.flags = [:]
    #expect(plan.flagSummary == "none")
}
