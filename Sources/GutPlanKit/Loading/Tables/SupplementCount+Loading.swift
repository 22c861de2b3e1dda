/// Reading `Rules/supplements.csv`.
extension SupplementCount {
    static let csvColumns = ["supplement", "counts_as", "factor", "limit", "source"]

    static func load(_ table: CSVTable, nutrients: [Nutrient], into diagnostics: inout [Diagnostic]) -> [SupplementCount] {
        let ids = nutrients.map(\.id)
        var counts: [SupplementCount] = []
        for row in table.rows {
            let before = diagnostics.count
            let supplement = table.reference("supplement", in: row, among: ids, what: "nutrient", into: &diagnostics)
            let countsAs = table.reference("counts_as", in: row, among: ids, what: "nutrient", into: &diagnostics)
            let factor = table.number("factor", in: row, positive: true, into: &diagnostics)
            let limit = table.number("limit", in: row, optional: true, positive: true, into: &diagnostics)
            guard diagnostics.count == before, let supplement, let countsAs, let factor else { continue }
            counts.append(SupplementCount(supplement: supplement, countsAs: countsAs, factor: factor, limit: limit,
                                          source: table.text("source", in: row)))
        }
        return counts
    }
}
