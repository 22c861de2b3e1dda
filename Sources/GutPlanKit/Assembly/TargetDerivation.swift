/// A nutrient's daily target for one person and how it was made: the reference intake (RDA or
/// AI for their sex and age), times every `target N times X` that fired (diet, confirmed flag),
/// raised to the largest `target N amount` that fired, and never above the nutrient's upper or
/// daily limit. Targets count food and supplements together, so the food share asked for never
/// exceeds the limit less the supplements.
struct TargetDerivation: Sendable, Equatable {
    var reference: Double
    var factors: [(factor: Double, rule: String)]
    var amount: (value: Double, rule: String)?
    /// The limit that capped the target, when it did.
    var cappedAt: Double?
    var target: Double

    static func == (lhs: TargetDerivation, rhs: TargetDerivation) -> Bool {
        lhs.reference == rhs.reference && lhs.target == rhs.target && lhs.cappedAt == rhs.cappedAt
            && lhs.factors.map(\.rule) == rhs.factors.map(\.rule) && lhs.amount?.rule == rhs.amount?.rule
    }

    init?(nutrient: Nutrient, sex: Sex, band: AgeBand, assessment: Assessment, limit: Double?) {
        guard let reference = nutrient.target(sex: sex, band: band), reference > 0 else { return nil }
        self.reference = reference
        factors = assessment.targetFactors[nutrient.id] ?? []
        amount = assessment.targetAmounts[nutrient.id].map { (value: $0.amount, rule: $0.rule) }
        var target = factors.reduce(reference) { $0 * $1.factor }
        if let amount, amount.value > target { target = amount.value }
        if let limit, target > limit {
            cappedAt = limit
            target = limit
        }
        self.target = target
    }

    /// How the target was made, e.g. "18 mg × 1.8 (profile-plant-iron-target) × 1.5
    /// (confirmed-target-iron) = 48.6, capped at the upper limit 45".
    func text(unit: String) -> String {
        var text = "\(ProblemBuilder.number(reference)) \(unit) reference intake"
        for factor in factors { text += " × \(ProblemBuilder.number(factor.factor)) (\(factor.rule))" }
        if let amount { text += ", at least \(ProblemBuilder.number(amount.value)) (\(amount.rule))" }
        if let cappedAt { text += ", capped at the limit \(ProblemBuilder.number(cappedAt))" }
        return text + " = \(ProblemBuilder.number(target)) \(unit)"
    }
}
