/// The parameters of the absorption model (`Rules/absorption.csv`), each with its source.
///
/// Iron (Monsen et al. 1978, with the calcium effect of Hallberg et al. 1991): heme iron is
/// absorbed at `hemeAbsorption`; non-heme iron at a low, medium or high rate set by the meal's
/// enhancers (grams of meat, fish and poultry; mg of vitamin C); a meal with at least
/// `calciumInhibitionMg` of calcium absorbs both at `calciumInhibitionFactor` of that. A meal's
/// iron counts as `absorbed / reference`, where the reference is the absorption per mg of the
/// typical meal that the diet's iron target already assumes (a mixed meal for omnivores and
/// pescatarians, a medium-availability meal without heme for vegetarians and vegans, whose
/// target carries the 1.8 factor), so that the target and the factor never count one effect twice.
struct AbsorptionModel: Sendable, Equatable {
    /// Parameter values by name, as in `absorption.csv`.
    var values: [String: Double]
    /// Where each value comes from.
    var sources: [String: String]

    /// The names `absorption.csv` must define.
    static let parameters = [
        "heme_absorption", "nonheme_low", "nonheme_medium", "nonheme_high", "mfp_medium_g", "mfp_high_g",
        "vitamin_c_medium_mg", "vitamin_c_high_mg", "calcium_inhibition_mg", "calcium_inhibition_factor",
        "reference_heme_share_mixed",
    ]

    init(values: [String: Double], sources: [String: String]) {
        self.values = values
        self.sources = sources
    }

    func value(_ name: String) -> Double { values[name] ?? 0 }
}
