/// How a supplement of one nutrient counts towards the plan's nutrients (one row of
/// `Rules/supplements.csv`): a folic-acid supplement counts 1.7 times as folate (µg DFE) and
/// once as folic acid, whose upper limit applies to synthetic folic acid only. A nutrient with
/// no row counts once as itself.
struct SupplementCount: Sendable, Equatable {
    /// The nutrient the person names (`folate`).
    var supplement: String
    /// The nutrient it counts towards (`folic-acid`).
    var countsAs: String
    /// Amount of `countsAs` per unit of the supplement, in their units.
    var factor: Double
    /// Most of this supplement a day, where a limit applies to supplements only (magnesium's
    /// 350 mg); `nil` when none.
    var limit: Double?
    var source: String

    init(supplement: String, countsAs: String, factor: Double, limit: Double?, source: String) {
        self.supplement = supplement
        self.countsAs = countsAs
        self.factor = factor
        self.limit = limit
        self.source = source
    }
}
