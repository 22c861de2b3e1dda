/// Reading `Rules/energy.csv`.
extension EnergyNeed {
    static let csvColumns = ["sex", "age_from", "age_to", "sedentary", "moderate", "active", "source"]

    static func load(_ table: CSVTable, into diagnostics: inout [Diagnostic]) -> [EnergyNeed] {
        var needs: [EnergyNeed] = []
        let activities = Activity.allCases.map { ($0, table.column($0.rawValue)) }
        for row in table.rows {
            let before = diagnostics.count
            let sex = table.choice("sex", in: row, among: Sex.allCases, into: &diagnostics)
            let ages = table.ageRange(in: row, into: &diagnostics, required: true)
            var kcal: [Activity: Double] = [:]
            for (activity, column) in activities {
                if let value = table.number(column, in: row, positive: true, into: &diagnostics) {
                    if value > 10_000, let cell = table.field(column, in: row) {
                        diagnostics.append(table.diagnostic(.error, "\(activity.rawValue) \(cell.text) kcal is not a daily need", at: cell.location))
                    }
                    kcal[activity] = value
                }
            }
            guard diagnostics.count == before, let sex, let ages, kcal.count == Activity.allCases.count else { continue }
            needs.append(EnergyNeed(sex: sex, ages: ages, kcal: kcal, source: table.text("source", in: row)))
        }
        return needs
    }
}
