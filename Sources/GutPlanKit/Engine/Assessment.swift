/// What the engine derived for a profile: the input to the planner and to `gutplan explain`.
public struct Assessment: Sendable, Equatable {
    /// A nutrient flag and how it came to be.
    public struct Flag: Sendable, Equatable {
        public var status: FlagStatus
        var provenance: Provenance
    }

    /// Flags by nutrient id.
    public var flags: [String: Flag] = [:]
    /// Objective weight by nutrient id: the flag's weight, or more from `target` actions.
    public var weights: [String: Double] = [:]
    /// Factors on a nutrient's reference intake (`target N times X`), with the rule behind each.
    public var targetFactors: [String: [(factor: Double, rule: String)]] = [:]
    /// The largest daily amount a rule asks for (`target N amount V UNIT`), with that rule.
    public var targetAmounts: [String: (amount: Double, rule: String)] = [:]
    /// Preferred food ids, each with the rules that prefer it.
    public var preferred: [String: [String]] = [:]
    /// Fermented and prebiotic addition food ids, in the order rules added them, with their rules.
    public var additions: [Slot: [(food: String, rule: String)]] = [:]
    /// Stress step ids, in the order rules scheduled them, with the rule that did.
    public var steps: [(step: String, rule: String)] = []
    /// Notes, in firing order, without repeats.
    public var notes: [String] = []
    /// Food ids or tags the rules keep out.
    public var avoid: Set<String> = []
    /// Every firing, in order.
    var firings: [Firing] = []

    public init() {}

    public static func == (lhs: Assessment, rhs: Assessment) -> Bool {
        lhs.flags == rhs.flags && lhs.weights == rhs.weights && lhs.preferred == rhs.preferred
            && lhs.additions.mapValues { $0.map { "\($0.food)|\($0.rule)" } }
                == rhs.additions.mapValues { $0.map { "\($0.food)|\($0.rule)" } }
            && lhs.steps.map { "\($0.step)|\($0.rule)" } == rhs.steps.map { "\($0.step)|\($0.rule)" }
            && lhs.notes == rhs.notes && lhs.avoid == rhs.avoid && lhs.firings == rhs.firings
            && lhs.targetFactors.mapValues { $0.map { "\($0.factor)|\($0.rule)" } }
                == rhs.targetFactors.mapValues { $0.map { "\($0.factor)|\($0.rule)" } }
            && lhs.targetAmounts.mapValues { "\($0.amount)|\($0.rule)" } == rhs.targetAmounts.mapValues { "\($0.amount)|\($0.rule)" }
    }
}
