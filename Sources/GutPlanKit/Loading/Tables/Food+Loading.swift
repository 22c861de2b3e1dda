/// Reading `Rules/foods.csv`.
extension Food {
    /// The per-serving nutrient columns of `foods.csv`, in header order.
    static let nutrientColumns = [
        "energy_kcal", "protein_g", "fiber_g", "vitamin_a_ug_rae", "retinol_ug", "vitamin_d_ug", "vitamin_b12_ug",
        "folate_ug_dfe", "folic_acid_ug", "vitamin_b6_mg", "vitamin_c_mg", "zinc_mg", "magnesium_mg", "iron_mg",
        "calcium_mg", "glutamine_g", "sodium_mg", "fat_g", "sat_fat_g", "cholesterol_mg",
    ]

    /// The per-food facts after the nutrients, in header order (see `docs/FOODS.md`).
    static let metadataColumns = [
        "plant", "eggs", "fish_category", "heme_share", "calcium_absorption", "fodmap", "fodmap_groups",
    ]

    /// The `foods.csv` header, exactly.
    static let csvColumns = ["id", "name", "ndb", "source", "serving", "grams", "tags"] + nutrientColumns
        + metadataColumns

    /// Tags that make a food meat, fish or poultry (the foods whose iron may be partly heme).
    static let fleshTags: Set<String> = ["meat", "poultry", "fish", "shellfish"]

    /// Tags a food may carry (the SPEC list plus `liver`).
    static let allowedTags: [String] = [
        "meat", "poultry", "fish", "shellfish", "dairy", "egg", "gluten", "nuts", "soy", "honey", "fermented",
        "prebiotic", "fortified", "liver",
    ]

    /// The columns of `foods.csv`, looked up once per table.
    private struct Columns {
        let id, name, ndb, source, serving, grams, tags: CSVTable.Column
        let nutrients: [CSVTable.Column]
        let plant, eggs, fishCategory, hemeShare, calciumAbsorption, fodmap, fodmapGroups: CSVTable.Column

        init(_ table: CSVTable) {
            (id, name, ndb, source) = (table.column("id"), table.column("name"), table.column("ndb"), table.column("source"))
            (serving, grams, tags) = (table.column("serving"), table.column("grams"), table.column("tags"))
            nutrients = nutrientColumns.map(table.column)
            (plant, eggs, fishCategory) = (table.column("plant"), table.column("eggs"), table.column("fish_category"))
            (hemeShare, calciumAbsorption) = (table.column("heme_share"), table.column("calcium_absorption"))
            (fodmap, fodmapGroups) = (table.column("fodmap"), table.column("fodmap_groups"))
        }
    }

    static func load(_ table: CSVTable, into diagnostics: inout [Diagnostic]) -> [Food] {
        var foods: [Food] = []
        var seen = [String: CSVTable.Field](minimumCapacity: table.rows.count)
        let c = Columns(table)
        for row in table.rows {
            let before = diagnostics.count
            let id = table.uniqueID(c.id, in: row, seen: &seen, into: &diagnostics)
            let name = table.text(c.name, in: row)
            if name.isEmpty, let cell = table.field(c.name, in: row) {
                diagnostics.append(table.diagnostic(.error, "empty name", at: cell.location))
            }
            var ndb: String?
            if let cell = table.field(c.ndb, in: row), !cell.text.isEmpty {
                if cell.text.utf8.count == 5, cell.text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    ndb = cell.text
                } else {
                    diagnostics.append(table.diagnostic(.error, "ndb '\(cell.text)' is not a 5-digit NDB number", at: cell.location))
                }
            }
            let source = table.text(c.source, in: row)
            if source.isEmpty, let cell = table.field(c.source, in: row) {
                diagnostics.append(table.diagnostic(.error, "empty source (name where the numbers come from)", at: cell.location))
            }
            let serving = table.text(c.serving, in: row)
            if serving.isEmpty, let cell = table.field(c.serving, in: row) {
                diagnostics.append(table.diagnostic(.error, "empty serving", at: cell.location))
            }
            let grams = table.number(c.grams, in: row, positive: true, into: &diagnostics)
            var tags: Set<String> = []
            if let cell = table.field(c.tags, in: row) {
                for tag in table.list(c.tags, in: row) {
                    if allowedTags.contains(tag) {
                        tags.insert(tag)
                    } else {
                        diagnostics.append(table.diagnostic(
                            .error, "unknown tag '\(tag)'\(Suggestion.didYouMean(tag, among: allowedTags))", at: cell.location))
                    }
                }
            }
            var values = [String: Double](minimumCapacity: nutrientColumns.count)
            for column in c.nutrients {
                if let value = table.number(column, in: row, optional: true, into: &diagnostics) {
                    values[column.name] = value
                }
            }
            let facts = metadata(table, row, c, tags: tags, into: &diagnostics)
            guard diagnostics.count == before, let id, let grams else { continue }
            foods.append(Food(id: id, name: name, ndb: ndb, source: source, serving: serving, grams: grams,
                              tags: tags, values: values, plant: facts.plant, eggs: facts.eggs,
                              fishCategory: facts.fishCategory, hemeShare: facts.hemeShare,
                              calciumAbsorption: facts.calciumAbsorption, fodmap: facts.fodmap,
                              fodmapGroups: facts.fodmapGroups))
        }
        return foods
    }

    /// The metadata cells of one row, validated; each bad cell adds a located diagnostic.
    /// Empty cells mean: no plant, 0 eggs, no fish category, no heme iron, absorbed as milk,
    /// FODMAP status unknown, no groups.
    private static func metadata(_ table: CSVTable, _ row: CSVTable.Row, _ c: Columns, tags: Set<String>,
                                 into diagnostics: inout [Diagnostic])
        -> (plant: String?, eggs: Double, fishCategory: FishCategory?, hemeShare: Double, calciumAbsorption: Double?,
            fodmap: FODMAPStatus, fodmapGroups: Set<FODMAPGroup>) {
        func error(_ column: CSVTable.Column, _ message: String) {
            if let cell = table.field(column, in: row) { diagnostics.append(table.diagnostic(.error, message, at: cell.location)) }
        }
        var plant: String?
        let plantText = table.text(c.plant, in: row).trimmedBlanks
        if !plantText.isEmpty {
            if isRuleName(plantText) { plant = plantText } else {
                error(c.plant, "plant '\(plantText)' is not a valid id (ASCII letters, digits, '-' and '_')")
            }
        }
        let eggs = table.number(c.eggs, in: row, optional: true, positive: true, into: &diagnostics) ?? 0
        var fishCategory: FishCategory?
        let fishText = table.text(c.fishCategory, in: row).trimmedBlanks
        if !fishText.isEmpty {
            if let category = FishCategory(rawValue: fishText) {
                if tags.isDisjoint(with: ["fish", "shellfish"]) {
                    error(c.fishCategory, "fish_category '\(fishText)' on a food not tagged fish or shellfish")
                } else {
                    fishCategory = category
                }
            } else {
                error(c.fishCategory, "fish_category '\(fishText)' is not best, good or avoid")
            }
        }
        var hemeShare = 0.0
        if let share = table.number(c.hemeShare, in: row, optional: true, into: &diagnostics) {
            if share > 1 {
                error(c.hemeShare, "heme_share must be a fraction from 0 to 1, not '\(table.text(c.hemeShare, in: row))'")
            } else if share > 0 && tags.isDisjoint(with: fleshTags) {
                error(c.hemeShare, "heme_share on a food not tagged meat, poultry, fish or shellfish (only their iron is heme)")
            } else {
                hemeShare = share
            }
        }
        let calciumAbsorption = table.number(c.calciumAbsorption, in: row, optional: true, positive: true, into: &diagnostics)
        var fodmap = FODMAPStatus.unknown
        let fodmapText = table.text(c.fodmap, in: row).trimmedBlanks
        if !fodmapText.isEmpty {
            if let status = FODMAPStatus(rawValue: fodmapText) { fodmap = status } else {
                error(c.fodmap, "fodmap '\(fodmapText)' is not low, moderate, high or unknown")
            }
        }
        var groups: Set<FODMAPGroup> = []
        let groupNames = table.list(c.fodmapGroups, in: row)
        for name in groupNames {
            if let group = FODMAPGroup(rawValue: name) { groups.insert(group) } else {
                let names = FODMAPGroup.allCases.map(\.rawValue)
                error(c.fodmapGroups, "unknown FODMAP group '\(name)'\(Suggestion.didYouMean(name, among: names)) (use \(names.joined(separator: ", ")))")
            }
        }
        if (fodmap == .moderate || fodmap == .high) && groups.isEmpty && groupNames.isEmpty {
            error(c.fodmapGroups, "a \(fodmap.rawValue)-FODMAP food must name its FODMAP groups")
        }
        return (plant, eggs, fishCategory, hemeShare, calciumAbsorption, fodmap, groups)
    }
}
