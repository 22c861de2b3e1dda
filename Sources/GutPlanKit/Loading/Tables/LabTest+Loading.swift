/// Reading `Rules/labs.csv`.
extension LabTest {
    static let csvColumns = ["id", "name", "aliases", "unit", "molar_mass", "valence", "source"]

    static func load(_ table: CSVTable, into diagnostics: inout [Diagnostic]) -> [LabTest] {
        var tests: [LabTest] = []
        var seen = [String: CSVTable.Field](minimumCapacity: table.rows.count)
        var names = NameClaims()
        for row in table.rows {
            let before = diagnostics.count
            let id = table.uniqueID(in: row, seen: &seen, into: &diagnostics)
            let molarMass = table.number("molar_mass", in: row, optional: true, positive: true, into: &diagnostics)
            var valence: Int?
            if let cell = table.field("valence", in: row), !cell.text.isEmpty {
                if let v = Int(cell.text), v > 0, v <= 8 {
                    valence = v
                } else {
                    diagnostics.append(table.diagnostic(.error, "valence must be a whole number from 1 to 8, not '\(cell.text)'", at: cell.location))
                }
            }
            let aliases = table.list("aliases", in: row)
            let unit = table.text("unit", in: row)
            guard diagnostics.count == before, let id else { continue }
            let test = LabTest(id: id, name: table.text("name", in: row), aliases: aliases, unit: unit,
                               molarMass: molarMass, valence: valence)
            if !test.accepts(unit: unit), let cell = table.field("unit", in: row) {
                let why = LabUnit(unit) == nil ? "unknown unit '\(unit)'" : "unit '\(unit)' needs a molar mass or valence this test lacks"
                diagnostics.append(table.diagnostic(.error, why, at: cell.location))
                continue
            }
            names.claim([id] + aliases, by: id, at: table.field("aliases", in: row)?.location ?? row.location,
                        table: table, into: &diagnostics)
            tests.append(test)
        }
        return tests
    }
}
