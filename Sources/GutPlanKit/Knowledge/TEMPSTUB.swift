// TEMPORARY STUB until the loader branch lands.
extension LabTest {
    public func convert(_ value: Double, from: String, to: String) -> Double? { from == to ? value : nil }
}
extension KnowledgeBase {
    public static func load(directory: String) -> (knowledge: KnowledgeBase?, diagnostics: [Diagnostic]) { (nil, []) }
    public func food(id: String) -> Food? { foods.first { $0.id == id } }
    public func amount(of nutrient: Nutrient, in food: Food) -> Double? { nil }
}
enum Suggestion { static func closest(to: String, among: [String]) -> String? { nil } }
public struct PlanningFailure: Error { public var message: String }
public struct Planner { public init() {}; public func solve(_ p: PlanningProblem, seed: UInt64) throws(PlanningFailure) -> PlanSolution { throw PlanningFailure(message: "") } }
