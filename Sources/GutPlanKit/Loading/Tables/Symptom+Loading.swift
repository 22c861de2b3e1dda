import Foundation

/// Reading `Rules/symptoms.csv`.
extension Symptom {
    static let csvColumns = ["id", "name", "aliases"]
    /// Columns a symptoms file may leave out: `gut` (`yes`, `no` or empty for no).
    static let optionalColumns = ["gut"]

    static func load(_ table: CSVTable, into diagnostics: inout [Diagnostic]) -> [Symptom] {
        var symptoms: [Symptom] = []
        var seen = [String: CSVTable.Field](minimumCapacity: table.rows.count)
        var names = NameClaims()
        for row in table.rows {
            let before = diagnostics.count
            guard let id = table.uniqueID(in: row, seen: &seen, into: &diagnostics) else { continue }
            let aliases = table.list("aliases", in: row)
            names.claim([id] + aliases, by: id, at: table.field("aliases", in: row)?.location ?? row.location,
                        table: table, into: &diagnostics)
            var gut = false
            if let cell = table.field("gut", in: row) {
                switch cell.text.trimmedBlanks {
                case "yes": gut = true
                case "no", "": gut = false
                default:
                    diagnostics.append(table.diagnostic(.error, "gut '\(cell.text)' is not one of yes, no", at: cell.location))
                }
            }
            guard diagnostics.count == before else { continue }
            symptoms.append(Symptom(id: id, name: table.text("name", in: row), aliases: aliases, gut: gut))
        }
        return symptoms
    }
}

/// Makes sure an id or alias names one thing only (symptoms and lab tests are looked up by either).
struct NameClaims {
    private var owners: [String: (id: String, location: SourceLocation)] = [:]

    mutating func claim(_ names: [String], by id: String, at location: SourceLocation, table: CSVTable,
                        into diagnostics: inout [Diagnostic]) {
        for name in names {
            let key = KnowledgeBase.normalizedName(name)
            if let owner = owners[key], owner.id != id {
                diagnostics.append(table.diagnostic(.error, "'\(name)' already names '\(owner.id)' (at \(owner.location))", at: location))
            } else if owners[key] == nil {
                owners[key] = (id, location)
            }
        }
    }
}
