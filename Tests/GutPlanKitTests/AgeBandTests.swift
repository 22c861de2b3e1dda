import Testing
@testable import GutPlanKit
@Test func ageBands() { #expect(AgeBand(age: 18) == nil); #expect(AgeBand(age: 51) == .from51to70) }
