extension MealPlan {
    /// The fixed leading columns of the CSV export; nutrient columns (`csvName`), `covers` and
    /// `why` follow.
    public static let csvLeadingColumns = ["day", "day_name", "slot", "kind", "item_id", "item", "foods", "kcal"]

    /// The CSV header: leading columns (with `week` after `day` when the plan runs several
    /// weeks, and `date` after `day_name` when it has a start date), per reported nutrient what is eaten (`zinc_mg`) and what counts (`zinc_mg_counted`:
    /// absorbed iron and calcium), `covers`, `why` and `ingredients` (in words, `; `-separated).
    public var csvHeader: [String] {
        var leading = MealPlan.csvLeadingColumns
        if isDated { leading.insert("date", at: 2) }
        if isMultiWeek { leading.insert("week", at: 1) }
        return leading + nutrients.flatMap { [$0.csvName, $0.csvName + "_counted"] } + ["covers", "why", "ingredients"]
    }

    /// Whether the days carry dates (`--start`); undated plans keep the CSV as it was.
    var isDated: Bool { days.contains { $0.date != nil } }

    /// The plan as RFC 4180 CSV (see `CSVWriter`): a header, then one row per planned item in day
    /// order, then slot order, and a `supplement` row per day when the person takes any. Retest
    /// reminders are not rows: they are no planned item (text, Markdown and JSON show them).
    /// `foods` reads `oats x1; blueberries x0.5`; `covers` and `why` are `;`-separated. A stress
    /// step has empty `foods`, `kcal` and nutrient cells. Numbers keep four decimals, so a day's
    /// column sums match the JSON (`totals` plus supplements; `counted`) to within 0.001.
    public func csv() -> String {
        var writer = CSVWriter(maxFractionDigits: 4)
        writer.append(header: csvHeader)
        let dated = isDated
        for day in days {
            let date: [CSVWriter.Cell] = dated ? [.text(day.date ?? "")] : []
            let lead: [CSVWriter.Cell] = [.number(Double(day.number))] + (isMultiWeek ? [.number(Double(day.week))] : [])
            for item in day.items {
                var cells: [CSVWriter.Cell] = lead + [.text(day.name)] + date + [
                    .text(item.slot.rawValue),
                    .text(item.kind.rawValue), .text(item.id), .text(item.name),
                    .text(item.foods.map { "\($0.food) x\(DecimalText.format($0.servings, maxFractionDigits: 4))" }
                        .joined(separator: "; ")),
                ]
                let isStep = item.kind == .stress
                cells.append(isStep ? .empty : item.kcal.map(CSVWriter.Cell.number) ?? .empty)
                for nutrient in nutrients {
                    let eaten = item.nutrients[nutrient.id] ?? 0
                    cells.append(isStep ? .empty : .number(eaten))
                    cells.append(isStep ? .empty : .number(item.counted[nutrient.id] ?? eaten))
                }
                cells.append(.text(item.covers.joined(separator: ";")))
                cells.append(.text(item.why.joined(separator: ";")))
                cells.append(.text(item.ingredients.map(\.text).joined(separator: "; ")))
                writer.append(cells)
            }
            if !supplements.isEmpty {
                var cells: [CSVWriter.Cell] = lead + [.text(day.name)] + date
                    + [.empty, .text("supplement"), .empty, .text("Supplements"), .empty, .empty]
                for nutrient in nutrients {
                    cells.append(.number(nutrient.supplement))
                    cells.append(.number(nutrient.supplement))
                }
                cells += [.empty, .empty, .empty]
                writer.append(cells)
            }
        }
        return writer.text
    }
}

extension MealPlan {
    /// The shopping list as RFC 4180 CSV for `--shopping-list FILE`: `aisle,item,quantity,unit,
    /// grams,used_on`, aisles in shop order; `grams` is what is bought (dry weight for grains
    /// and legumes) and `used_on` the `;`-separated day numbers.
    public func shoppingCSV() -> String {
        var writer = CSVWriter(maxFractionDigits: 2)
        writer.append(header: ["aisle", "item", "quantity", "unit", "grams", "used_on"])
        for (aisle, entries) in shoppingByAisle {
            for entry in entries {
                writer.append([.text(aisle), .text(entry.item.isEmpty ? entry.name : entry.item), .number(entry.quantity),
                               .text(entry.unit), .number(entry.boughtGrams),
                               .text(entry.usedOn.map(String.init).joined(separator: ";"))])
            }
        }
        return writer.text
    }
}
