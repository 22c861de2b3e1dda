extension MealPlan {
    /// Shop aisles in the order a list is walked; other aisles follow alphabetically.
    static let aisleOrder = ["produce", "meat and fish", "dairy and eggs", "grains and bakery", "tins and jars",
                             "frozen", "nuts and seeds", "other"]

    /// The printable report for a client (`--format html`): one self-contained HTML file (inline
    /// CSS and SVG, no script, no link to anything) that is also well-formed XML. It holds the
    /// client and dates, the flags and why (labs with units), supplements and the disclaimer, a
    /// week grid, a coverage heat map (nutrient × day, the percentage printed in each cell), a
    /// bar chart of each nutrient's mean coverage split into food and supplement, each daily
    /// limit per day against its maximum, the plants, every day's meals with ingredients and
    /// method and its stress step, the shopping list by aisle, retest reminders and the notes.
    /// The same plan and details give byte-identical output.
    public func html(details: ReportDetails = ReportDetails()) -> String {
        let title = details.client.map { "Meal plan for \($0.clipped(to: 120))" } ?? "Meal plan"
        var w = HTMLWriter()
        w.raw("<!DOCTYPE html>\n")
        w.open("html", [("lang", "en")])
        w.open("head")
        w.empty("meta", [("charset", "utf-8")])
        w.empty("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        w.empty("meta", [("name", "generator"), ("content", "gutplan")])
        w.element("title", title + " (gutplan)")
        w.element("style", markup: "\n" + MealPlan.reportStyle + "\n")
        w.close("head")
        w.open("body")
        w.open("header")
        w.element("h1", title)
        w.element("p", [("class", "dates")], dateRangeText)
        w.element("p", [("class", "disclaimer")], MealPlan.disclaimer)
        w.close("header")
        w.open("main")
        htmlSummary(&w)
        htmlFlags(&w, details: details)
        htmlWeekGrids(&w)
        htmlCoverage(&w)
        htmlLimits(&w)
        htmlDays(&w)
        htmlShopping(&w)
        htmlRetests(&w)
        htmlNotes(&w, details: details)
        w.close("main")
        w.open("footer")
        w.element("p", MealPlan.disclaimer)
        w.element("p", [("class", "muted")], "Made by gutplan from the rule files it was given; the same plan always gives this same report.")
        w.close("footer")
        w.close("body")
        w.close("html")
        return w.text
    }

    /// `html(details:)` with only a client name.
    public func html(client: String?) -> String { html(details: ReportDetails(client: client)) }

    /// `Monday 7 December 2026 to Sunday 13 December 2026 (7 days)`, or the day count alone.
    var dateRangeText: String {
        let count = "\(days.count) day\(days.count == 1 ? "" : "s")"
        guard let first = days.first?.date.flatMap(CalendarDate.init) ?? start.flatMap(CalendarDate.init) else {
            return "\(count), Monday to Sunday, without dates (plan with --start YYYY-MM-DD to date them)"
        }
        let last = days.last?.date.flatMap(CalendarDate.init) ?? first.adding(days: max(days.count - 1, 0))
        return "\(first.longText) to \(last.longText) (\(count))"
    }

    /// `Monday 7 December 2026 (day 1)` or `Day 1: Monday`.
    func dayTitle(_ day: Day) -> String {
        if let date = day.date.flatMap(CalendarDate.init) { return "\(date.longText) (day \(day.number))" }
        return "Day \(day.number): \(day.name)"
    }

    /// `Mon 7 Dec` or `Mon`.
    func dayShortName(_ day: Day) -> String {
        guard let date = day.date.flatMap(CalendarDate.init) else { return String(day.name.prefix(3)) }
        return "\(date.weekdayName.prefix(3)) \(date.day) \(CalendarDate.monthNames[date.month - 1].prefix(3))"
    }

    static func slotTitle(_ slot: Slot) -> String {
        slot == .stress ? "Stress step" : slot.rawValue.prefix(1).uppercased() + slot.rawValue.dropFirst()
    }

    private func htmlSummary(_ w: inout HTMLWriter) {
        w.element("h2", "Summary")
        w.open("dl", [("class", "facts")])
        let band = profile.energyBand
        var facts: [(String, String)] = [
            ("Profile", "\(profile.sex.rawValue), \(profile.age), \(profile.diet.rawValue)"
                + (profile.activity.map { ", \($0.rawValue)" } ?? "")),
            ("Energy", "\(DecimalText.format(band.lowerBound, maxFractionDigits: 0))-\(DecimalText.format(band.upperBound, maxFractionDigits: 0)) kcal a day"),
            ("Excludes", profile.exclude.isEmpty ? "nothing" : profile.exclude.joined(separator: ", ")),
            ("Flags", flagSummary),
            ("Supplements", supplementSummary.isEmpty ? "none" : supplementSummary),
            ("Plants", plantsSummary),
            ("Score", "\(DecimalText.fixed(score, digits: 3)) (proven upper bound \(DecimalText.fixed(upperBound, digits: 3)); 1.000 means every target met every day)"),
        ]
        if !portionSummary.isEmpty { facts.append(("Portions", portionSummary)) }
        if servings > 1 { facts.append(("Servings", "amounts and shopping are for \(servings) people; nutrition is one person's")) }
        if profile.lowFODMAP { facts.append(("Low-FODMAP", "every food is low-FODMAP at its serving (elimination phase)")) }
        if !profile.symptoms.isEmpty { facts.append(("Symptoms", profile.symptoms.sorted().joined(separator: ", "))) }
        for (term, value) in facts {
            w.element("dt", term)
            w.element("dd", value)
        }
        w.close("dl")
        if !countedLines.isEmpty {
            w.open("ul")
            for line in countedLines { w.element("li", line) }
            w.close("ul")
        }
    }

    private func htmlFlags(_ w: inout HTMLWriter, details: ReportDetails) {
        w.element("h2", "Flags and why")
        let flagged = nutrients.filter { flags[$0.id] != nil }.map { ($0.id, $0.name, Optional($0)) }
        let rest = flags.keys.filter { id in !flagged.contains { $0.0 == id } }.sorted(by: JSONValue.keyOrder)
        let rows = flagged + rest.map { ($0, $0, nil as NutrientSummary?) }
        if rows.isEmpty {
            w.element("p", "Nothing is flagged: the plan aims at the reference intakes.")
        } else {
            w.open("table")
            w.element("caption", [("class", "muted")], "Each flag, the daily target it led to, and how it came about.")
            w.element("thead", markup: "<tr><th scope=\"col\">Nutrient</th><th scope=\"col\">Status</th>"
                + "<th scope=\"col\">Daily target</th><th scope=\"col\">Why</th></tr>")
            w.open("tbody")
            for (id, name, summary) in rows {
                let status = flags[id]?.rawValue ?? ""
                let target = summary.map { "\(DecimalText.format($0.target, maxFractionDigits: 2)) \($0.unit): \($0.basis)" } ?? ""
                let reasons = details.flagReasons[id] ?? []
                let why = reasons.isEmpty
                    ? HTMLWriter.escape(profile.confirmed.contains(id) || profile.suspected.contains(id) ? "entered as \(status)" : "set by the rules")
                    : reasons.map(HTMLWriter.escape).joined(separator: "<br/>")
                w.element("tr", markup: HTMLWriter.inline("th", [("scope", "row")], name) + HTMLWriter.inline("td", status)
                    + HTMLWriter.inline("td", target) + "<td>\(why)</td>")
            }
            w.close("tbody")
            w.close("table")
        }
        guard !profile.labs.isEmpty else { return }
        w.element("h3", "Lab results")
        w.open("table")
        w.element("thead", markup: "<tr><th scope=\"col\">Test</th><th scope=\"col\" class=\"num\">Value</th><th scope=\"col\">Unit</th></tr>")
        w.open("tbody")
        for lab in profile.labs {
            w.element("tr", markup: HTMLWriter.inline("th", [("scope", "row")], details.labNames[lab.test] ?? lab.test)
                + HTMLWriter.inline("td", [("class", "num")], DecimalText.format(lab.value, maxFractionDigits: 3))
                + HTMLWriter.inline("td", lab.unit))
        }
        w.close("tbody")
        w.close("table")
    }

    /// Days grouped by week, in order.
    var weekGroups: [(week: Int, days: [Day])] {
        var groups: [(week: Int, days: [Day])] = []
        for day in days {
            if let last = groups.last, last.week == day.week { groups[groups.count - 1].days.append(day) } else { groups.append((day.week, [day])) }
        }
        return groups
    }

    private func htmlWeekGrids(_ w: inout HTMLWriter) {
        w.element("h2", [("class", "page")], "The week at a glance")
        let groups = weekGroups
        for group in groups {
            if groups.count > 1 {
                var heading = "Week \(group.week)"
                if let summary = weeks.first(where: { $0.week == group.week }) {
                    heading += ": score \(DecimalText.fixed(summary.score, digits: 3)) (bound \(DecimalText.fixed(summary.upperBound, digits: 3))), "
                        + "\(summary.plants.count) plants"
                }
                w.element("h3", heading)
            }
            let slots = Slot.allCases.filter { slot in group.days.contains { $0.items.contains { $0.slot == slot } } }
            w.open("table", [("class", "grid")])
            w.element("caption", [("class", "muted")], "What is eaten when: one column a day, one row a slot.")
            w.element("thead", markup: "<tr><th scope=\"col\">Slot</th>"
                + group.days.map { HTMLWriter.inline("th", [("scope", "col")], dayShortName($0)) }.joined() + "</tr>")
            w.open("tbody")
            for slot in slots {
                let cells = group.days.map { day in
                    HTMLWriter.inline("td", day.items.filter { $0.slot == slot }.map(\.name).joined(separator: "; "))
                }
                w.element("tr", markup: HTMLWriter.inline("th", [("scope", "row")], MealPlan.slotTitle(slot)) + cells.joined())
            }
            w.close("tbody")
            w.close("table")
        }
        w.element("p", plantsSummary + ".")
    }

    private func htmlDays(_ w: inout HTMLWriter) {
        w.element("h2", [("class", "page")], "Day by day")
        for day in days {
            w.open("section", [("class", "day")])
            var heading = dayTitle(day)
            if let kcal = day.totals["kcal"] { heading += ", \(DecimalText.format(kcal, maxFractionDigits: 0)) kcal" }
            w.element("h3", heading)
            w.open("div", [("class", "columns")])
            for item in day.items { htmlItem(&w, item) }
            w.close("div")
            w.close("section")
        }
    }

    private func htmlItem(_ w: inout HTMLWriter, _ item: Item) {
        w.open("div", [("class", item.kind == .stress ? "item stress" : "item")])
        var meta: [String] = []
        if let kcal = item.kcal { meta.append("\(DecimalText.format(kcal, maxFractionDigits: 0)) kcal") }
        if let prep = item.prepMinutes { meta.append("prep \(prep) min") }
        if let cook = item.cookMinutes { meta.append("cook \(cook) min") }
        let label = item.kind == .meal || item.kind == .stress ? MealPlan.slotTitle(item.slot) : MealPlan.slotTitle(item.slot) + " addition"
        w.element("h4", markup: HTMLWriter.escape("\(label): \(item.name)")
            + (meta.isEmpty ? "" : " " + HTMLWriter.inline("span", [("class", "meta")], "(" + meta.joined(separator: ", ") + ")")))
        if let detail = item.detail { w.element("p", detail) }
        if !item.ingredients.isEmpty {
            w.open("ul")
            for ingredient in item.ingredients { w.element("li", ingredient.text) }
            w.close("ul")
        } else if !item.foods.isEmpty, item.kind != .meal || item.foods.count > 1 {
            w.element("p", [("class", "muted")], item.foods.map {
                "\($0.food) \(DecimalText.format($0.servings, maxFractionDigits: 2)) serving\($0.servings == 1 ? "" : "s")"
            }.joined(separator: ", "))
        }
        if !item.method.isEmpty {
            w.open("ol")
            for step in item.method { w.element("li", step) }
            w.close("ol")
        }
        w.close("div")
    }

    private func htmlShopping(_ w: inout HTMLWriter) {
        w.element("h2", [("class", "page")], "Shopping list")
        guard !shopping.isEmpty else {
            w.element("p", "Nothing to buy.")
            return
        }
        if servings > 1 { w.element("p", "For \(servings) people.") }
        let aisles = Set(shopping.map { $0.aisle.isEmpty ? "other" : $0.aisle })
        let ordered = MealPlan.aisleOrder.filter(aisles.contains) + aisles.subtracting(MealPlan.aisleOrder).sorted()
        for aisle in ordered {
            let entries = shopping.filter { ($0.aisle.isEmpty ? "other" : $0.aisle) == aisle }
            w.open("section", [("class", "aisle")])
            w.element("h3", aisle.prefix(1).uppercased() + aisle.dropFirst())
            w.open("table")
            w.element("thead", markup: "<tr><th scope=\"col\">Item</th><th scope=\"col\" class=\"num\">Buy</th>"
                + "<th scope=\"col\" class=\"num\">Grams</th><th scope=\"col\">Used on</th></tr>")
            w.open("tbody")
            for entry in entries {
                let bought = entry.quantity > 0
                let amount = bought ? "\(DecimalText.format(entry.quantity, maxFractionDigits: 2)) \(entry.unit)"
                    : "\(DecimalText.format(entry.servings, maxFractionDigits: 2)) serving\(entry.servings == 1 ? "" : "s")"
                let grams = bought && entry.boughtGrams > 0 ? entry.boughtGrams : entry.grams
                let usedOn = entry.usedOn.compactMap { number in days.first { $0.number == number }.map(dayShortName) }
                w.element("tr", markup: HTMLWriter.inline("th", [("scope", "row")], entry.item.isEmpty ? entry.name : entry.item)
                    + HTMLWriter.inline("td", [("class", "num")], amount)
                    + HTMLWriter.inline("td", [("class", "num")], DecimalText.format(grams, maxFractionDigits: 0))
                    + HTMLWriter.inline("td", usedOn.joined(separator: ", ")))
            }
            w.close("tbody")
            w.close("table")
            w.close("section")
        }
    }

    private func htmlRetests(_ w: inout HTMLWriter) {
        w.element("h2", "Retest reminders")
        guard !retests.isEmpty else {
            w.element("p", "No retest reminders in this plan.")
            return
        }
        w.open("table")
        w.element("thead", markup: "<tr><th scope=\"col\">Nutrient</th><th scope=\"col\">Test</th><th scope=\"col\">When</th>"
            + "<th scope=\"col\">Earliest date</th><th scope=\"col\">Source</th></tr>")
        w.open("tbody")
        for retest in retests {
            let name = nutrients.first { $0.id == retest.nutrient }?.name ?? retest.nutrient
            let date = retest.date.flatMap(CalendarDate.init)?.longText ?? retest.date ?? "with a start date"
            w.element("tr", markup: HTMLWriter.inline("th", [("scope", "row")], name) + HTMLWriter.inline("td", retest.test)
                + HTMLWriter.inline("td", retest.after) + HTMLWriter.inline("td", date)
                + HTMLWriter.inline("td", [("class", "source")], retest.source))
        }
        w.close("tbody")
        w.close("table")
    }

    private func htmlNotes(_ w: inout HTMLWriter, details: ReportDetails) {
        w.element("h2", "Notes")
        if !details.notes.isEmpty {
            // The practitioner's lines as written (an empty line is a paragraph break).
            w.element("h3", "From your practitioner")
            for note in details.notes where !note.isEmpty { w.element("p", note) }
            if !notes.isEmpty { w.element("h3", "From gutplan") }
        }
        guard !notes.isEmpty else {
            if !details.notes.isEmpty { return }
            w.element("p", "No notes.")
            return
        }
        w.open("ul")
        for note in notes { w.element("li", note) }
        w.close("ul")
    }
}
