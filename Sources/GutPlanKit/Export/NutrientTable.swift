/// The nutrients a person can flag, as `gutplan nutrients` lists them: ids, names, units, the
/// daily target and upper limit for one sex and age band.
public struct NutrientTable: Sendable {
    var nutrients: [Nutrient]
    var sex: Sex
    var band: AgeBand

    /// An object keyed by nutrient id, in knowledge-base order:
    /// `{"zinc": {"name": "Zinc", "unit": "mg", "target": 8, "upper_limit": 40, ...}, ...}`
    /// (`target` and `upper_limit` null where there is none).
    public func json() -> String {
        let document: JSONValue = .object(ordered: nutrients.map { nutrient in
            (nutrient.id, .object(ordered: [
                ("name", .string(nutrient.name)), ("unit", .string(nutrient.unit)),
                ("target", .number(nutrient.target(sex: sex, band: band))),
                ("upper_limit", .number(nutrient.upperLimit(band: band))),
                ("reference_intake", .bool(nutrient.isReferenceIntake)),
                ("aliases", .array(nutrient.aliases.map(JSONValue.string))),
                ("source", .string(nutrient.source)),
            ]))
        })
        return document.rendered() + "\n"
    }

    /// Aligned columns (numbers right-aligned); targets that are not NIH/NASEM reference intakes
    /// are marked `*`. Names come from the rule files: print through a terminal-safe filter.
    public func text() -> String {
        func number(_ value: Double?) -> String { value.map { JSONWriter.number($0, maxFractionDigits: 2) } ?? "-" }
        let header = ["id", "name", "unit", "target", "limit"]
        let rows = nutrients.map { nutrient in
            [nutrient.id, nutrient.name, nutrient.unit,
             number(nutrient.target(sex: sex, band: band)) + (nutrient.isReferenceIntake ? "" : "*"),
             number(nutrient.upperLimit(band: band))]
        }
        let widths = (0..<header.count).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func cell(_ text: String, width: Int, rightAligned: Bool) -> String {
            let padding = String(repeating: " ", count: width - text.count)
            return rightAligned ? padding + text : text + padding
        }
        let lines: [String] = ([header] + rows).map { row in
            let cells: [String] = row.indices.map { cell(row[$0], width: widths[$0], rightAligned: $0 >= 3) }
            return cells.joined(separator: "  ").trailingSpacesTrimmed
        }
        return "Daily targets for \(sex.rawValue), age \(band.rawValue)\n\n" + lines.joined(separator: "\n")
            + "\n\n* not an NIH/NASEM reference intake\n"
    }
}
