extension MealPlan {
    /// The narrowest layout `text(width:useColor:)` supports; smaller widths are raised to it.
    public static let minimumTextWidth = 40

    /// The week as plain text for a terminal or a file: header (profile, flags, score and bound),
    /// each day's meals, additions and stress step, a coverage table (nutrient × day, % of target,
    /// with a bar and the weekly mean), notes, when to retest, a shopping list and the disclaimer.
    ///
    /// No line is wider than `width` columns (at least `minimumTextWidth`); long names wrap.
    /// ANSI colour only when `useColor` is set; the caller decides (a terminal, `NO_COLOR` unset).
    public func text(width requestedWidth: Int = 80, useColor: Bool = false, brief: Bool = false) -> String {
        let width = max(requestedWidth, MealPlan.minimumTextWidth)
        let style = ANSIStyle(enabled: useColor)
        var out: [String] = []

        out.append(style.bold(TextLayout.truncate(title, width)))
        out += headerLines(width: width)
        for day in days {
            out.append("")
            if isMultiWeek, (day.number - 1) % 7 == 0 {
                out.append(style.bold("Week \(day.week)"))
                out.append("")
            }
            out += dayLines(day, width: width, style: style, brief: brief)
        }
        if !nutrients.isEmpty {
            out.append("")
            out += coverageLines(width: width, style: style)
        }
        if !limits.isEmpty {
            out.append("")
            out += limitLines(width: width, style: style)
        }
        if !notes.isEmpty {
            out.append("")
            out.append(style.bold("Notes"))
            for note in notes { out += TextLayout.wrap(note, width: width, first: "- ", rest: "  ") }
        }
        if !retests.isEmpty {
            out.append("")
            out.append(style.bold("After the week: when to retest"))
            for retest in retests {
                out += TextLayout.wrap(sentence(for: retest), width: width, first: "- ", rest: "  ")
                out += TextLayout.wrap("Source: " + retest.source, width: width, first: "  ", rest: "  ").map(style.dim)
            }
        }
        if !shopping.isEmpty {
            out.append("")
            out += shoppingLines(width: width, style: style)
        }
        out.append("")
        out += TextLayout.wrap(MealPlan.disclaimer, width: width).map(style.dim)
        return out.joined(separator: "\n") + "\n"
    }

    /// `Vitamin D (confirmed), Zinc (suspected)`: flags by display name in knowledge-base order,
    /// then any flag without a reported nutrient by id; `none` when nothing is flagged.
    var flagSummary: String {
        guard !flags.isEmpty else { return "none" }
        let named = nutrients.filter { flags[$0.id] != nil }
        let rest = flags.keys.filter { id in !named.contains { $0.id == id } }.sorted(by: JSONValue.keyOrder)
        return (named.map { ($0.name, $0.id) } + rest.map { ($0, $0) })
            .map { "\($0.0) (\(flags[$0.1]?.rawValue ?? ""))" }.joined(separator: ", ")
    }

    private func headerLines(width: Int) -> [String] {
        let band = profile.energyBand
        let exclude = profile.exclude.isEmpty ? "nothing" : profile.exclude.joined(separator: ", ")
        let profileText = "\(profile.sex.rawValue), \(profile.age), \(profile.diet.rawValue); "
            + "\(DecimalText.format(band.lowerBound, maxFractionDigits: 0))-"
            + "\(DecimalText.format(band.upperBound, maxFractionDigits: 0)) kcal a day; excludes \(exclude)"
        let flagText = flagSummary
        let scoreText = String(scoreSummary.dropLast()) + "; 1.000 means every target met every day)"
        let label = 12
        let pad = String(repeating: " ", count: label)
        var lines = TextLayout.wrap(profileText, width: width, first: TextLayout.padRight("Profile", label), rest: pad)
            + TextLayout.wrap(flagText, width: width, first: TextLayout.padRight("Flags", label), rest: pad)
        if !supplementSummary.isEmpty {
            lines += TextLayout.wrap(supplementSummary, width: width, first: TextLayout.padRight("Supplements", label), rest: pad)
        }
        if !portionSummary.isEmpty {
            lines += TextLayout.wrap(portionSummary, width: width, first: TextLayout.padRight("Portions", label), rest: pad)
        }
        lines += TextLayout.wrap(scoreText, width: width, first: TextLayout.padRight("Score", label), rest: pad)
        lines += TextLayout.wrap(plantsSummary, width: width, first: TextLayout.padRight("Plants", label), rest: pad)
        for (week, text) in weekLines {
            lines += TextLayout.wrap(text, width: width, first: TextLayout.padRight("Week \(week)", label), rest: pad)
        }
        return lines
    }

    private func dayLines(_ day: Day, width: Int, style: ANSIStyle, brief: Bool) -> [String] {
        let heading = "Day \(day.number): \(day.name)" + (day.date.map { " \($0)" } ?? "")
        var lines = [style.bold(TextLayout.truncate(heading, width))]
        let labelWidth = 13  // "  " + "breakfast  "
        let kcalWidth = 10  // " 1234 kcal"
        let indent = String(repeating: " ", count: labelWidth)
        for item in day.items {
            let label = TextLayout.padRight("  " + item.slot.rawValue, labelWidth)
            if item.kind == .stress {
                let text = item.detail.map { "\(item.name): \($0)" } ?? item.name
                lines += TextLayout.wrap(text, width: width, first: label, rest: indent)
                continue
            }
            var name = item.name
            if item.kind != .meal, let portion = item.foods.first, portion.servings != 1 {
                name += " (\(DecimalText.format(portion.servings, maxFractionDigits: 2)) servings)"
            }
            var wrapped = TextLayout.wrap(name, width: width - kcalWidth, first: label, rest: indent)
            if let kcal = item.kcal, let firstLine = wrapped.first {
                let kcalText = "\(DecimalText.format(kcal, maxFractionDigits: 0)) kcal"
                wrapped[0] = TextLayout.padRight(firstLine, width - kcalWidth) + TextLayout.padLeft(kcalText, kcalWidth)
            }
            lines += wrapped
            if !brief, item.kind == .meal {
                let deeper = indent + "  "
                for ingredient in item.ingredients {
                    lines += TextLayout.wrap(ingredient.text, width: width, first: indent + "- ", rest: deeper)
                }
                if let prep = item.prepMinutes, let cook = item.cookMinutes {
                    lines += TextLayout.wrap("\(prep) min prep, \(cook) min cooking", width: width, first: indent, rest: deeper)
                }
                for (number, step) in item.method.enumerated() {
                    lines += TextLayout.wrap(step, width: width, first: indent + "\(number + 1). ", rest: deeper + " ")
                }
            }
        }
        if let kcal = day.totals["kcal"] {
            let total = "total \(DecimalText.format(kcal, maxFractionDigits: 0)) kcal"
            lines.append(TextLayout.padLeft(total, width))
        }
        return lines
    }

    /// The bar for a coverage fraction: full block at 100%, then ▆ ▄ ▂ and a blank under 25%.
    static func bar(_ coverage: Double) -> Character {
        switch coverage {
        case 1...: return "█"
        case 0.75...: return "▆"
        case 0.5...: return "▄"
        case 0.25...: return "▂"
        default: return " "
        }
    }

    private static func percent(_ coverage: Double) -> String {
        let value = coverage.isFinite ? min(999, max(0, Int((coverage * 100).rounded()))) : 0
        return String(value)
    }

    private func colored(_ text: String, _ coverage: Double, _ style: ANSIStyle) -> String {
        coverage >= 1 ? style.green(text) : coverage >= 0.5 ? style.yellow(text) : style.red(text)
    }

    private func coverageLines(width: Int, style: ANSIStyle) -> [String] {
        var lines = TextLayout.wrap("Coverage (% of the daily target; ! confirmed, ? suspected)", width: width).map(style.bold)
        let marks: [String] = nutrients.map { $0.status == .confirmed ? "!" : $0.status == .suspected ? "?" : "" }
        let labels = zip(nutrients, marks).map { "\($0.name)\($1)" }
        let dayNames = days.map { String($0.name.prefix(3)) }
        let cellWidth = 5  // " █100"
        let fixed = cellWidth * (days.count + 1)
        let longest = labels.map(TextLayout.width).max() ?? 0
        let nameWidth = min(max(longest, 8), width - fixed)
        if nameWidth >= 8 {
            var header = TextLayout.padRight("Nutrient", nameWidth)
            for name in dayNames { header += TextLayout.padLeft(name, cellWidth) }
            header += TextLayout.padLeft("Mean", cellWidth)
            lines.append(header)
            for (nutrient, label) in zip(nutrients, labels) {
                var row = TextLayout.padRight(TextLayout.truncate(label, nameWidth), nameWidth)
                for day in days {
                    let coverage = day.coverage[nutrient.id] ?? 0
                    let cell = String(MealPlan.bar(coverage)) + TextLayout.padLeft(MealPlan.percent(coverage), 3)
                    row += " " + colored(cell, coverage, style)
                }
                row += TextLayout.padLeft(MealPlan.percent(nutrient.mean) + "%", cellWidth)
                lines.append(row.trailingSpacesTrimmed)
            }
        } else {
            // Too narrow for a table: one wrapped line per nutrient.
            for (nutrient, label) in zip(nutrients, labels) {
                let cells = zip(dayNames, days).map { name, day in
                    "\(name) \(MealPlan.percent(day.coverage[nutrient.id] ?? 0))%"
                }
                let text = "\(label): mean \(MealPlan.percent(nutrient.mean))%; " + cells.joined(separator: ", ")
                lines += TextLayout.wrap(text, width: width, first: "", rest: "  ")
            }
        }
        lines += TextLayout.wrap("Daily targets (food and supplements together):", width: width)
        for nutrient in nutrients {
            lines += TextLayout.wrap("\(nutrient.name): \(nutrient.basis)", width: width, first: "- ", rest: "    ")
        }
        for line in countedLines { lines += TextLayout.wrap(line, width: width, first: "", rest: "  ") }
        return lines
    }

    private func limitLines(width: Int, style: ANSIStyle) -> [String] {
        var lines = TextLayout.wrap("Daily limits (every day at or under the limit)", width: width).map(style.bold)
        for limit in limits {
            let values = zip(days, limit.days).map { day, value in
                "\(day.name.prefix(3)) \(DecimalText.format(value, maxFractionDigits: limit.max < 100 ? 1 : 0))"
            }
            let text = "\(limit.name), at most \(DecimalText.format(limit.max, maxFractionDigits: 1)) \(limit.unit): "
                + values.joined(separator: ", ")
            lines += TextLayout.wrap(text, width: width, first: "- ", rest: "    ")
        }
        return lines
    }

    private func shoppingLines(width: Int, style: ANSIStyle) -> [String] {
        let people = servings > 1 ? " for \(servings) people" : ""
        var lines = [style.bold("Shopping list (\(weeks.count > 1 ? "all weeks" : "the week")\(people), by aisle)")]
        for (aisle, entries) in shoppingByAisle {
            lines.append("  " + aisle.prefix(1).uppercased() + aisle.dropFirst())
            let amounts = entries.map(\.quantityText)
            // Amounts right-aligned in a column as wide as the widest, but leave names 12 columns.
            let amountWidth = min((amounts.map(TextLayout.width).max() ?? 0) + 2, width - 16)
            let indent = "    "
            for (entry, amount) in zip(entries, amounts) {
                var wrapped = TextLayout.wrap(entry.item.isEmpty ? entry.name : entry.item, width: width - amountWidth,
                                              first: indent, rest: indent + "  ")
                if let first = wrapped.first {
                    wrapped[0] = TextLayout.padRight(first, width - amountWidth) + TextLayout.padLeft(amount, amountWidth)
                }
                lines += wrapped
            }
        }
        return lines
    }
}
