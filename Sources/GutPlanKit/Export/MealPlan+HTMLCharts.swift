extension MealPlan {
    /// Whole percent of a coverage fraction, as every renderer rounds it (0 to 999).
    static func wholePercent(_ fraction: Double) -> Int {
        fraction.isFinite ? min(999, max(0, Int((fraction * 100).rounded()))) : 0
    }

    /// Heat-map shade 0 (under 25%) to 4 (target met).
    static func shade(_ coverage: Double) -> Int {
        switch coverage {
        case 1...: return 4
        case 0.75...: return 3
        case 0.5...: return 2
        case 0.25...: return 1
        default: return 0
        }
    }

    /// Numbers in SVG coordinates: at most two decimals, no locale.
    static func svgNumber(_ value: Double) -> String { DecimalText.format(value, maxFractionDigits: 2) }

    /// Hatch pattern for black-and-white printing: diagonal lines on white.
    static func hatchPattern(id: String) -> String {
        "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><rect width=\"2.4\" height=\"6\" fill=\"#333333\"/></pattern>"
    }

    /// The heat map (a table: nutrient × day, the % printed in every cell, shade as a second cue)
    /// and the bar chart of the mean coverage split into food and supplement.
    func htmlCoverage(_ w: inout HTMLWriter) {
        w.element("h2", "Coverage")
        guard !nutrients.isEmpty else {
            w.element("p", "No nutrient has a target in this plan.")
            return
        }
        w.element("p", "Percent of each day's target reached, counting what the body absorbs and any supplements. "
            + "The number is in every cell; darker means closer to the target.")
        for group in weekGroups {
            w.open("table", [("class", "heat")])
            let caption = weekGroups.count > 1 ? "Coverage, week \(group.week) (% of the daily target)" : "Coverage (% of the daily target)"
            w.element("caption", [("class", "muted")], caption)
            w.element("thead", markup: "<tr><th scope=\"col\">Nutrient</th>"
                + group.days.map { HTMLWriter.inline("th", [("scope", "col")], dayShortName($0)) }.joined()
                + "<th scope=\"col\">Mean</th></tr>")
            w.open("tbody")
            for nutrient in nutrients {
                let cells = group.days.map { day -> String in
                    let coverage = day.coverage[nutrient.id] ?? 0
                    return HTMLWriter.inline("td", [("class", "c\(MealPlan.shade(coverage))"),
                                                    ("data-value", DecimalText.format(coverage, maxFractionDigits: 4))],
                                             "\(MealPlan.wholePercent(coverage))%")
                }
                let mark = nutrient.status.map { " (\($0.rawValue))" } ?? ""
                // One week: the plan's own mean; several: each week's own.
                let mean = weekGroups.count == 1 ? nutrient.mean
                    : group.days.reduce(0) { $0 + ($1.coverage[nutrient.id] ?? 0) } / Double(max(group.days.count, 1))
                w.element("tr", markup: HTMLWriter.inline("th", [("scope", "row")], nutrient.name + mark) + cells.joined()
                    + HTMLWriter.inline("td", [("class", "c\(MealPlan.shade(mean))")], "\(MealPlan.wholePercent(mean))%"))
            }
            w.close("tbody")
            w.close("table")
        }
        w.element("p", [("class", "legend")], markup: "Shades: "
            + ["under 25%", "25-49%", "50-74%", "75-99%", "100%"].enumerated()
                .map { HTMLWriter.inline("span", [("class", "c\($0.offset)")], $0.element) }.joined())
        w.raw(coverageBarChart())
        w.element("h3", "How each target was set")
        w.open("ul")
        for nutrient in nutrients { w.element("li", "\(nutrient.name): \(nutrient.basis)") }
        w.close("ul")
    }

    /// Horizontal bars, one per nutrient: the plan's mean coverage (mean over the days of
    /// min(1, counted ÷ target)), split in the proportion `foodShare` : 1 − `foodShare` into a
    /// solid food part and a hatched supplement part.
    /// SVG units of the coverage bars' 100%.
    static let coverageBarScale = 300.0

    func coverageBarChart() -> String {
        let left = 190.0, scale = MealPlan.coverageBarScale, row = 26.0, top = 34.0
        let height = top + row * Double(nutrients.count) + 26
        var svg = "<figure>\n<svg role=\"img\" aria-labelledby=\"bars-title bars-desc\" viewBox=\"0 0 720 \(MealPlan.svgNumber(height))\">\n"
        let described = nutrients.map { nutrient -> String in
            let food = nutrient.mean * nutrient.foodShare
            var text = "\(nutrient.name) \(MealPlan.wholePercent(nutrient.mean))%"
            if nutrient.supplement > 0 {
                text += " (food \(MealPlan.wholePercent(food))%, supplement \(MealPlan.wholePercent(nutrient.mean - food))%)"
            }
            return text
        }
        svg += HTMLWriter.inline("title", [("id", "bars-title")], "Mean coverage of each target over the plan, food and supplement") + "\n"
        svg += HTMLWriter.inline("desc", [("id", "bars-desc")], "Mean % of the daily target: " + described.joined(separator: "; ") + ".") + "\n"
        svg += "<defs>" + MealPlan.hatchPattern(id: "bars-hatch") + "</defs>\n"
        // Legend and axis.
        svg += "<rect x=\"\(MealPlan.svgNumber(left))\" y=\"6\" width=\"14\" height=\"12\" fill=\"#2171b5\" stroke=\"#111111\"/>"
            + "<text x=\"\(MealPlan.svgNumber(left + 20))\" y=\"16\" font-size=\"12\">food</text>"
            + "<rect x=\"\(MealPlan.svgNumber(left + 70))\" y=\"6\" width=\"14\" height=\"12\" fill=\"url(#bars-hatch)\" stroke=\"#111111\"/>"
            + "<text x=\"\(MealPlan.svgNumber(left + 90))\" y=\"16\" font-size=\"12\">supplement</text>\n"
        for tick in [0, 25, 50, 75, 100] {
            let x = left + scale * Double(tick) / 100
            svg += "<line x1=\"\(MealPlan.svgNumber(x))\" y1=\"\(MealPlan.svgNumber(top - 4))\" x2=\"\(MealPlan.svgNumber(x))\" "
                + "y2=\"\(MealPlan.svgNumber(height - 22))\" stroke=\"\(tick == 100 ? "#111111" : "#bbbbbb")\" "
                + "stroke-width=\"\(tick == 100 ? "1.5" : "0.8")\"\(tick == 100 ? " stroke-dasharray=\"4 3\"" : "")/>"
                + "<text x=\"\(MealPlan.svgNumber(x))\" y=\"\(MealPlan.svgNumber(height - 8))\" font-size=\"11\" text-anchor=\"middle\">\(tick)%</text>\n"
        }
        for (index, nutrient) in nutrients.enumerated() {
            let y = top + row * Double(index)
            let food = nutrient.mean * nutrient.foodShare
            let supplement = nutrient.mean - food
            svg += HTMLWriter.inline("text", [("x", MealPlan.svgNumber(left - 8)), ("y", MealPlan.svgNumber(y + 15)),
                                              ("font-size", "12"), ("text-anchor", "end")], nutrient.name)
            svg += "<rect x=\"\(MealPlan.svgNumber(left))\" y=\"\(MealPlan.svgNumber(y + 3))\" width=\"\(MealPlan.svgNumber(scale * food))\" "
                + "height=\"18\" fill=\"#2171b5\" stroke=\"#111111\" stroke-width=\"0.6\" data-nutrient=\"\(HTMLWriter.escape(nutrient.id))\" "
                + "data-part=\"food\" data-value=\"\(DecimalText.format(food, maxFractionDigits: 4))\"/>"
            if supplement > 0 {
                svg += "<rect x=\"\(MealPlan.svgNumber(left + scale * food))\" y=\"\(MealPlan.svgNumber(y + 3))\" "
                    + "width=\"\(MealPlan.svgNumber(scale * supplement))\" height=\"18\" fill=\"url(#bars-hatch)\" stroke=\"#111111\" "
                    + "stroke-width=\"0.6\" data-nutrient=\"\(HTMLWriter.escape(nutrient.id))\" data-part=\"supplement\" "
                    + "data-value=\"\(DecimalText.format(supplement, maxFractionDigits: 4))\"/>"
            }
            var label = "\(MealPlan.wholePercent(nutrient.mean))%"
            if nutrient.supplement > 0 {
                label += " (food \(MealPlan.wholePercent(food))%, supplement \(MealPlan.wholePercent(supplement))%)"
            }
            svg += HTMLWriter.inline("text", [("x", MealPlan.svgNumber(left + scale * max(nutrient.mean, 0) + 6)),
                                              ("y", MealPlan.svgNumber(y + 16)), ("font-size", "12"),
                                              ("data-nutrient", nutrient.id), ("data-mean", DecimalText.format(nutrient.mean, maxFractionDigits: 4))],
                                     label) + "\n"
        }
        svg += "</svg>\n"
        svg += HTMLWriter.inline("figcaption", "Mean coverage over the plan. The dashed line is the target (100%); "
            + "the hatched part is what supplements bring.") + "\n</figure>\n"
        return svg
    }

    /// One chart per daily limit: a bar a day with its value printed, the limit as a dashed line,
    /// and a hatched bar on any day over it.
    func htmlLimits(_ w: inout HTMLWriter) {
        w.element("h2", "Daily limits")
        guard !limits.isEmpty else {
            w.element("p", "No daily limit applies to this plan.")
            return
        }
        w.element("p", "Each day against the most it may reach; a hatched bar would mark a day over the limit.")
        for (index, limit) in limits.enumerated() { w.raw(limitChart(limit, index: index)) }
        w.element("p", [("class", "source")], "Sources: " + limits.map { "\($0.name): \($0.source)" }.joined(separator: "; "))
    }

    func limitChart(_ limit: LimitSummary, index: Int) -> String {
        let values = Array(limit.days.prefix(days.count))
        let left = 70.0, right = 700.0, top = 26.0, bottom = 170.0
        let highest = max(limit.max, values.filter(\.isFinite).max() ?? 0)
        let ceiling = highest > 0 ? highest * 1.18 : 1
        func y(_ value: Double) -> Double { bottom - (bottom - top) * min(max(value, 0), ceiling) / ceiling }
        let slot = (right - left) / Double(max(values.count, 1))
        let digits = limit.max < 100 ? 1 : 0
        let id = "limit-\(index)"
        let over = zip(days, values).filter { $0.1 > limit.max + 1e-9 }.map { dayShortName($0.0) }
        var svg = "<figure>\n<svg role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" viewBox=\"0 0 720 200\">\n"
        svg += HTMLWriter.inline("title", [("id", "\(id)-title")],
                                 "\(limit.name) per day, at most \(DecimalText.format(limit.max, maxFractionDigits: 1)) \(limit.unit)") + "\n"
        let listed = zip(days, values).map { "\(dayShortName($0.0)) \(DecimalText.format($0.1, maxFractionDigits: digits))" }
        svg += HTMLWriter.inline("desc", [("id", "\(id)-desc")], "\(limit.name) in \(limit.unit): " + listed.joined(separator: ", ")
            + ". Limit \(DecimalText.format(limit.max, maxFractionDigits: 1)) \(limit.unit). Days over the limit: "
            + (over.isEmpty ? "none" : over.joined(separator: ", ")) + ".") + "\n"
        svg += "<defs>" + MealPlan.hatchPattern(id: "\(id)-hatch") + "</defs>\n"
        svg += HTMLWriter.inline("text", [("x", "0"), ("y", "14"), ("font-size", "13"), ("font-weight", "bold")],
                                 "\(limit.name) (\(limit.unit))") + "\n"
        svg += "<line x1=\"\(MealPlan.svgNumber(left))\" y1=\"\(MealPlan.svgNumber(bottom))\" x2=\"\(MealPlan.svgNumber(right))\" "
            + "y2=\"\(MealPlan.svgNumber(bottom))\" stroke=\"#111111\" stroke-width=\"1\"/>\n"
        let showValues = values.count <= 14
        for (dayIndex, (day, value)) in zip(days, values).enumerated() {
            let x = left + slot * Double(dayIndex)
            let width = max(slot * 0.62, 1)
            let isOver = value > limit.max + 1e-9
            svg += "<rect x=\"\(MealPlan.svgNumber(x + (slot - width) / 2))\" y=\"\(MealPlan.svgNumber(y(value)))\" "
                + "width=\"\(MealPlan.svgNumber(width))\" height=\"\(MealPlan.svgNumber(bottom - y(value)))\" "
                + "fill=\"\(isOver ? "url(#\(id)-hatch)" : "#6baed6")\" stroke=\"#111111\" stroke-width=\"0.6\" "
                + "data-limit=\"\(HTMLWriter.escape(limit.id))\" data-day=\"\(day.number)\" "
                + "data-value=\"\(DecimalText.format(value, maxFractionDigits: 4))\"/>"
            if showValues {
                svg += HTMLWriter.inline("text", [("class", "value"), ("x", MealPlan.svgNumber(x + slot / 2)),
                                                  ("y", MealPlan.svgNumber(y(value) - 4)), ("font-size", "11"), ("text-anchor", "middle")],
                                         DecimalText.format(value, maxFractionDigits: digits) + (isOver ? " over" : ""))
            }
            if showValues || dayIndex % 7 == 0 {
                svg += HTMLWriter.inline("text", [("x", MealPlan.svgNumber(x + slot / 2)), ("y", MealPlan.svgNumber(bottom + 15)),
                                                  ("font-size", "11"), ("text-anchor", showValues ? "middle" : "start")],
                                         showValues ? dayShortName(day) : "day \(day.number)")
            }
            svg += "\n"
        }
        svg += "<line x1=\"\(MealPlan.svgNumber(left))\" y1=\"\(MealPlan.svgNumber(y(limit.max)))\" x2=\"\(MealPlan.svgNumber(right))\" "
            + "y2=\"\(MealPlan.svgNumber(y(limit.max)))\" stroke=\"#111111\" stroke-width=\"1.6\" stroke-dasharray=\"6 4\" "
            + "data-limit-max=\"\(DecimalText.format(limit.max, maxFractionDigits: 4))\"/>"
        svg += HTMLWriter.inline("text", [("x", MealPlan.svgNumber(left - 6)), ("y", MealPlan.svgNumber(y(limit.max) + 4)),
                                          ("font-size", "11"), ("text-anchor", "end")],
                                 "limit " + DecimalText.format(limit.max, maxFractionDigits: 1)) + "\n"
        svg += "</svg>\n" + HTMLWriter.inline("figcaption", "\(limit.name) each day; the dashed line is the limit "
            + "(\(DecimalText.format(limit.max, maxFractionDigits: 1)) \(limit.unit)).") + "\n</figure>\n"
        return svg
    }
}
