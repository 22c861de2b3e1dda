import Foundation

/// libFuzzer target: a person's lab report (`test,value,unit`) against the real `labs.csv`,
/// then the rules engine on the results it accepts.
@_cdecl("LLVMFuzzerTestOneInput")
public func labReportFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let path = "fuzz-labs.csv"
    let knowledge = FuzzSupport.knowledge
    let parsed = LabReport.parse(bytes, path: path, knowledge: knowledge)
    FuzzSupport.checkDiagnostics(parsed.diagnostics, path: path)
    if parsed.diagnostics.isEmpty {
        for result in parsed.results {
            if !result.value.isFinite || result.value < 0 { abort() }
            _ = LabUnit(result.unit)
        }
        let profile = Profile(sex: .female, age: 40, labs: parsed.results)
        _ = try? GutPlan(knowledge: knowledge).assess(profile)
    }
    return 0
}
