/// A problem in a client profile file (`*.profile`). Every case carries its location (1-based
/// line, column counted in Unicode scalars), so a test can assert the whole list a read produced
/// and a person sees `path:line:col: error: message` with the line and a caret.
///
/// Errors are values: reading a profile collects all of them (at most
/// `ProfileScanner.maximumErrors`, then `tooManyErrors`) and never throws.
enum ProfileError: Sendable, Equatable, Error {
    /// The bytes are not UTF-8; at the first malformed byte. Reading stops there.
    case invalidUTF8(byte: UInt8, at: SourceLocation)
    /// A control character (NUL, C0 but tab, DEL, C1) or a bidirectional override; the line is skipped.
    case controlCharacter(Unicode.Scalar, at: SourceLocation)
    /// A line longer than `ProfileScanner.maximumLineLength` scalars; the line is skipped.
    case lineTooLong(limit: Int, at: SourceLocation)
    /// A file larger than `ProfileScanner.maximumBytes`; nothing is read.
    case fileTooLarge(limit: Int, at: SourceLocation)
    /// Text that is not `key: value` (no key, or no `:` after the key).
    case missingColon(found: String, at: SourceLocation)
    /// A key the format does not have; `suggestion` is the nearest known key.
    case unknownKey(String, suggestion: String?, at: SourceLocation)
    /// A key that may appear once, given again; `first` is where it stood first.
    case duplicateKey(String, first: SourceLocation, at: SourceLocation)
    /// An indented line that follows no entry taking continuation lines.
    case misplacedContinuation(at: SourceLocation)
    /// A word that is not one of `choices` for `key` (sex, diet, activity, yes/no, slot).
    case unknownValue(key: String, value: String, choices: [String], at: SourceLocation)
    /// Text where a number belongs (`age`, `weeks`, a lab value): `expected` says which numbers.
    case invalidNumber(key: String, value: String, expected: String, at: SourceLocation)
    /// A date that is not a real `YYYY-MM-DD` day.
    case invalidDate(String, at: SourceLocation)
    /// A nutrient (confirmed, suspected, supplement) the knowledge base does not know or cannot
    /// plan for; `reason` is the knowledge base's sentence, with its "did you mean".
    case unknownNutrient(String, reason: String, at: SourceLocation)
    /// Any other value the knowledge base rejects (a symptom, food, meal, lab test, unit,
    /// supplement amount); `reason` says why.
    case invalidValue(key: String, reason: String, at: SourceLocation)
    /// A required value left empty.
    case emptyValue(key: String, at: SourceLocation)
    /// The lab report named by `labs:` cannot be read; `resolved` is the path tried.
    case missingFile(String, resolved: String, reason: String, at: SourceLocation)
    /// Reading stopped after `limit` errors; at the first error not reported.
    case tooManyErrors(limit: Int, at: SourceLocation)

    var location: SourceLocation {
        switch self {
        case .invalidUTF8(_, let at), .controlCharacter(_, let at), .lineTooLong(_, let at), .fileTooLarge(_, let at),
             .missingColon(_, let at), .unknownKey(_, _, let at), .duplicateKey(_, _, let at),
             .misplacedContinuation(let at), .unknownValue(_, _, _, let at), .invalidNumber(_, _, _, let at),
             .invalidDate(_, let at), .unknownNutrient(_, _, let at), .invalidValue(_, _, let at),
             .emptyValue(_, let at), .missingFile(_, _, _, let at), .tooManyErrors(_, let at):
            return at
        }
    }

    /// A sentence for the person editing the file, without the location prefix.
    var message: String {
        switch self {
        case .invalidUTF8(let byte, _):
            return "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))): a profile is UTF-8 text"
        case .controlCharacter(let scalar, _):
            return "invalid control character \(Self.codePoint(scalar)); a profile is plain text"
        case .lineTooLong(let limit, _):
            return "line longer than \(limit) characters"
        case .fileTooLarge(let limit, _):
            return "the file is larger than \(limit) bytes; a profile is a page of text"
        case .missingColon(let found, _):
            return found.isEmpty ? "expected 'key: value'"
                : "expected ':' after '\(found.clipped(to: 40))' (lines are 'key: value')"
        case .unknownKey(let key, let suggestion, _):
            return "unknown key '\(key.clipped(to: 40))'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
                + "; see docs/PROFILES.md for the keys"
        case .duplicateKey(let key, let first, _):
            return "'\(key)' given twice (first at line \(first.line)); give it once"
        case .misplacedContinuation:
            return "indented line: only notes, labs and list keys continue on indented lines"
        case .unknownValue(let key, let value, let choices, _):
            return "unknown \(key) '\(value.clipped(to: 40))'" + Suggestion.didYouMean(value, among: choices)
                + "; choose " + Self.listing(choices)
        case .invalidNumber(let key, let value, let expected, _):
            let hint = value.contains("#") ? " (comments go on their own line)" : ""
            return "\(key) '\(value.clipped(to: 40))' is not \(expected)\(hint)"
        case .invalidDate(let text, _):
            return "'\(text.clipped(to: 40))' is not a date: write YYYY-MM-DD, e.g. 2026-12-07"
        case .unknownNutrient(_, let reason, _), .invalidValue(_, let reason, _):
            return reason
        case .emptyValue(let key, _):
            return "\(key) is empty"
        case .missingFile(let written, let resolved, let reason, _):
            return "cannot read lab report '\(written.clipped(to: 200))'"
                + (written == resolved ? "" : " (\(resolved.clipped(to: 400)))") + ": \(reason)"
        case .tooManyErrors(let limit, _):
            return "too many errors (\(limit)); stopping here"
        }
    }

    /// This error as a `Diagnostic` with the offending line for the caret. The line is shown
    /// safely: each control or bidirectional character becomes U+FFFD (one column, so the
    /// caret stays aligned), and a line too long to read is clipped.
    func diagnostic(sourceLine: String?) -> Diagnostic {
        var shown = sourceLine.map { line -> String in
            var view = String.UnicodeScalarView()
            for scalar in line.unicodeScalars.prefix(ProfileScanner.maximumLineLength) {
                view.append(ProfileScanner.isForbidden(scalar) ? "\u{FFFD}" : scalar)
            }
            return String(view)
        }
        if case .lineTooLong = self { shown = shown?.clipped(to: 80) }
        return Diagnostic(.error, message, at: location, sourceLine: shown)
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `a, b or c`.
    static func listing(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + (items.last ?? "")
    }
}
