/// One action of a rule's `then` part.
enum Action: Sendable, Equatable {
    /// `flag N confirmed|suspected`: asserts a deficiency flag (never downgrades a confirmed one).
    case flag(nutrient: Reference, status: FlagStatus)
    /// `target N weight W`: puts a nutrient in the objective with at least this weight.
    case target(nutrient: Reference, weight: Double)
    /// `target N times X`: multiplies the nutrient's reference intake (e.g. iron 1.8 times for
    /// vegetarians); factors of rules that fire multiply.
    case scaleTarget(nutrient: Reference, factor: Double)
    /// `target N amount V UNIT`: at least this daily amount, in the nutrient's unit (e.g. a
    /// confirmed deficiency aims higher); the largest of the rules that fire counts.
    case setTarget(nutrient: Reference, amount: Double, unit: Reference)
    /// `prefer F, G`: foods whose days count towards `preferred_days` in the objective.
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
