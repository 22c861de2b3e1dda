extension MealPlan {
    /// The plan as a JSON value. Top-level members come in a fixed order (`profile`, `flags`,
    /// `score`, `upper_bound`, `days`, `coverage`, `nutrients` (the ids of the nutrients
    /// `coverage` reports, in report order), `upper_limits`, `notes`, `shopping`,
    /// `disclaimer`); every map keyed by nutrient or food id is sorted by key.
    ///
    /// Numbers keep six decimals (trimmed). Day `totals` are the plan's own totals; the CSV export
    /// rounds per-item amounts to four decimals, so a spreadsheet sum of a day's rows differs from
    /// the JSON total by at most 7 × 0.00005 — well under 0.01.
    public var jsonValue: JSONValue {
        .object(ordered: [
            ("profile", profileJSON),
            ("flags", .object(sorting: flags.mapValues { .string($0.rawValue) })),
            ("score", .number(score)),
            ("upper_bound", .number(upperBound)),
            ("days", .array(days.map(\.jsonValue))),
            ("coverage", .object(sorting: Dictionary(nutrients.map { ($0.id, $0.jsonValue) }, uniquingKeysWith: { a, _ in a }))),
            ("nutrients", .array(nutrients.map { .string($0.id) })),
            ("upper_limits", .object(sorting: upperLimits.mapValues { .number($0) })),
            ("notes", .array(notes.map(JSONValue.string))),
            ("shopping", .array(shopping.map(\.jsonValue))),
            ("disclaimer", .string(MealPlan.disclaimer)),
        ])
    }

    /// The plan as JSON text with a trailing newline.
    public func json(pretty: Bool = true) -> String {
        jsonValue.rendered(pretty: pretty) + "\n"
    }

    private var profileJSON: JSONValue {
        let band = profile.energyBand
        return .object(ordered: [
            ("sex", .string(profile.sex.rawValue)),
            ("age", .number(Double(profile.age))),
            ("diet", .string(profile.diet.rawValue)),
            ("exclude", .array(profile.exclude.map(JSONValue.string))),
            ("energy", .object(ordered: [("min", .number(band.lowerBound)), ("max", .number(band.upperBound))])),
            ("confirmed", .array(profile.confirmed.sorted(by: JSONValue.keyOrder).map(JSONValue.string))),
            ("suspected", .array(profile.suspected.sorted(by: JSONValue.keyOrder).map(JSONValue.string))),
            ("symptoms", .array(profile.symptoms.sorted(by: JSONValue.keyOrder).map(JSONValue.string))),
            ("labs", .array(profile.labs.map {
                .object(ordered: [("test", .string($0.test)), ("value", .number($0.value)), ("unit", .string($0.unit))])
            })),
        ])
    }
}

extension MealPlan.Day {
    var jsonValue: JSONValue {
        .object(ordered: [
            ("day", .number(Double(number))),
            ("name", .string(name)),
            ("items", .array(items.map(\.jsonValue))),
            ("totals", .object(sorting: totals.mapValues { .number($0) })),
            ("coverage", .object(sorting: coverage.mapValues { .number($0) })),
        ])
    }
}

extension MealPlan.Item {
    /// A stress step has no `kcal`, `foods` or `nutrients`; it has `detail` instead.
    var jsonValue: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("slot", .string(slot.rawValue)), ("kind", .string(kind.rawValue)),
            ("id", .string(id)), ("name", .string(name)),
        ]
        if kind != .stress {
            pairs.append(("kcal", .number(kcal)))
            pairs.append(("foods", .array(foods.map {
                .object(ordered: [("id", .string($0.food)), ("servings", .number($0.servings))])
            })))
            pairs.append(("nutrients", .object(sorting: nutrients.mapValues { .number($0) })))
        }
        if let detail { pairs.append(("detail", .string(detail))) }
        pairs.append(("covers", .array(covers.map(JSONValue.string))))
        pairs.append(("why", .array(why.map(JSONValue.string))))
        return .object(ordered: pairs)
    }
}

extension MealPlan.NutrientSummary {
    var jsonValue: JSONValue {
        .object(ordered: [
            ("name", .string(name)), ("unit", .string(unit)), ("target", .number(target)),
            ("weight", .number(weight)), ("status", status.map { .string($0.rawValue) } ?? .null),
            ("mean", .number(mean)),
        ])
    }
}

extension MealPlan.ShoppingEntry {
    var jsonValue: JSONValue {
        .object(ordered: [
            ("food", .string(food)), ("name", .string(name)),
            ("servings", .number(servings)), ("grams", .number(grams)),
        ])
    }
}
