// TEMPORARY STUB until the planner branch lands.
public struct PlanningFailure: Error { public var message: String }
public struct Planner { public init() {}; public func solve(_ p: PlanningProblem, seed: UInt64) throws(PlanningFailure) -> PlanSolution { throw PlanningFailure(message: "") } }
