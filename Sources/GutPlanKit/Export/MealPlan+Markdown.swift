extension MealPlan {
    /// The week as GitHub-flavoured Markdown: the same content as `text(width:useColor:)`, with
    /// each day, the coverage and the shopping list as tables, and the disclaimer as a quote.
    /// Cell text is escaped (`|`, `\`, line breaks) so user data cannot break a table.
    public func markdown() -> String {
        var out: [String] = ["# " + title, ""]
        let band = profile.energyBand
        let exclude = profile.exclude.isEmpty ? "nothing" : profile.exclude.map(MealPlan.markdownInline).joined(separator: ", ")
        out.append("- **Profile:** \(profile.sex.rawValue), \(profile.age), \(profile.diet.rawValue); "
            + "\(DecimalText.format(band.lowerBound, maxFractionDigits: 0))-\(DecimalText.format(band.upperBound, maxFractionDigits: 0)) kcal a day; excludes \(exclude)")
        let flagText = MealPlan.markdownInline(flagSummary)
        out.append("- **Flags:** \(flagText)")
        if !supplementSummary.isEmpty { out.append("- **Supplements:** \(MealPlan.markdownInline(supplementSummary))") }
        if !portionSummary.isEmpty { out.append("- **Portions:** \(MealPlan.markdownInline(portionSummary))") }
        out.append("- **Score:** \(scoreSummary)")
        out.append("- **Plants:** \(MealPlan.markdownInline(plantsSummary))")
        for (week, text) in weekLines { out.append("- **Week \(week):** \(text)") }

        for day in days {
            if isMultiWeek, (day.number - 1) % 7 == 0 { out += ["", "## Week \(day.week)"] }
            out += ["", "## Day \(day.number): \(MealPlan.markdownInline(day.name))" + (day.date.map { " \(MealPlan.markdownInline($0))" } ?? ""), ""]
            out.append("| Slot | Item | kcal | Covers |")
            out.append("|---|---|--:|---|")
            for item in day.items {
                var name = item.name
                if let detail = item.detail { name += ": " + detail }
                let kcal = item.kcal.map { DecimalText.format($0, maxFractionDigits: 0) } ?? ""
                out.append(MealPlan.markdownRow([item.slot.rawValue, name, kcal, item.covers.joined(separator: ", ")]))
            }
            if let total = day.totals["kcal"] {
                out.append(MealPlan.markdownRow(["**total**", "", DecimalText.format(total, maxFractionDigits: 0), ""]))
            }
            // Under the table, what to cook: each meal's ingredients and method, as the text shows them.
            for item in day.items where item.kind == .meal && !(item.ingredients.isEmpty && item.method.isEmpty) {
                var heading = "**\(item.slot.rawValue.prefix(1).uppercased() + item.slot.rawValue.dropFirst()): \(MealPlan.markdownInline(item.name))**"
                if let prep = item.prepMinutes, let cook = item.cookMinutes { heading += " (\(prep) min prep, \(cook) min cooking)" }
                out += ["", heading]
                if !item.ingredients.isEmpty { out += [""] + item.ingredients.map { "- " + MealPlan.markdownInline($0.text) } }
                if !item.method.isEmpty {
                    out += [""] + item.method.enumerated().map { "\($0.offset + 1). " + MealPlan.markdownInline($0.element) }
                }
            }
        }

        if !nutrients.isEmpty {
            out += ["", "## Coverage", "", "Percent of the daily target reached each day.", ""]
            out.append(MealPlan.markdownRow(["Nutrient", "Status", "Target"] + days.map { String($0.name.prefix(3)) } + ["Mean"]))
            out.append("|---|---|--:|" + String(repeating: "--:|", count: days.count + 1))
            for nutrient in nutrients {
                let cells = days.map { "\(Int(((($0.coverage[nutrient.id] ?? 0).isFinite ? $0.coverage[nutrient.id] ?? 0 : 0) * 100).rounded()))%" }
                out.append(MealPlan.markdownRow(
                    [nutrient.name, nutrient.status?.rawValue ?? "targeted",
                     "\(DecimalText.format(nutrient.target, maxFractionDigits: 2)) \(nutrient.unit)"]
                        + cells + ["\(Int((nutrient.mean.isFinite ? nutrient.mean * 100 : 0).rounded()))%"]))
            }
            out += ["", "Targets count food and supplements together:", ""]
            out += nutrients.map { "- \(MealPlan.markdownInline($0.name)): \(MealPlan.markdownInline($0.basis))" }
            if !countedLines.isEmpty {
                out.append("")
                out += countedLines.map { "- " + MealPlan.markdownInline($0) }
            }
        }
        if !limits.isEmpty {
            out += ["", "## Daily limits", ""]
            out.append(MealPlan.markdownRow(["Limit", "At most"] + days.map { String($0.name.prefix(3)) }))
            out.append("|---|--:|" + String(repeating: "--:|", count: days.count))
            for limit in limits {
                out.append(MealPlan.markdownRow(
                    [limit.name, "\(DecimalText.format(limit.max, maxFractionDigits: 1)) \(limit.unit)"]
                        + limit.days.map { DecimalText.format($0, maxFractionDigits: 1) }))
            }
        }
        if !notes.isEmpty {
            out += ["", "## Notes", ""]
            out += notes.map { "- " + MealPlan.markdownInline($0) }
        }
        if !retests.isEmpty {
            out += ["", "## After the week: when to retest", ""]
            out += retests.map { "- " + MealPlan.markdownInline(sentence(for: $0)) + " Source: " + MealPlan.markdownInline($0.source) }
        }
        if !shopping.isEmpty {
            // By aisle in shop order, as the text shows it: what to buy, and how much.
            let people = servings > 1 ? " for \(servings) people" : ""
            out += ["", "## Shopping list (\(weeks.count > 1 ? "all weeks" : "the week")\(people), by aisle)"]
            for (aisle, entries) in shoppingByAisle {
                out += ["", "### " + MealPlan.markdownInline(aisle.prefix(1).uppercased() + aisle.dropFirst()), "",
                        "| Item | Amount |", "|---|--:|"]
                out += entries.map { MealPlan.markdownRow([$0.item.isEmpty ? $0.name : $0.item, $0.quantityText]) }
            }
        }
        out += ["", "> " + MealPlan.disclaimer]
        return out.joined(separator: "\n") + "\n"
    }

    /// A table row with every cell escaped.
    static func markdownRow(_ cells: [String]) -> String {
        "| " + cells.map(markdownCell).joined(separator: " | ") + " |"
    }

    /// Cell text safe inside a table: line breaks made spaces, then any other control or format
    /// character shown visibly (`printable`), then `\` and `|` backslash-escaped.
    static func markdownCell(_ text: String) -> String {
        var out = ""
        let oneLine = String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        for character in oneLine.printable {
            switch character {
            case "\\": out += "\\\\"
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// Inline text (list items, headings): like a cell, so `|` and line breaks are harmless too.
    static func markdownInline(_ text: String) -> String { markdownCell(text) }
}
