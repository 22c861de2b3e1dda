/// One action of a rule's `then` part.
public enum Action: Sendable, Equatable {
    /// `flag N confirmed|suspected`: asserts a deficiency flag (never downgrades a confirmed one).
    case flag(nutrient: Reference, status: FlagStatus)
    /// `target N weight W`: puts a nutrient in the objective with at least this weight.
    case target(nutrient: Reference, weight: Double)
    /// `prefer F, G`: foods the planner favours when scores tie.
    case prefer([Reference])
    /// `add fermented F, G` / `add prebiotic F, G`: foods allowed as the day's additions.
    case add(Slot, [Reference])
    /// `step S, T`: stress-management steps to schedule.
    case step([Reference])
    /// `note "text"`: advice printed with the plan.
    case note(String)
    /// `avoid X, Y`: food ids or food tags to keep out of the plan.
    case avoid([Reference])
}
