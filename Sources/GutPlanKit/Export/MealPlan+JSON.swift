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
        w.key("score")
        w.number(score)
        w.key("upper_bound")
        w.number(upperBound)
        w.key("start")
        w.string(start)
        w.key("servings")
        w.number(Double(servings))
        w.key("max_minutes")
        w.numbers(sorting: Dictionary(uniqueKeysWithValues: maxMinutes.map { ($0.key.rawValue, Double($0.value)) }))
        w.key("ramp")
        w.bool(rampRequested)
        w.key("portion_scale")
        w.number(portionScale)
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
        w.key("nutrients")
        w.strings(nutrients.map(\.id))
        w.key("upper_limits")
        w.numbers(sorting: upperLimits)
        w.key("limits")
        w.beginArray()
        for limit in limits { Self.writeLimit(limit, to: &w) }
        w.endArray()
        w.key("notes")
        w.strings(notes)
        w.key("retests")
        w.beginArray()
        for retest in retests { Self.writeRetest(retest, to: &w) }
        w.endArray()
        w.key("shopping")
        w.beginArray()
        for entry in shopping { entry.write(to: &w) }
        w.endArray()
        w.key("disclaimer")
        w.string(MealPlan.disclaimer)
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
        w.key("week")
        w.number(Double(week.week))
        w.key("score")
        w.number(week.score)
        w.key("upper_bound")
        w.number(week.upperBound)
        w.key("plants")
        w.beginObject()
        w.key("count")
        w.number(Double(week.plants.count))
        w.key("bound")
        w.number(Double(week.plants.bound))
        w.endObject()
        w.endObject()
    }

    static func writePlants(_ plants: Plants, to w: inout JSONWriter) {
        w.beginObject()
        w.key("count")
        w.number(Double(plants.count))
        w.key("value")
        w.number(Double(plants.value))
        w.key("bound")
        w.number(Double(plants.bound))
        w.key("cap")
        w.number(Double(plants.cap))
        w.key("foods")
        w.strings(plants.foods)
        w.endObject()
    }

    static func writeLimit(_ limit: LimitSummary, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id")
        w.string(limit.id)
        w.key("name")
        w.string(limit.name)
        w.key("unit")
        w.string(limit.unit)
        w.key("max")
        w.number(limit.max)
        w.key("days")
        w.numbers(limit.days)
        w.key("source")
        w.string(limit.source)
        w.endObject()
    }

    static func writeRetest(_ retest: Retest, to w: inout JSONWriter) {
        w.beginObject()
        w.key("nutrient")
        w.string(retest.nutrient)
        w.key("test")
        w.string(retest.test)
        w.key("after")
        w.string(retest.after)
        w.key("date")
        w.string(retest.date)
        w.key("source")
        w.string(retest.source)
        w.endObject()
    }

    private func writeProfile(to w: inout JSONWriter) {
        let band = profile.energyBand
        w.beginObject()
        w.key("sex")
        w.string(profile.sex.rawValue)
        w.key("age")
        w.number(Double(profile.age))
        w.key("diet")
        w.string(profile.diet.rawValue)
        w.key("exclude")
        w.strings(profile.exclude)
        w.key("low_fodmap")
        w.bool(profile.lowFODMAP)
        w.key("energy")
        w.beginObject()
        w.key("min")
        w.number(band.lowerBound)
        w.key("max")
        w.number(band.upperBound)
        w.endObject()
        w.key("confirmed")
        w.strings(profile.confirmed.sorted(by: JSONValue.keyOrder))
        w.key("suspected")
        w.strings(profile.suspected.sorted(by: JSONValue.keyOrder))
        w.key("symptoms")
        w.strings(profile.symptoms.sorted(by: JSONValue.keyOrder))
        w.key("labs")
        w.beginArray()
        for lab in profile.labs {
            w.beginObject()
            w.key("test")
            w.string(lab.test)
            w.key("value")
            w.number(lab.value)
            w.key("unit")
            w.string(lab.unit)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    /// One day; `limitOrder` is `firstOfEachSorted` of the limits' ids.
    func writeDay(_ index: Int, limitOrder: [Int], to w: inout JSONWriter) {
        let day = days[index]
        w.beginObject()
        w.key("day")
        w.number(Double(day.number))
        if let date = day.date {
            w.key("date")
            w.string(date)
        }
        w.key("week")
        w.number(Double(day.week))
        w.key("name")
        w.string(day.name)
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
        w.key("slot")
        w.string(slot.rawValue)
        w.key("kind")
        w.string(kind.rawValue)
        w.key("id")
        w.string(id)
        w.key("name")
        w.string(name)
        if kind != .stress {
            w.key("kcal")
            w.number(kcal)
            w.key("foods")
            w.beginArray()
            for portion in foods {
                w.beginObject()
                w.key("id")
                w.string(portion.food)
                w.key("servings")
                w.number(portion.servings)
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
                w.key("nutrient")
                w.string(factor.nutrient)
                w.key("factor")
                w.number(factor.factor)
                w.key("reason")
                w.string(factor.reason)
                w.endObject()
            }
            w.endArray()
            w.key("ingredients")
            w.beginArray()
            for ingredient in ingredients {
                w.beginObject()
                w.key("food")
                w.string(ingredient.food)
                w.key("amount")
                w.number(ingredient.amount)
                w.key("unit")
                w.string(ingredient.unit)
                w.key("grams")
                w.number(ingredient.grams)
                w.key("text")
                w.string(ingredient.text)
                w.endObject()
            }
            w.endArray()
            if kind == .meal {
                w.key("method")
                w.strings(method)
                w.key("prep_minutes")
                w.number(prepMinutes.map(Double.init))
                w.key("cook_minutes")
                w.number(cookMinutes.map(Double.init))
            }
        }
        if let detail {
            w.key("detail")
            w.string(detail)
        }
        w.key("covers")
        w.strings(covers)
        w.key("why")
        w.strings(why)
        w.endObject()
    }
}

extension MealPlan.NutrientSummary {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("name")
        w.string(name)
        w.key("unit")
        w.string(unit)
        w.key("target")
        w.number(target)
        w.key("reference")
        w.number(reference)
        w.key("basis")
        w.string(basis)
        w.key("weight")
        w.number(weight)
        w.key("status")
        w.string(status?.rawValue)
        w.key("supplement")
        w.number(supplement)
        w.key("food_share")
        w.number(foodShare)
        w.key("mean")
        w.number(mean)
        w.endObject()
    }
}

extension MealPlan.ShoppingEntry {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("aisle")
        w.string(aisle)
        w.key("food")
        w.string(food)
        w.key("item")
        w.string(item.isEmpty ? name : item)
        w.key("quantity")
        w.number(quantity)
        w.key("unit")
        w.string(unit)
        w.key("grams")
        w.number(boughtGrams)
        w.key("used_on")
        w.numbers(usedOn.map(Double.init))
        w.key("servings")
        w.number(servings)
        w.key("eaten_grams")
        w.number(grams)
        w.endObject()
    }
}
