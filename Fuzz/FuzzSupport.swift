import Foundation

/// Shared by the fuzz targets: the real knowledge base (from `GUTPLAN_FUZZ_RULES`, set by
/// `Fuzz/run.sh`), loaded once, so readers that resolve names run against real ids.
enum FuzzSupport {
    static let knowledge: KnowledgeBase = {
        let directory = ProcessInfo.processInfo.environment["GUTPLAN_FUZZ_RULES"] ?? "Rules"
        guard let knowledge = KnowledgeBase.load(directory: directory).knowledge else {
            FileHandle.standardError.write(Data("fuzz: cannot load the rule directory \(directory)\n".utf8))
            exit(2)
        }
        return knowledge
    }()

    /// Every diagnostic must name a place inside the input (1-based) and render without trapping.
    static func checkDiagnostics(_ diagnostics: [Diagnostic], path: String) {
        for diagnostic in diagnostics {
            _ = diagnostic.rendered
            guard let location = diagnostic.location else { continue }
            if location.path != path || location.line < 1 || location.column < 1 {
                FileHandle.standardError.write(Data("fuzz: diagnostic outside the input: \(diagnostic.rendered)\n".utf8))
                abort()
            }
        }
    }
}

/// Loads the knowledge base before the first input, so its one-time allocation is not taken
/// for a leak of that input.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = FuzzSupport.knowledge
    return 0
}
