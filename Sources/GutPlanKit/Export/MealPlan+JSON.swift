extension MealPlan {
    /// The plan as JSON text with a trailing newline. Top-level members come in a fixed order
    /// (`profile`, `flags`, `score`, `upper_bound`, `start`, `servings`, `max_minutes`, `ramp`,
    /// `portion_scale`, `weeks`, `plants`, `supplements`, `days`, `coverage`, `nutrients`,
    /// `upper_limits`, `limits`, `notes`, `retests`, `shopping`, `disclaimer`); every map keyed by
    /// nutrient or food id is sorted by key (`JSONValue.keyOrder`; a map made from a list keeps
    /// the first of repeated ids). Each day has `totals` (eaten from food), `counted` (what
    /// counts: absorbed food plus supplements) and `limits` (each daily limit's value).
    ///
    /// Numbers keep six decimals (trimmed). Day `totals` are the plan's own totals; the CSV export
    /// rounds per-item amounts to four decimals, so a spreadsheet sum of a day's rows differs from
    /// the JSON total by at most 7 × 0.00005 — well under 0.01.
    ///
    /// Written member by member with `JSONWriter`, without a tree of `JSONValue`s in between.
    public func json(pretty: Bool = true) -> String {
        var w = JSONWriter(pretty: pretty)
        w.reserveCapacity(16_384 * max(days.count, 1))  // a day is 10-15 KB of pretty text
        w.beginObject()
        w.key("profile")
        writeProfile(to: &w)
        w.key("flags")
        w.beginObject()
        for (id, status) in flags.sorted(by: { JSONValue.keyOrder($0.key, $1.key) }) {
            w.key(id)
            w.string(status.rawValue)
        }
        w.endObject()
        w.member("score", score)
        w.member("upper_bound", upperBound)
        w.member("start", start)
        w.member("servings", Double(servings))
        w.key("max_minutes")
        w.numbers(sorting: Dictionary(uniqueKeysWithValues: maxMinutes.map { ($0.key.rawValue, Double($0.value)) }))
        w.member("ramp", rampRequested)
        w.member("portion_scale", portionScale)
        w.key("weeks")
        w.beginArray()
        for week in weeks { Self.writeWeek(week, to: &w) }
        w.endArray()
        w.key("plants")
        Self.writePlants(plants, to: &w)
        w.key("supplements")
        w.numbers(sorting: supplements)
        w.key("days")
        w.beginArray()
        let limitOrder = Self.firstOfEachSorted(limits.map(\.id))
        for index in days.indices { writeDay(index, limitOrder: limitOrder, to: &w) }
        w.endArray()
        w.key("coverage")
        w.beginObject()
        for index in Self.firstOfEachSorted(nutrients.map(\.id)) {
            w.key(nutrients[index].id)
            nutrients[index].write(to: &w)
        }
        w.endObject()
        w.member("nutrients", nutrients.map(\.id))
        w.key("upper_limits")
        w.numbers(sorting: upperLimits)
        w.key("limits")
        w.beginArray()
        for limit in limits { Self.writeLimit(limit, to: &w) }
        w.endArray()
        w.member("notes", notes)
        w.key("retests")
        w.beginArray()
        for retest in retests { Self.writeRetest(retest, to: &w) }
        w.endArray()
        w.key("shopping")
        w.beginArray()
        for entry in shopping { entry.write(to: &w) }
        w.endArray()
        w.member("disclaimer", MealPlan.disclaimer)
        w.endObject()
        w.appendRaw(0x0A)
        return w.text
    }

    /// The indices of the first occurrence of each id, in key order of the ids: the members of a
    /// map made from a list (the first of repeated ids wins), sorted as `numbers(sorting:)` sorts.
    static func firstOfEachSorted(_ ids: [String]) -> [Int] {
        var seen = Set<String>()
        var indices: [Int] = []
        for index in ids.indices where seen.insert(ids[index]).inserted { indices.append(index) }
        indices.sort { JSONValue.keyOrder(ids[$0], ids[$1]) }
        return indices
    }

    static func writeWeek(_ week: WeekSummary, to w: inout JSONWriter) {
        w.beginObject()
        w.member("week", Double(week.week))
        w.member("score", week.score)
        w.member("upper_bound", week.upperBound)
        w.key("plants")
        w.beginObject()
        w.member("count", Double(week.plants.count))
        w.member("bound", Double(week.plants.bound))
        w.endObject()
        w.endObject()
    }

    static func writePlants(_ plants: Plants, to w: inout JSONWriter) {
        w.beginObject()
        w.member("count", Double(plants.count))
        w.member("value", Double(plants.value))
        w.member("bound", Double(plants.bound))
        w.member("cap", Double(plants.cap))
        w.member("foods", plants.foods)
        w.endObject()
    }

    static func writeLimit(_ limit: LimitSummary, to w: inout JSONWriter) {
        w.beginObject()
        w.member("id", limit.id)
        w.member("name", limit.name)
        w.member("unit", limit.unit)
        w.member("max", limit.max)
        w.member("days", limit.days)
        w.member("source", limit.source)
        w.endObject()
    }

    static func writeRetest(_ retest: Retest, to w: inout JSONWriter) {
        w.beginObject()
        w.member("nutrient", retest.nutrient)
        w.member("test", retest.test)
        w.member("after", retest.after)
        w.member("date", retest.date)
        w.member("source", retest.source)
        w.endObject()
    }

    private func writeProfile(to w: inout JSONWriter) {
        let band = profile.energyBand
        w.beginObject()
        w.member("sex", profile.sex.rawValue)
        w.member("age", Double(profile.age))
        w.member("diet", profile.diet.rawValue)
        w.member("exclude", profile.exclude)
        w.member("low_fodmap", profile.lowFODMAP)
        w.key("energy")
        w.beginObject()
        w.member("min", band.lowerBound)
        w.member("max", band.upperBound)
        w.endObject()
        w.member("confirmed", profile.confirmed.sorted(by: JSONValue.keyOrder))
        w.member("suspected", profile.suspected.sorted(by: JSONValue.keyOrder))
        w.member("symptoms", profile.symptoms.sorted(by: JSONValue.keyOrder))
        w.key("labs")
        w.beginArray()
        for lab in profile.labs {
            w.beginObject()
            w.member("test", lab.test)
            w.member("value", lab.value)
            w.member("unit", lab.unit)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    /// One day; `limitOrder` is `firstOfEachSorted` of the limits' ids.
    func writeDay(_ index: Int, limitOrder: [Int], to w: inout JSONWriter) {
        let day = days[index]
        w.beginObject()
        w.member("day", Double(day.number))
        if let date = day.date {
            w.member("date", date)
        }
        w.member("week", Double(day.week))
        w.member("name", day.name)
        w.key("items")
        w.beginArray()
        for item in day.items { item.write(to: &w) }
        w.endArray()
        w.key("totals")
        w.numbers(sorting: day.totals)
        w.key("counted")
        w.numbers(sorting: day.counted)
        w.key("limits")
        w.beginObject()
        for limit in limitOrder {
            w.key(limits[limit].id)
            w.number(limits[limit].days.indices.contains(index) ? limits[limit].days[index] : nil)
        }
        w.endObject()
        w.key("coverage")
        w.numbers(sorting: day.coverage)
        w.endObject()
    }
}

extension MealPlan.Item {
    /// A stress step has no `kcal`, `foods` or `nutrients`; it has `detail` instead.
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("slot", slot.rawValue)
        w.member("kind", kind.rawValue)
        w.member("id", id)
        w.member("name", name)
        if kind != .stress {
            w.member("kcal", kcal)
            w.key("foods")
            w.beginArray()
            for portion in foods {
                w.beginObject()
                w.member("id", portion.food)
                w.member("servings", portion.servings)
                w.endObject()
            }
            w.endArray()
            w.key("nutrients")
            w.numbers(sorting: nutrients)
            w.key("counted")
            w.numbers(sorting: counted)
            w.key("factors")
            w.beginArray()
            for factor in factors {
                w.beginObject()
                w.member("nutrient", factor.nutrient)
                w.member("factor", factor.factor)
                w.member("reason", factor.reason)
                w.endObject()
            }
            w.endArray()
            w.key("ingredients")
            w.beginArray()
            for ingredient in ingredients {
                w.beginObject()
                w.member("food", ingredient.food)
                w.member("amount", ingredient.amount)
                w.member("unit", ingredient.unit)
                w.member("grams", ingredient.grams)
                w.member("text", ingredient.text)
                w.endObject()
            }
            w.endArray()
            if kind == .meal {
                w.member("method", method)
                w.member("prep_minutes", prepMinutes.map(Double.init))
                w.member("cook_minutes", cookMinutes.map(Double.init))
            }
        }
        if let detail {
            w.member("detail", detail)
        }
        w.member("covers", covers)
        w.member("why", why)
        w.endObject()
    }
}

extension MealPlan.NutrientSummary {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("name", name)
        w.member("unit", unit)
        w.member("target", target)
        w.member("reference", reference)
        w.member("basis", basis)
        w.member("weight", weight)
        w.member("status", status?.rawValue)
        w.member("supplement", supplement)
        w.member("food_share", foodShare)
        w.member("mean", mean)
        w.endObject()
    }
}

extension MealPlan.ShoppingEntry {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("aisle", aisle)
        w.member("food", food)
        w.member("item", item.isEmpty ? name : item)
        w.member("quantity", quantity)
        w.member("unit", unit)
        w.member("grams", boughtGrams)
        w.member("used_on", usedOn.map(Double.init))
        w.member("servings", servings)
        w.member("eaten_grams", grams)
        w.endObject()
    }
}
