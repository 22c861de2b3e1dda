import Foundation

/// Reading `Rules/meals.csv`.
extension Meal {
    static let csvColumns = ["id", "name", "slots", "foods"]

    static func load(_ table: CSVTable, foods: [Food], into diagnostics: inout [Diagnostic]) -> [Meal] {
        let foodIDs = foods.map(\.id)
        let known = Set(foodIDs)
        var meals: [Meal] = []
        var seen = [String: CSVTable.Field](minimumCapacity: table.rows.count)
        let (idColumn, nameColumn) = (table.column("id"), table.column("name"))
        let (slotsColumn, foodsColumn) = (table.column("slots"), table.column("foods"))
        for row in table.rows {
            let before = diagnostics.count
            let id = table.uniqueID(idColumn, in: row, seen: &seen, into: &diagnostics)
            // Additions are planned items named by their food id, so a meal may not share one.
            if let id, known.contains(id), let cell = table.field(idColumn, in: row) {
                diagnostics.append(table.diagnostic(.error, "meal id '\(id)' is also a food id; give the meal its own id", at: cell.location))
            }
            var slots: [Slot] = []
            if let cell = table.field(slotsColumn, in: row) {
                for name in cell.pieces(separator: UInt8(ascii: ";"), omittingEmpty: true) {
                    if let slot = Slot(rawValue: name), Slot.meals.contains(slot) {
                        if !slots.contains(slot) { slots.append(slot) }
                    } else {
                        diagnostics.append(table.diagnostic(.error, "unknown slot '\(name)' (use breakfast, lunch, dinner or snack)", at: cell.location))
                    }
                }
                if slots.isEmpty && diagnostics.count == before {
                    diagnostics.append(table.diagnostic(.error, "a meal needs at least one slot", at: cell.location))
                }
            }
            var portions: [Meal.Portion] = []
            if let cell = table.field(foodsColumn, in: row) {
                let items = cell.pieces(separator: UInt8(ascii: ";"), omittingEmpty: true)
                portions.reserveCapacity(items.count)
                for item in items {
                    guard let (food, servingsText) = portionParts(item) else {
                        diagnostics.append(table.diagnostic(.error, "'\(item)' is not food-id:servings", at: cell.location))
                        continue
                    }
                    if !known.contains(food) {
                        diagnostics.append(table.diagnostic(.error, "unknown food '\(food)'\(Suggestion.didYouMean(food, among: foodIDs))", at: cell.location))
                    }
                    guard case .value(let servings) = ParsedNumber(servingsText), servings > 0 else {
                        diagnostics.append(table.diagnostic(.error, "servings of '\(food)' must be a number greater than 0, not '\(servingsText)'", at: cell.location))
                        continue
                    }
                    portions.append(Meal.Portion(food: food, servings: servings))
                }
                if portions.isEmpty && diagnostics.count == before {
                    diagnostics.append(table.diagnostic(.error, "a meal needs at least one food", at: cell.location))
                }
            }
            guard diagnostics.count == before, let id else { continue }
            meals.append(Meal(id: id, name: table.text(nameColumn, in: row), slots: slots, portions: portions))
        }
        return meals
    }

    /// A `food:servings` item split at its one `:`: the trimmed food id and the servings text
    /// as written, exactly as `splitASCII(":", omittingEmptySubsequences: false)` and
    /// `trimmedBlanks` give them (ASCII items are cut from their bytes); `nil` unless there is
    /// exactly one `:`.
    static func portionParts(_ item: String) -> (food: String, servings: Substring)? {
        let cut = item.withUTF8Bytes { bytes -> (food: String, colon: Int)?? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return .none }
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
                  !bytes[(colon + 1)...].contains(UInt8(ascii: ":")) else { return .some(nil) }
            let food = CSVTable.Field.trimmed(bytes, 0..<colon)
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[food]), as: UTF8.self), colon)
        }
        if let cut {
            guard let (food, colon) = cut else { return nil }
            return (food, item[item.utf8.index(item.utf8.startIndex, offsetBy: colon + 1)...])
        }
        let parts = item.splitASCII(UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        return (parts[0].trimmedBlanks, parts[1])
    }
}
