/// Reading `Rules/caps.csv`.
extension FoodCapRule {
    static let csvColumns = ["id", "name", "measure", "select", "max_per_day", "max_per_week", "sex", "age_from",
                             "age_to", "source"]

    /// select = "each" | [ "each" ";" ] item { ";" item } ;   (with "each": one cap per selected food)
    /// item = "tag:" name | "fish:" ( "best" | "good" | "avoid" ) | "food:" food-id
    /// `foods` are the ids a `food:` item may name; `nil` when foods.csv did not read (any id passes).
    static func load(_ table: CSVTable, tags: [String], foods: Set<String>? = nil,
                     into diagnostics: inout [Diagnostic]) -> [FoodCapRule] {
        var caps: [FoodCapRule] = []
        var seen = [String: CSVTable.Field](minimumCapacity: table.rows.count)
        for row in table.rows {
            let before = diagnostics.count
            let id = table.uniqueID(in: row, seen: &seen, into: &diagnostics)
            let measure = table.choice("measure", in: row, among: [Measure.servings, .grams, .eggs, .items], into: &diagnostics)
            var select: [Selector] = []
            if let cell = table.field("select", in: row) {
                for item in table.list("select", in: row) {
                    if item == "each" {
                        select.append(.each)
                    } else if item.hasPrefix("tag:"), tags.contains(String(item.dropFirst(4))) {
                        select.append(.tag(String(item.dropFirst(4))))
                    } else if item.hasPrefix("fish:"), ["best", "good", "avoid"].contains(String(item.dropFirst(5))) {
                        select.append(.fish(String(item.dropFirst(5))))
                    } else if item.hasPrefix("food:"), isRuleName(String(item.dropFirst(5))),
                              foods?.contains(String(item.dropFirst(5))) ?? true {
                        select.append(.food(String(item.dropFirst(5))))
                    } else {
                        diagnostics.append(table.diagnostic(
                            .error, "select '\(item)' is not 'each', 'tag:TAG' with a known tag, 'fish:best|good|avoid' "
                                + "or 'food:ID' with a food of foods.csv", at: cell.location))
                    }
                }
                if select.isEmpty || select.filter({ $0 == .each }).count > 1 {
                    diagnostics.append(table.diagnostic(.error, "select names foods: tag:/fish:/food: items, and 'each' at most once (alone: every food; with items: one cap per selected food)", at: cell.location))
                }
            }
            let perDay = table.number("max_per_day", in: row, optional: true, into: &diagnostics)
            let perWeek = table.number("max_per_week", in: row, optional: true, into: &diagnostics)
            if perDay == nil, perWeek == nil, let cell = table.field("max_per_day", in: row) {
                diagnostics.append(table.diagnostic(.error, "a cap needs max_per_day or max_per_week", at: cell.location))
            }
            var sex: Sex?
            if !table.text("sex", in: row).trimmedBlanks.isEmpty {
                sex = table.choice("sex", in: row, among: Sex.allCases, into: &diagnostics)
            }
            let ages = table.ageRange(in: row, into: &diagnostics, required: false)
            guard diagnostics.count == before, let id, let measure else { continue }
            caps.append(FoodCapRule(id: id, name: table.text("name", in: row), measure: measure, select: select,
                                    maxPerDay: perDay, maxPerWeek: perWeek, sex: sex, ages: ages,
                                    source: table.text("source", in: row)))
        }
        return caps
    }
}
