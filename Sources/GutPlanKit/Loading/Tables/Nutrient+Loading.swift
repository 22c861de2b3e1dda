/// Reading `Rules/nutrients.csv`.
extension Nutrient {
    /// The fixed nutrient ids and their units (SPEC), in SPEC order.
    static let specUnits: [(id: String, unit: String)] = [
        ("vitamin-a", "ug RAE"), ("retinol", "ug"), ("vitamin-d", "ug"), ("vitamin-b12", "ug"), ("folate", "ug DFE"),
        ("folic-acid", "ug"), ("vitamin-b6", "mg"), ("vitamin-c", "mg"), ("zinc", "mg"), ("magnesium", "mg"),
        ("iron", "mg"), ("calcium", "mg"), ("fiber", "g"), ("glutamine", "g"), ("probiotics", "servings"),
        ("prebiotics", "servings"), ("energy", "kcal"), ("sodium", "mg"), ("saturated-fat", "g"),
    ]

    static let bandColumns: [(AgeBand, String)] = [
        (.from19to30, "19_30"), (.from31to50, "31_50"), (.from51to70, "51_70"), (.from71, "71_plus"),
    ]

    static let csvColumns = ["id", "name", "unit", "measure", "aliases"]
        + Sex.allCases.flatMap { sex in bandColumns.map { "\(sex.rawValue)_\($0.1)" } }
        + bandColumns.map { "ul_\($0.1)" } + ["reference_intake", "source"]

    /// Reads the table; `foodColumns` are the nutrient columns a `measure` may name.
    static func load(_ table: CSVTable, foodColumns: [String], into diagnostics: inout [Diagnostic]) -> [Nutrient] {
        var nutrients: [Nutrient] = []
        var seen = [String: CSVTable.Field](minimumCapacity: table.rows.count)
        let units = Dictionary(uniqueKeysWithValues: specUnits.map { ($0.id, $0.unit) })
        let ids = specUnits.map(\.id)
        let targetColumns = Sex.allCases.map { sex in bandColumns.map { ($0.0, table.column("\(sex.rawValue)_\($0.1)")) } }
        let limitColumns = bandColumns.map { ($0.0, table.column("ul_\($0.1)")) }
        for row in table.rows {
            let before = diagnostics.count
            let id = table.uniqueID(in: row, seen: &seen, into: &diagnostics)
            if let id, units[id] == nil, let cell = table.field("id", in: row) {
                diagnostics.append(table.diagnostic(.error, "unknown nutrient id '\(id)'\(Suggestion.didYouMean(id, among: ids))", at: cell.location))
            }
            let unit = table.text("unit", in: row)
            if let id, let expected = units[id], unit != expected, let cell = table.field("unit", in: row) {
                diagnostics.append(table.diagnostic(.error, "unit of \(id) must be '\(expected)', not '\(unit)'", at: cell.location))
            }
            var measure: Measure?
            if let cell = table.field("measure", in: row) {
                if cell.text.hasPrefix("tag:") {
                    let tag = String(cell.text.dropFirst(4))
                    if Food.allowedTags.contains(tag) {
                        measure = .taggedServings(tag)
                    } else {
                        diagnostics.append(table.diagnostic(.error, "measure names unknown tag '\(tag)'\(Suggestion.didYouMean(tag, among: Food.allowedTags))", at: cell.location))
                    }
                } else if foodColumns.contains(cell.text) {
                    measure = .column(cell.text)
                } else {
                    diagnostics.append(table.diagnostic(.error, "measure '\(cell.text)' is not a foods.csv column or tag:TAG\(Suggestion.didYouMean(cell.text, among: foodColumns))", at: cell.location))
                }
            }
            var targets: [Sex: [AgeBand: Double]] = [:]
            for (sex, columns) in zip(Sex.allCases, targetColumns) {
                for (band, column) in columns {
                    if let value = table.number(column, in: row, optional: true, into: &diagnostics) {
                        targets[sex, default: [:]][band] = value
                    }
                }
            }
            var limits: [AgeBand: Double] = [:]
            for (band, column) in limitColumns {
                if let value = table.number(column, in: row, optional: true, into: &diagnostics) {
                    limits[band] = value
                }
            }
            var isReference = false
            if let cell = table.field("reference_intake", in: row) {
                switch cell.text {
                case "yes": isReference = true
                case "no": isReference = false
                default: diagnostics.append(table.diagnostic(.error, "reference_intake must be 'yes' or 'no', not '\(cell.text)'", at: cell.location))
                }
            }
            guard diagnostics.count == before, let id, let measure else { continue }
            nutrients.append(Nutrient(id: id, name: table.text("name", in: row), unit: unit, measure: measure,
                                      aliases: table.list("aliases", in: row), targets: targets, upperLimits: limits,
                                      isReferenceIntake: isReference, source: table.text("source", in: row)))
        }
        for id in ids where seen[id] == nil {
            diagnostics.append(table.diagnostic(.error, "missing nutrient '\(id)'", at: table.headerLocation))
        }
        return nutrients
    }
}
