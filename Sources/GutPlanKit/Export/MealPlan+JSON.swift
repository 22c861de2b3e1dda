extension MealPlan {
    /// The plan as a JSON value. Top-level members come in a fixed order (`profile`, `flags`,
    /// `score`, `upper_bound`, `start`, `servings`, `max_minutes`, `ramp`, `portion_scale`, `weeks`, `plants`,
    /// `supplements`, `days`, `coverage`, `nutrients`, `upper_limits`, `limits`, `notes`,
    /// `retests`, `shopping`, `disclaimer`); every map keyed by nutrient
    /// or food id is sorted by key. Each day has `totals` (eaten from food), `counted` (what
    /// counts: absorbed food plus supplements) and `limits` (each daily limit's value).
    ///
    /// Numbers keep six decimals (trimmed). Day `totals` are the plan's own totals; the CSV export
    /// rounds per-item amounts to four decimals, so a spreadsheet sum of a day's rows differs from
    /// the JSON total by at most 7 × 0.00005 — well under 0.01.
    var jsonValue: JSONValue {
        .object(ordered: [
            ("profile", profileJSON),
            ("flags", .object(sorting: flags.mapValues { .string($0.rawValue) })),
            ("score", .number(score)),
            ("upper_bound", .number(upperBound)),
            ("start", start.map(JSONValue.string) ?? .null),
            ("servings", .number(Double(servings))),
            ("max_minutes", .object(sorting: Dictionary(uniqueKeysWithValues: maxMinutes.map { ($0.key.rawValue, JSONValue.number(Double($0.value))) }))),
            ("ramp", .bool(rampRequested)),
            ("portion_scale", .number(portionScale)),
            ("weeks", .array(weeks.map(Self.weekJSON))),
            ("plants", plantsJSON),
            ("supplements", .object(sorting: supplements.mapValues { .number($0) })),
            ("days", .array(days.indices.map(dayJSON))),
            ("coverage", .object(sorting: Dictionary(nutrients.map { ($0.id, $0.jsonValue) }, uniquingKeysWith: { a, _ in a }))),
            ("nutrients", .array(nutrients.map { .string($0.id) })),
            ("upper_limits", .object(sorting: upperLimits.mapValues { .number($0) })),
            ("limits", .array(limits.map(Self.limitJSON))),
            ("notes", .array(notes.map(JSONValue.string))),
            ("retests", .array(retests.map(Self.retestJSON))),
            ("shopping", .array(shopping.map(\.jsonValue))),
            ("disclaimer", .string(MealPlan.disclaimer)),
        ])
    }

    static func weekJSON(_ week: WeekSummary) -> JSONValue {
        .object(ordered: [("week", .number(Double(week.week))), ("score", .number(week.score)),
                          ("upper_bound", .number(week.upperBound)),
                          ("plants", .object(ordered: [("count", .number(Double(week.plants.count))),
                                                       ("bound", .number(Double(week.plants.bound)))]))])
    }

    var plantsJSON: JSONValue {
        .object(ordered: [
            ("count", .number(Double(plants.count))), ("value", .number(Double(plants.value))),
            ("bound", .number(Double(plants.bound))), ("cap", .number(Double(plants.cap))),
            ("foods", .array(plants.foods.map(JSONValue.string))),
        ])
    }

    static func limitJSON(_ limit: LimitSummary) -> JSONValue {
        .object(ordered: [("id", .string(limit.id)), ("name", .string(limit.name)), ("unit", .string(limit.unit)),
                          ("max", .number(limit.max)), ("days", .array(limit.days.map { .number($0) })),
                          ("source", .string(limit.source))])
    }

    static func retestJSON(_ retest: Retest) -> JSONValue {
        .object(ordered: [("nutrient", .string(retest.nutrient)), ("test", .string(retest.test)),
                          ("after", .string(retest.after)), ("date", retest.date.map(JSONValue.string) ?? .null),
                          ("source", .string(retest.source))])
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
            ("low_fodmap", .bool(profile.lowFODMAP)),
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

extension MealPlan {
    func dayJSON(_ index: Int) -> JSONValue {
        let day = days[index]
        var pairs: [(String, JSONValue)] = [("day", .number(Double(day.number)))]
        if let date = day.date { pairs.append(("date", .string(date))) }
        pairs += [
            ("week", .number(Double(day.week))),
            ("name", .string(day.name)),
            ("items", .array(day.items.map(\.jsonValue))),
            ("totals", .object(sorting: day.totals.mapValues { .number($0) })),
            ("counted", .object(sorting: day.counted.mapValues { .number($0) })),
            ("limits", .object(sorting: Dictionary(limits.map { ($0.id, JSONValue.number($0.days[index])) },
                                                   uniquingKeysWith: { a, _ in a }))),
            ("coverage", .object(sorting: day.coverage.mapValues { .number($0) })),
        ]
        return .object(ordered: pairs)
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
            pairs.append(("counted", .object(sorting: counted.mapValues { .number($0) })))
            pairs.append(("factors", .array(factors.map {
                .object(ordered: [("nutrient", .string($0.nutrient)), ("factor", .number($0.factor)), ("reason", .string($0.reason))])
            })))
            pairs.append(("ingredients", .array(ingredients.map {
                .object(ordered: [("food", .string($0.food)), ("amount", .number($0.amount)), ("unit", .string($0.unit)),
                                  ("grams", .number($0.grams)), ("text", .string($0.text))])
            })))
            if kind == .meal {
                pairs.append(("method", .array(method.map(JSONValue.string))))
                pairs.append(("prep_minutes", prepMinutes.map { .number(Double($0)) } ?? .null))
                pairs.append(("cook_minutes", cookMinutes.map { .number(Double($0)) } ?? .null))
            }
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
            ("reference", .number(reference)), ("basis", .string(basis)),
            ("weight", .number(weight)), ("status", status.map { .string($0.rawValue) } ?? .null),
            ("supplement", .number(supplement)), ("food_share", .number(foodShare)),
            ("mean", .number(mean)),
        ])
    }
}

extension MealPlan.ShoppingEntry {
    var jsonValue: JSONValue {
        .object(ordered: [
            ("aisle", .string(aisle)), ("food", .string(food)), ("item", .string(item.isEmpty ? name : item)),
            ("quantity", .number(quantity)), ("unit", .string(unit)), ("grams", .number(boughtGrams)),
            ("used_on", .array(usedOn.map { .number(Double($0)) })),
            ("servings", .number(servings)), ("eaten_grams", .number(grams)),
        ])
    }
}
