extension MealPlan {
    /// The fixed leading columns of the CSV export; nutrient columns (`csvName`), `covers` and
    /// `why` follow.
    public static let csvLeadingColumns = ["day", "day_name", "slot", "kind", "item_id", "item", "foods", "kcal"]

    /// The CSV header: leading columns, one column per reported nutrient, `covers`, `why`.
    public var csvHeader: [String] {
        MealPlan.csvLeadingColumns + nutrients.map(\.csvName) + ["covers", "why"]
    }

    /// The plan as RFC 4180 CSV (see `CSVWriter`): a header, then one row per planned item in day
    /// order, then slot order. `foods` reads `oats x1; blueberries x0.5`; `covers` and `why` are
    /// `;`-separated. A stress step has empty `foods`, `kcal` and nutrient cells. Numbers keep
    /// four decimals, so per-day column sums match the JSON totals to within 0.001.
    public func csv() -> String {
        var writer = CSVWriter(maxFractionDigits: 4)
        writer.append(header: csvHeader)
        for day in days {
            for item in day.items {
                var cells: [CSVWriter.Cell] = [
                    .number(Double(day.number)), .text(day.name), .text(item.slot.rawValue),
                    .text(item.kind.rawValue), .text(item.id), .text(item.name),
                    .text(item.foods.map { "\($0.food) x\(DecimalText.format($0.servings, maxFractionDigits: 4))" }
                        .joined(separator: "; ")),
                ]
                let isStep = item.kind == .stress
                cells.append(isStep ? .empty : item.kcal.map(CSVWriter.Cell.number) ?? .empty)
                for nutrient in nutrients {
                    cells.append(isStep ? .empty : .number(item.nutrients[nutrient.id] ?? 0))
                }
                cells.append(.text(item.covers.joined(separator: ";")))
                cells.append(.text(item.why.joined(separator: ";")))
                writer.append(cells)
            }
        }
        return writer.text
    }
}
