/// Reading `Rules/foods.csv`.
extension Food {
    /// The per-serving nutrient columns of `foods.csv`, in header order.
    public static let nutrientColumns = [
        "energy_kcal", "protein_g", "fiber_g", "vitamin_a_ug_rae", "retinol_ug", "vitamin_d_ug", "vitamin_b12_ug",
        "folate_ug_dfe", "folic_acid_ug", "vitamin_b6_mg", "vitamin_c_mg", "zinc_mg", "magnesium_mg", "iron_mg",
        "calcium_mg", "glutamine_g",
    ]

    /// The `foods.csv` header, exactly.
    public static let csvColumns = ["id", "name", "ndb", "source", "serving", "grams", "tags"] + nutrientColumns

    /// Tags a food may carry (the SPEC list plus `liver`).
    public static let allowedTags: [String] = [
        "meat", "poultry", "fish", "shellfish", "dairy", "egg", "gluten", "nuts", "soy", "honey", "fermented",
        "prebiotic", "fortified", "liver",
    ]

    static func load(_ table: CSVTable, into diagnostics: inout [Diagnostic]) -> [Food] {
        var foods: [Food] = []
        var seen: [String: SourceLocation] = [:]
        for row in table.rows {
            let before = diagnostics.count
            let id = table.uniqueID(in: row, seen: &seen, into: &diagnostics)
            let name = table.text("name", in: row)
            if name.isEmpty, let cell = table.field("name", in: row) {
                diagnostics.append(table.diagnostic(.error, "empty name", at: cell.location))
            }
            var ndb: String?
            if let cell = table.field("ndb", in: row), !cell.text.isEmpty {
                if cell.text.utf8.count == 5, cell.text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    ndb = cell.text
                } else {
                    diagnostics.append(table.diagnostic(.error, "ndb '\(cell.text)' is not a 5-digit NDB number", at: cell.location))
                }
            }
            let source = table.text("source", in: row)
            if source.isEmpty, let cell = table.field("source", in: row) {
                diagnostics.append(table.diagnostic(.error, "empty source (name where the numbers come from)", at: cell.location))
            }
            let serving = table.text("serving", in: row)
            if serving.isEmpty, let cell = table.field("serving", in: row) {
                diagnostics.append(table.diagnostic(.error, "empty serving", at: cell.location))
            }
            let grams = table.number("grams", in: row, positive: true, into: &diagnostics)
            var tags: Set<String> = []
            if let cell = table.field("tags", in: row) {
                for tag in table.list("tags", in: row) {
                    if allowedTags.contains(tag) {
                        tags.insert(tag)
                    } else {
                        diagnostics.append(table.diagnostic(
                            .error, "unknown tag '\(tag)'\(Suggestion.didYouMean(tag, among: allowedTags))", at: cell.location))
                    }
                }
            }
            var values: [String: Double] = [:]
            for column in nutrientColumns {
                if let value = table.number(column, in: row, optional: true, into: &diagnostics) {
                    values[column] = value
                }
            }
            guard diagnostics.count == before, let id, let grams else { continue }
            foods.append(Food(id: id, name: name, ndb: ndb, source: source, serving: serving, grams: grams,
                              tags: tags, values: values))
        }
        return foods
    }
}
