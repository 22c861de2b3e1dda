import Foundation

/// libFuzzer target: the rule language (lexer, parser, diagnostics) and the reference checker.
/// Bytes are decoded leniently (bad UTF-8 becomes U+FFFD, which the lexer must reject), and
/// strictly as the loader does.
@_cdecl("LLVMFuzzerTestOneInput")
public func ruleParserFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let path = "fuzz.rules"
    let text = String(decoding: bytes, as: UTF8.self)
    let file = RuleParser.parse(text, path: path)
    if file.errors.count > RuleParser.maximumErrors + 1 { abort() }
    let diagnostics = RuleParser.diagnostics(for: file, text: text)
    FuzzSupport.checkDiagnostics(diagnostics, path: path)
    if !file.errors.isEmpty, file.errors.contains(where: { $0.location.line < 1 }) { abort() }
    if file.errors.isEmpty {
        // Parsed rules go through the same checks `gutplan rules check` runs, on the real data.
        var knowledge = FuzzSupport.knowledge
        knowledge.rules = file.rules
        FuzzSupport.checkDiagnostics(RuleChecker.check(knowledge), path: path)
    }
    _ = UTF8Check.decode(bytes)
    return 0
}
