import Foundation

/// libFuzzer target: the RFC 4180 reader behind every data file, with each header mode, and
/// the row loaders of the rule directory (foods, meals, nutrients, steps, symptoms, labs).
@_cdecl("LLVMFuzzerTestOneInput")
public func csvTableFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let path = "fuzz.csv"
    let knowledge = FuzzSupport.knowledge
    let loose = CSVTable.read(bytes, path: path, columns: .named(required: [], optional: [], ignoringCase: true, allowingOthers: true))
    FuzzSupport.checkDiagnostics(loose.diagnostics, path: path)
    if let table = loose.table {
        for row in table.rows {
            if row.fields.count != table.header.count { abort() }
            for name in table.columnNames { _ = table.field(table.column(name), in: row) }
        }
        for line in 0...(table.rows.count + 2) { _ = table.sourceLine(line) }
    }
    var diagnostics: [Diagnostic] = []
    if let t = CSVTable.read(bytes, path: path, columns: .exactly(Food.csvColumns)).table {
        _ = Food.load(t, into: &diagnostics)
    }
    func named(_ columns: [String]) -> CSVTable.Columns {
        .named(required: columns, optional: [], ignoringCase: false, allowingOthers: false)
    }
    if let t = CSVTable.read(bytes, path: path, columns: named(Meal.csvColumns)).table {
        _ = Meal.load(t, foods: knowledge.foods, into: &diagnostics)
    }
    if let t = CSVTable.read(bytes, path: path, columns: named(Nutrient.csvColumns)).table {
        _ = Nutrient.load(t, foodColumns: Food.nutrientColumns, into: &diagnostics)
    }
    if let t = CSVTable.read(bytes, path: path, columns: named(StressStep.csvColumns)).table {
        _ = StressStep.load(t, into: &diagnostics)
    }
    if let t = CSVTable.read(bytes, path: path, columns: named(Symptom.csvColumns)).table {
        _ = Symptom.load(t, into: &diagnostics)
    }
    if let t = CSVTable.read(bytes, path: path, columns: named(LabTest.csvColumns)).table {
        _ = LabTest.load(t, into: &diagnostics)
    }
    FuzzSupport.checkDiagnostics(diagnostics, path: path)
    return 0
}
