/// Cell readers shared by the knowledge-base tables: each returns `nil` and adds a located
/// diagnostic when the cell is wrong.
extension CSVTable {
    /// A cell that must be one of a fixed set of words (`female`, `daily_max`).
    func choice<T: RawRepresentable>(_ column: Column, in row: Row, among choices: [T],
                                     into diagnostics: inout [Diagnostic]) -> T? where T.RawValue == String {
        guard let cell = field(column, in: row) else { return nil }
        let text = cell.text.trimmedBlanks
        if let match = choices.first(where: { $0.rawValue == text }) { return match }
        let names = choices.map(\.rawValue)
        diagnostics.append(diagnostic(.error, "\(column.name) '\(text)' is not one of \(names.joined(separator: ", "))"
            + Suggestion.didYouMean(text, among: names), at: cell.location))
        return nil
    }

    /// A cell naming an id among `ids` (a nutrient, a food).
    func reference(_ column: Column, in row: Row, among ids: [String], what: String,
                   into diagnostics: inout [Diagnostic]) -> String? {
        guard let cell = field(column, in: row) else { return nil }
        let text = cell.text.trimmedBlanks
        if ids.contains(text) { return text }
        diagnostics.append(diagnostic(.error, "unknown \(what) '\(text)'" + Suggestion.didYouMean(text, among: ids),
                                      at: cell.location))
        return nil
    }

    /// `age_from` and `age_to` as whole years from 19 to 130 (`age_to` may be empty: no upper
    /// end); both empty is `nil`, allowed unless `required`.
    func ageRange(in row: Row, into diagnostics: inout [Diagnostic], required: Bool) -> ClosedRange<Int>? {
        let fromText = text("age_from", in: row).trimmedBlanks, toText = text("age_to", in: row).trimmedBlanks
        if fromText.isEmpty && toText.isEmpty && !required { return nil }
        let from = Int(fromText), to = toText.isEmpty ? 130 : Int(toText)
        guard let from, let to, from >= 19, to <= 130, from <= to else {
            if let cell = field("age_from", in: row) {
                diagnostics.append(diagnostic(.error, "ages must be whole years with 19 <= age_from <= age_to <= 130, not '\(fromText)' to '\(toText)'",
                                              at: cell.location))
            }
            return nil
        }
        return from...to
    }
}
